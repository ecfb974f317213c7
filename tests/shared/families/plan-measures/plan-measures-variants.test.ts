import { describe, expect, it } from 'vitest';
import { extractSheet } from '../../../../shared/extract/index.ts';
import { FAMILIES } from '../../../../shared/families/index.ts';
import type { SheetRecord } from '../../../../shared/model/record.ts';
import { toHalfWidth } from '../../../../shared/values/index.ts';
import { gridFrom } from '../../../helpers/grid-builder.ts';
import { insertColumns, insertRows, mapText, toFullWidth, unmerge } from '../../../helpers/grid-relayout.ts';

/** A 施策シート typed by another office: label/value heading cells, other header words, merged kinds and actors. */
const ROWS = [
  ['施策番号', '12', '施策名', '子育て支援の充実'],
  ['基本施策', '子どもが育つまち'],
  [],
  ['◆施策の目指す姿'],
  ['安心して子育てできるまちを目指します。'],
  ['■成果指標'],
  ['指標の種類', '指標名（単位）', '現状値(年度)', '目標値（令和7年度）'],
  ['統計指標', '出生数（人）', '350（R1）', '400'],
  [null, '待機児童数（人）', '5（2019）', '0 以下'],
  ['市民意識指標', '子育て満足度（%）', '―', '60.0'],
  [],
  ['◆現状と課題'],
  ['保育士が不足しています。'],
  ['◆施策の取組方針'],
  ['保育士を確保します。'],
  ['◆主な取組内容'],
  ['(1) 保育の充実', null, null, '担当課：子育て支援課'],
  ['取組項目', '具体的な内容'],
  ['保育の確保', '◇ 保育士の募集'],
  [null, '◇ 保育所の整備'],
  [],
  ['◆プロセス指標'],
  ['指標名', '現状値（年度）', '目標値（2025年）'],
  ['保育士数（人）', '120（2019）', '150'],
  [],
  ['◆共創のまちづくり方針と各主体の役割'],
  ['主体', '期待される役割'],
  ['市民', '子育てを地域で支えます'],
  [null, '見守り活動に参加します'],
  ['活動団体', '子育てサロンを開きます'],
  ['民間事業者', '育児休業を取りやすくします'],
];
const MERGES = ['A8:A9', 'A28:A29'];

const extract = (rows = ROWS, merges = MERGES): SheetRecord =>
  extractSheet(gridFrom('施策12', rows, merges), FAMILIES).record;

function essence(record: SheetRecord) {
  return {
    family: record.family,
    organization: record.organization,
    measures: record.measures.map((m) => [
      m.table,
      m.name,
      m.fields?.['kind'] ?? null,
      m.values.map((v) => [v.kind, v.year, v.value, v.comparator, v.blank]),
    ]),
    actions: record.items?.['actions']?.map((a) => [a['heading'], a['division'], a['item'], a['content']]),
    roles: record.items?.['roles']?.map((r) => [r['actor'], r['role']]),
  };
}

describe('plan-measures sheets typed differently', () => {
  it('reads label/value headings, 指標名（単位）, 令和 target headers and ■/◆ titles', () => {
    const record = extract();
    expect(record).toMatchObject({ family: 'plan-measures', organization: '子育て支援の充実', fiscalYear: 2025 });
    expect(record.fields?.['measureNo']).toEqual({ value: '12', cell: 'B1' });
    expect(record.fields?.['basicPolicy']?.value).toBe('子どもが育つまち');
    expect(essence(record).measures).toEqual([
      [
        'outcome',
        '出生数（人）',
        '統計指標',
        [
          ['baseline', 2019, 350, null, false],
          ['target', 2025, 400, null, false],
        ],
      ],
      [
        'outcome',
        '待機児童数（人）',
        '統計指標',
        [
          ['baseline', 2019, 5, null, false],
          ['target', 2025, 0, '<=', false],
        ],
      ],
      [
        'outcome',
        '子育て満足度（%）',
        '市民意識指標',
        [
          ['baseline', null, null, null, true],
          ['target', 2025, 60, null, false],
        ],
      ],
      [
        'process',
        '保育士数（人）',
        null,
        [
          ['baseline', 2019, 120, null, false],
          ['target', 2025, 150, null, false],
        ],
      ],
    ]);
  });

  it('reads 担当課 written with its label, one 具体的な内容 per row and a 主体 merged over two rows', () => {
    const { actions, roles } = essence(extract());
    expect(actions).toEqual([
      ['(1) 保育の充実', '担当課：子育て支援課', '保育の確保', '◇ 保育士の募集'],
      ['(1) 保育の充実', '担当課：子育て支援課', '保育の確保', '◇ 保育所の整備'],
    ]);
    expect(roles).toEqual([
      ['市民', '子育てを地域で支えます'],
      ['市民', '見守り活動に参加します'],
      ['活動団体', '子育てサロンを開きます'],
      ['民間事業者', '育児休業を取りやすくします'],
    ]);
  });

  it('reads the same after rows and columns are inserted, merges undone and digits typed full-width', () => {
    const base = essence(extract());
    const grid = gridFrom('施策12', ROWS, MERGES);
    for (const changed of [
      insertRows(grid, 0, 2, '須坂市総合計画'),
      insertColumns(grid, 0, 1),
      unmerge(grid, 'repeat'),
      unmerge(grid, 'blank'),
      mapText(grid, (t) => t.replace(/[0-9]/g, (d) => toFullWidth(d))),
    ]) {
      const half = (e: ReturnType<typeof essence>): unknown => JSON.parse(toHalfWidth(JSON.stringify(e)));
      expect(half(essence(extractSheet(changed, FAMILIES).record))).toEqual(half(base));
    }
  });

  it("reads the municipality from the plan's title row or a 市町村名 cell, and none from a blank 〇〇市 title", () => {
    const municipality = (rows: (string | null)[][]) => extract([...rows, ...ROWS], []).fields?.['municipality'];
    expect(municipality([['須坂市総合計画　施策シート']])).toEqual({ value: '須坂市', cell: 'A1' });
    expect(municipality([['第六次 須坂市総合計画 後期基本計画']])?.value).toBe('須坂市');
    expect(municipality([['長野県須坂市第６次総合計画']])?.value).toBe('須坂市');
    expect(municipality([['四日市市総合計画']])?.value).toBe('四日市市');
    expect(municipality([['京都市総合計画']])?.value).toBe('京都市');
    expect(municipality([['計画', '総合計画', '市町村名', '小布施町']])).toEqual({ value: '小布施町', cell: 'D1' });
    expect(municipality([['〇〇市総合計画　施策シート']])).toBeUndefined();
    expect(municipality([['総合計画等と連動した行財政改革']])).toBeUndefined();
    expect(extract().fields?.['municipality']).toBeUndefined();
  });

  it('reads a sheet with only its 成果指標, titled 〈成果指標〉, whose target header names no year', () => {
    const rows = ROWS.slice(0, 16).map((r) =>
      r[0] === '■成果指標' ? ['〈成果指標〉'] : r[3] === '目標値（令和7年度）' ? [...r.slice(0, 3), '目標値'] : r,
    );
    const record = extract(rows, MERGES.slice(0, 1));
    expect(record.family).toBe('plan-measures');
    expect(record.measures.map((m) => [m.name, m.values.map((v) => [v.kind, v.year, v.value])])).toEqual([
      [
        '出生数（人）',
        [
          ['baseline', 2019, 350],
          ['target', null, 400],
        ],
      ],
      [
        '待機児童数（人）',
        [
          ['baseline', 2019, 5],
          ['target', null, 0],
        ],
      ],
      [
        '子育て満足度（%）',
        [
          ['baseline', null, null],
          ['target', null, 60],
        ],
      ],
    ]);
  });

  it('reads 【施策12】 headings and 担当課 kept as a column of 主な取組内容', () => {
    const rows = ROWS.map((r) => {
      if (r[0] === '施策番号') return ['【施策１２】子育て支援の充実'];
      if (r[0] === '(1) 保育の充実') return ['(1) 保育の充実'];
      if (r[0] === '取組項目') return ['取組項目', '具体的な内容', '担当課'];
      if (r[1] === '◇ 保育士の募集') return [...r, '子育て支援課'];
      if (r[1] === '◇ 保育所の整備') return [...r, '保育課'];
      return r;
    });
    const record = extract(rows);
    expect([record.fields?.['measureNo']?.value, record.organization]).toEqual(['１２', '子育て支援の充実']);
    expect(record.items?.['actions']?.map((a) => [a['heading'], a['division'], a['content']])).toEqual([
      ['(1) 保育の充実', '子育て支援課', '◇ 保育士の募集'],
      ['(1) 保育の充実', '保育課', '◇ 保育所の整備'],
    ]);
  });

  it('is not claimed without its 成果指標 and プロセス指標 tables, and never claims an 組織目標 sheet', () => {
    expect(
      extract(
        ROWS.filter((r) => r[0] !== '■成果指標' && r[0] !== '◆プロセス指標'),
        [],
      ).family,
    ).toBeNull();
    const orgGoals = gridFrom('課', [
      ['組織目標管理シート', null, null, '年度', '2020'],
      ['組織名', '健康福祉課'],
      ['成果指標'],
      ['No.', '組織目標', '主な取組', '項目（単位）', 'R1実績', 'R2目標', 'R2結果'],
      ['1', '健康づくり', '健診', '受診者数（人）', '100', '120', ''],
      ['プロセス指標'],
    ]);
    expect(extractSheet(orgGoals, FAMILIES).record.family).not.toBe('plan-measures');
  });
});
