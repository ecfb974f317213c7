import { describe, expect, it } from 'vitest';
import { extractSheet } from '../../../shared/extract/index.ts';
import { FAMILIES } from '../../../shared/families/index.ts';
import type { Grid } from '../../../shared/grid/index.ts';
import type { SheetRecord } from '../../../shared/model/record.ts';
import { gridFrom } from '../../helpers/grid-builder.ts';
import { insertColumns, insertRows, mapText, toFullWidth, unmerge } from '../../helpers/grid-relayout.ts';
import { DIVISION_MERGES, DIVISION_ROWS } from './org-goals-fixture.ts';

const division = (): Grid => gridFrom('健康福祉課', DIVISION_ROWS, DIVISION_MERGES);
const extract = (grid: Grid): SheetRecord => extractSheet(grid, FAMILIES).record;

/** What a coordinator needs out of the sheet, independent of where it sits. */
function essence(record: SheetRecord) {
  return record.measures.map((m) => ({
    group: m.group,
    name: m.name,
    unit: m.unit,
    goal: m.fields?.['goal']?.slice(0, 12) ?? null,
    values: m.values.map((v) => [v.year, v.kind, v.value, v.blank]),
  }));
}

describe('org-goals extraction', () => {
  it('reads the division sheet header fields', () => {
    const record = extract(division());
    expect(record.family).toBe('org-goals');
    expect(record.variant).toBe('division');
    expect(record.organization).toBe('健康福祉課');
    expect(record.fiscalYear).toBe(2020);
    expect(record.fields?.['department']?.value).toBe('秋葉区役所');
    expect(record.fields?.['createdOn']).toEqual({ value: '令和2年4月1日', cell: 'J2' });
    expect(record.fields?.['evaluatedOn']).toEqual({ value: '', cell: 'J4' });
    expect(record.fields?.['contact']?.value).toBe('0250-25-5711');
    expect(record.fields?.['purpose']?.cell).toBe('B6');
    expect(record.fields?.['plan']?.cell).toBe('A19');
    expect(record.fields?.['outcome']).toEqual({ value: '', cell: 'F19' });
  });

  it('reads every indicator with its goal, unit, cells and five year values', () => {
    const record = extract(division());
    expect(record.measures).toHaveLength(6);
    const m = record.measures[1]!;
    expect(m).toMatchObject({ group: '2', name: 'つながる支援ファイル利用者数（人）', unit: '人', cell: 'D12' });
    expect(m.values.map((v) => [v.year, v.kind, v.raw, v.value, v.blank, v.cell])).toEqual([
      [2017, 'actual', '－', null, true, 'E12'],
      [2018, 'actual', '－', null, true, 'F12'],
      [2019, 'actual', '87', 87, false, 'G12'],
      [2020, 'target', '100', 100, false, 'H12'],
      [2020, 'result', '', null, true, 'I12'],
    ]);
    expect(record.measures[3]!.values[2]!.value).toBe(1660);
    expect(record.measures[3]!.group).toBe('2');
    expect(record.measures[3]!.fields?.['goal']).toMatch(/^「秋葉区地域福祉計画/);
    expect(record.items?.['groups']?.map((g) => [g['group'], g['indicators']])).toEqual([
      ['1', '1'],
      ['2', '3'],
      ['3', '1'],
      ['4', '1'],
    ]);
  });

  it('reads the same data after rows and columns are inserted around and inside the table', () => {
    const base = essence(extract(division()));
    let grid = insertRows(division(), 0, 2, '令和2年度 秋葉区');
    grid = insertRows(grid, 12, 1);
    grid = insertColumns(grid, 0, 1);
    grid = insertColumns(grid, 6, 1, { row: 11, text: '備考' });
    expect(essence(extract(grid))).toEqual(base);
  });

  it('keeps the 部区組織目標 column apart from the goal text', () => {
    let grid = insertColumns(division(), 1, 1, { row: 8, text: '部区\n組織目標' });
    grid = { ...grid, merges: [...grid.merges, { top: 8, left: 1, bottom: 9, right: 1 }] };
    grid.rows[10]![1] = { text: '3', kind: 'string', value: '3' };
    const record = extract(grid);
    expect(essence(record)).toEqual(essence(extract(division())));
    expect(record.measures[0]!.fields?.['wardGoal']).toBe('3');
  });

  it('reads goals that are unmerged and left blank below their first row', () => {
    expect(essence(extract(unmerge(division(), 'blank')))).toEqual(essence(extract(division())));
  });

  it('reads goals whose text is repeated on every row', () => {
    expect(essence(extract(unmerge(division(), 'repeat')))).toEqual(essence(extract(division())));
  });

  it('reads full-width digits and headers typed as text', () => {
    const grid = mapText(division(), (text) => toFullWidth(text));
    const record = extract(grid);
    expect(record.fiscalYear).toBe(2020);
    expect(essence(record)).toEqual(essence(extract(division())));
  });

  it('reads Western year headers', () => {
    const grid = mapText(division(), (text) =>
      text.replace('Ｈ29', '2017').replace('Ｈ30', '2018').replace('R1', '2019').replace('R2', '2020'),
    );
    expect(extract(grid).measures[0]!.values.map((v) => v.year)).toEqual([2017, 2018, 2019, 2020, 2020]);
  });

  it('reads year headers split over two rows: the year above its kinds, or the kind above its years', () => {
    const rows = DIVISION_ROWS.map((r) => [...r]);
    rows[8] = ['No.', '組織目標', '主な取組（事業）', '指標', '実績', null, null, 'R2', null, null, '目標達成状況'];
    rows[9] = [null, null, null, '項目（単位）', 'H29', 'H30', 'R1', '目標', '結果', '補足・参考指標', '評価'];
    const merges = DIVISION_MERGES.filter((m) => m !== 'D9:J9').concat(['E9:G9', 'H9:I9']);
    const record = extract(gridFrom('健康福祉課', rows, merges));
    expect(record.measures[0]!.values.map((v) => `${v.year}${v.kind}`)).toEqual([
      '2017actual',
      '2018actual',
      '2019actual',
      '2020target',
      '2020result',
    ]);
    expect(essence(record)).toEqual(essence(extract(division())));
  });

  it("reads a year's 実績 written after its target as the result, and 年度実績 before it as actuals", () => {
    const record = extract(
      gridFrom('組織目標', [
        ['組織目標管理シート', null, null, null, null, null, '年度', 'R4年度'],
        ['所属', '東区地域課'],
        [],
        [
          'No.',
          '目標',
          '取組内容',
          '指標名',
          '令和2年度実績',
          '令和3年度実績',
          '令和4年度目標',
          '令和4年度実績',
          '自己評価',
        ],
        [1, '防犯', '防犯教室', '刑法犯認知件数', '120件', '110件', '100件以下', '98件', 'A'],
        [],
        ['取組結果について'],
        ['次年度は屋内会場を確保する。'],
      ]),
    );
    expect(record.measures).toHaveLength(1);
    expect(record.measures[0]!.values.map((v) => [v.year, v.kind, v.value])).toEqual([
      [2020, 'actual', 120],
      [2021, 'actual', 110],
      [2022, 'target', 100],
      [2022, 'result', 98],
    ]);
    expect(record.measures[0]!.fields?.['initiatives']).toBe('防犯教室');
    expect(record.fields?.['outcome']?.value).toBe('次年度は屋内会場を確保する。');
  });

  it('ends the table at a 組織名 / 作成日 / 評価日 block below it, reading the block as the header fields', () => {
    const record = extract(
      gridFrom('健康福祉課', [
        ['組織目標管理シート（東区 健康福祉課）'],
        ['年度', '2022年度'],
        ['No.', '指標', '単位', '2021年度実績', '2022年度目標', '2022年度結果', '評価'],
        [1, '健康教室開催回数', '回', 14, 15, 18, 'A'],
        [],
        ['組織名（部）', '東区役所', '組織名（課）', '健康福祉課', '作成日', '2022/4/1'],
        [null, null, null, null, '評価日', '2023/3/31'],
      ]),
    );
    expect(record.measures.map((m) => m.name)).toEqual(['健康教室開催回数']);
    expect(record.organization).toBe('健康福祉課');
    expect(record.fields?.['createdOn']?.value).toBe('2022/4/1');
  });

  it('names the division from the title when no cell does, saying so', () => {
    const record = extract(
      gridFrom('Sheet1', [
        ['組織目標管理シート（西区 保健衛生課）', null, null, null, '年度', '令和4年度'],
        ['No.', '組織目標', '指標', '令和3年度実績', '令和4年度目標', '令和4年度結果'],
        [1, '食の安全', '講習会の開催回数', 6, 10, 11],
      ]),
    );
    expect(record.organization).toBe('保健衛生課');
    expect(record.fields?.['division']).toMatchObject({ value: '保健衛生課', cell: 'A1', source: '表題' });
  });

  it('reads goal numbers written as circled or full-width numbers', () => {
    const grid = mapText(division(), (text, cell) =>
      cell.kind === 'string' && /^[1-4]$/.test(text) ? '①②③④'[Number(text) - 1]! : text,
    );
    expect(extract(grid).measures.map((m) => m.group)).toEqual(['1', '2', '2', '2', '3', '4']);
  });

  it('numbers the goals itself when the sheet has no No. column', () => {
    const grid = unmerge(division(), 'repeat', (m) => m.left === 0 && m.top >= 8);
    for (const row of grid.rows) row.splice(0, 1);
    const record = extract({
      ...grid,
      merges: grid.merges.filter((m) => m.left > 0).map((m) => ({ ...m, left: m.left - 1, right: m.right - 1 })),
    });
    expect(record.measures.map((m) => m.group)).toEqual(['1', '2', '2', '2', '3', '4']);
    expect(record.measures.map((m) => m.name)).toEqual(extract(division()).measures.map((m) => m.name));
  });

  it('does not claim a sheet that is not the form', () => {
    const other = gridFrom('Sheet1', [
      ['氏名', '年度', '金額'],
      ['山田', 'R2実績', 'R3目標'],
      ['組織目標', '100', '200'],
    ]);
    expect(extract(other).family).toBeNull();
    expect(extract(gridFrom('空', [])).family).toBeNull();
  });

  it('reads the ward sheet: priorities and goal counts', () => {
    const ward = gridFrom(
      '秋葉区組織目標',
      [
        ['令和２年度 秋葉区組織目標'],
        ['組織名', '秋葉区', null, '部長', '秋葉区長 夏目 久義'],
        ['組織の目的・方向性', '秋葉区では、区ビジョンまちづくり計画や…'],
        ['秋葉区組織目標', '秋葉区では、産学官・地域等と連携して…'],
        ['重点目標', '１', '産学官及び地域等と連携し…'],
        [null, '２', '住民主体の地域活動の深化に向け…'],
        [null, '３', '「秋葉区地域福祉計画・地域福祉活動計画」の理念を…'],
        [null, '４', '里山の魅力発信や…'],
        [null, '※重点目標における指標や取組状況は、各課組織目標をご覧ください。'],
        ['評価', '取組結果'],
        [null, '重点目標の達成状況', null, '目標数', '４', '達成数', null],
      ],
      ['A1:H1', 'A5:A8', 'C5:H5', 'C6:H6', 'C7:H7', 'C8:H8', 'B9:H9', 'A10:A11', 'C10:H10'],
    );
    const record = extract(ward);
    expect(record).toMatchObject({
      family: 'org-goals',
      variant: 'ward',
      organization: '秋葉区',
      fiscalYear: 2020,
      measures: [],
    });
    expect(record.items?.['priorities']?.map((p) => [p['no'], p['text']?.slice(0, 6), p['cell']])).toEqual([
      ['1', '産学官及び地', 'C5'],
      ['2', '住民主体の地', 'C6'],
      ['3', '「秋葉区地域', 'C7'],
      ['4', '里山の魅力発', 'C8'],
    ]);
    expect(record.fields?.['goalCount']).toEqual({ value: '４', cell: 'E11' });
    expect(record.fields?.['achievedCount']).toEqual({ value: '', cell: 'G11' });
    expect(record.fields?.['head']?.value).toBe('秋葉区長 夏目 久義');
  });
});
