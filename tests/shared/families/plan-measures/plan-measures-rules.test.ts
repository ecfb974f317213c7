import { describe, expect, it } from 'vitest';
import { checkGrid } from '../../../../shared/rules/index.ts';
import { gridFrom } from '../../../helpers/grid-builder.ts';

type Row = (string | number | null)[];

const OUTCOME: Row = ['市民取組指標', '「広報須坂」を読んでいる人の割合（％）', '86.5（2019）', '90.0'];
const PROCESS: Row = ['市公式フェイスブックを見た人の数（人）', '183,595（2019）', '200,000'];
const ROLES: Row[] = [
  ['市民', '情報を入手します'],
  ['活動団体', '情報を広めます'],
  ['民間事業者', '情報を発信します'],
];

/** A 施策シート from its outcome rows, process rows and role rows. */
function sheet(outcome: Row[] = [OUTCOME], process: Row[] = [PROCESS], roles: Row[] = ROLES): Row[] {
  return [
    ['施策３５ 広聴・広報の充実'],
    ['◆施策の目指す姿'],
    ['意見を集めるまち'],
    ['【成果指標】'],
    ['指標の種類', '指標名', '現状値（年度）', '目標値（2025年）'],
    ...outcome,
    [],
    ['【プロセス指標】'],
    ['指標名', '現状値（年度）', '目標値（2025年）'],
    ...process,
    [],
    ['◆共創のまちづくり方針と各主体の役割'],
    ['主体', '期待される役割'],
    ...roles,
  ];
}

function findingsOf(rows: Row[]): { code: string; cell: string | null }[] {
  const { record, findings } = checkGrid(gridFrom('施策35', rows));
  expect(record.family).toBe('plan-measures');
  return findings.filter((f) => f.code.startsWith('plan-measures/')).map((f) => ({ code: f.code, cell: f.cell }));
}

describe('plan-measures rules', () => {
  it('finds nothing on a well-kept sheet, 未満 targets and 累計 included', () => {
    expect(findingsOf(sheet())).toEqual([]);
    expect(
      findingsOf(
        sheet([
          OUTCOME,
          ['統計指標', '経常収支比率（％）', '91.7（2019）', '90.0 未満'],
          ['統計指標', '成婚数（件）', '―', '15（累計）'],
        ]),
      ),
    ).toEqual([]);
  });

  it('reports a 指標の種類 outside its three kinds, and an empty one', () => {
    expect(findingsOf(sheet([['アンケート指標', ...OUTCOME.slice(1)]]))).toEqual([
      { code: 'plan-measures/indicator-kind-unknown', cell: 'A6' },
    ]);
    expect(findingsOf(sheet([[null, ...OUTCOME.slice(1)]]))).toEqual([
      { code: 'plan-measures/indicator-kind-unknown', cell: 'A6' },
    ]);
    expect(findingsOf(sheet([['市民 意識指標', ...OUTCOME.slice(1)]]))).toEqual([]);
  });

  it('reports a 現状値 without its year but not a blank one', () => {
    expect(findingsOf(sheet(undefined, [['市税徴収率（％）', '96.1', '98.6']]))).toEqual([
      { code: 'plan-measures/baseline-year-missing', cell: 'B10' },
    ]);
    expect(findingsOf(sheet(undefined, [['カップル成立数（組）', '―', '100']]))).toEqual([]);
  });

  it('reports a target below the baseline unless 未満 or 以下 says lower is better', () => {
    expect(findingsOf(sheet([['統計指標', '経常収支比率（％）', '91.7（2019）', '90.0']]))).toEqual([
      { code: 'plan-measures/target-below-baseline', cell: 'D6' },
    ]);
    expect(findingsOf(sheet([['統計指標', '経常収支比率（％）', '91.7（2019）', '90.0 以下']]))).toEqual([]);
  });

  it('reports an actor of 各主体の役割 that is missing or has no role; 一般市民 counts as 市民', () => {
    expect(findingsOf(sheet(undefined, undefined, ROLES.slice(1)))).toEqual([
      { code: 'plan-measures/role-missing', cell: 'A13' },
    ]);
    expect(findingsOf(sheet(undefined, undefined, [ROLES[0]!, ['活動団体', null], ROLES[2]!]))).toEqual([
      { code: 'plan-measures/role-missing', cell: 'B15' },
    ]);
    expect(findingsOf(sheet(undefined, undefined, [['一般市民', '関心を持ちます'], ...ROLES.slice(1)]))).toEqual([]);
  });
});
