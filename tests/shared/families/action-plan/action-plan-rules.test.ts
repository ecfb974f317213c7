import { describe, expect, it } from 'vitest';
import { planYears } from '../../../../shared/families/action-plan/rules.ts';
import { checkGrid } from '../../../../shared/rules/index.ts';
import { readWorkbookFile } from '../../../../worker/xlsx/index.ts';
import { gridFrom } from '../../../helpers/grid-builder.ts';
import { SEED_FILE } from './action-plan-fixture.ts';

type Row = (string | number | null)[];

const HEADER: Row[] = [
  ['西区 区ビジョンまちづくり計画 第4次実施計画'],
  ['計画期間', '令和3年度～令和4年度'],
  ['Ⅰ 安心なまち'],
  ['◆支え合うまちづくり'],
  ['(1)子育て'],
  ['事業番号', '事業名', '事業概要', '事業内容', 'R2実績', '工程・数値目標', null, '担当課'],
  [null, null, null, null, null, 'R3', 'R4', null],
];
const HEADER_MERGES = ['A6:A7', 'B6:B7', 'C6:C7', 'D6:D7', 'E6:E7', 'F6:G6', 'H6:H7'];

const P1: Row = ['1', '子育て支援事業', '講座を開きます。', '講座の実施', '16講座', '20講座', '20講座', '健康福祉課'];
const P2: Row = ['2', '子育て相談支援事業', '相談を受けます。', '相談の実施', '実施', '実施', '実施', '健康福祉課'];
const P3: Row = ['3', '児童虐待防止対策事業', '相談を受けます。', '家庭児童相談', '実施', '実施', '実施', '健康福祉課'];

/** The action-plan findings of a sheet built from the header above and these project rows. */
function findingsOf(
  body: Row[],
  merges: string[] = [],
  header: Row[] = HEADER,
): { code: string; cell: string | null }[] {
  const { findings } = checkGrid(gridFrom('柱1', [...header, ...body], [...HEADER_MERGES, ...merges]));
  return findings.filter((f) => f.code.startsWith('action-plan/')).map((f) => ({ code: f.code, cell: f.cell }));
}

describe('action-plan rules', () => {
  it('finds nothing on a well-kept sheet', () => {
    expect(findingsOf([P1, P2, P3])).toEqual([]);
  });

  it('reports a skipped 事業番号', () => {
    expect(findingsOf([P1, P3])).toEqual([{ code: 'action-plan/number-gap', cell: 'A9' }]);
  });

  it('reports a 事業番号 used twice within one measure, but not across measures', () => {
    expect(findingsOf([P1, P2, ['2', ...P3.slice(1)]])).toEqual([
      { code: 'action-plan/number-duplicate', cell: 'A10' },
    ]);
    expect(
      findingsOf(
        [P1, P2, ['(2)保健'], [...HEADER[5]!], [...HEADER[6]!], ['1', ...P3.slice(1)]],
        ['A11:A12', 'B11:B12', 'C11:C12', 'D11:D12', 'E11:E12', 'F11:G11', 'H11:H12'],
      ),
    ).toEqual([]);
  });

  it('reports a missing 事業名 and a missing 担当課', () => {
    expect(findingsOf([P1, ['2', null, ...P2.slice(2)]])).toEqual([{ code: 'action-plan/name-missing', cell: 'B9' }]);
    expect(findingsOf([P1, [...P2.slice(0, 7), null]])).toEqual([{ code: 'action-plan/division-missing', cell: 'H9' }]);
  });

  it('reports a missing 事業概要 as a warning', () => {
    expect(findingsOf([P1, ['2', P2[1]!, null, ...P2.slice(3)]])).toEqual([
      { code: 'action-plan/summary-missing', cell: 'C9' },
    ]);
  });

  it('reports a plan year without a target but accepts 「(R3で事業終了)」', () => {
    expect(findingsOf([P1, [...P2.slice(0, 6), null, P2[7]!]])).toEqual([
      { code: 'action-plan/target-missing', cell: 'G9' },
    ]);
    expect(findingsOf([P1, [...P2.slice(0, 6), '(R3で事業終了)', P2[7]!]])).toEqual([]);
  });

  it('reports a (再) that points at no project on the sheet', () => {
    expect(
      findingsOf([
        P1,
        P2,
        ['(再)', '区長への手紙', '手紙に対応します。', '手紙の受理', '実施', '実施', '実施', '地域課'],
      ]),
    ).toEqual([{ code: 'action-plan/relist-unmatched', cell: 'B10' }]);
    expect(findingsOf([P1, P2, ['(再)', ...P1.slice(1)]])).toEqual([]);
  });

  it('reports a (再) whose figures differ from the original', () => {
    expect(findingsOf([P1, P2, ['(再)', ...P1.slice(1, 5), '25講座', ...P1.slice(6)]])).toEqual([
      { code: 'action-plan/relist-differs', cell: 'F10' },
    ]);
  });

  it('reports a unit that changes across R2/R3/R4 of one row, but not 校 against 小学校', () => {
    expect(findingsOf([P1, P2, ['3', P3[1]!, P3[2]!, P3[3]!, '12件', '15回', '15回', '健康福祉課']])).toEqual([
      { code: 'action-plan/unit-changes', cell: 'F10' },
    ]);
    expect(
      findingsOf([
        P1,
        P2,
        ['3', P3[1]!, P3[2]!, P3[3]!, '10校で実施', '全19小学校で実施', '全19小学校で実施', '健康福祉課'],
      ]),
    ).toEqual([]);
  });

  it('reports year headers that do not follow the plan period', () => {
    const copied = HEADER.map((r, i) => (i === 1 ? ['計画期間', '令和5年度～令和6年度'] : r));
    expect(findingsOf([P1], [], copied).map((f) => f.code)).toEqual([
      'action-plan/period-mismatch',
      'action-plan/period-mismatch',
      'action-plan/period-mismatch',
      'action-plan/period-mismatch',
      'action-plan/period-mismatch',
    ]);
  });

  it('reads plan periods as staff write them', () => {
    expect(planYears('令和3年度～令和4年度')).toEqual({ first: 2021, last: 2022 });
    expect(planYears('令和3年度～4年度')).toEqual({ first: 2021, last: 2022 });
    expect(planYears('2021年度〜2023年度')).toEqual({ first: 2021, last: 2023 });
    expect(planYears('令和3年度')).toBeNull();
  });
});

describe('action-plan rules on the seed workbook', () => {
  it('reports only the numbering slips the printed plan has: two projects numbered 5, and 4 after 1', async () => {
    const { grids } = await readWorkbookFile(SEED_FILE);
    const findings = grids.flatMap((g) => checkGrid(g).findings.map((f) => [g.sheet, f.severity, f.code, f.cell]));
    expect(findings).toEqual([
      ['Ⅰ 人と人がつながるまち', 'warning', 'action-plan/number-duplicate', 'A22'],
      ['Ⅳ 自然と住環境のまち', 'warning', 'action-plan/number-gap', 'A80'],
    ]);
  });
});
