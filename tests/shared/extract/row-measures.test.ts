import { describe, expect, it } from 'vitest';
import { extractSheet } from '../../../shared/extract/index.ts';
import type { FamilySpec, TableSpec } from '../../../shared/families/index.ts';
import { gridFrom } from '../../helpers/grid-builder.ts';
import { unmerge } from '../../helpers/grid-relayout.ts';

const table: TableSpec = {
  key: 'projects',
  repeat: true,
  rowsBy: ['content', 'years'],
  relist: [/^\(再\)$/],
  columns: [
    { key: 'no', label: ['番号'], role: 'group', carryDown: true },
    { key: 'name', label: ['名称'], role: 'name', carryDown: true, required: true },
    { key: 'content', label: ['内容'], role: 'detail', carryDown: true },
    { key: 'owner', label: ['担当'], role: 'field', carryDown: true },
  ],
  years: {
    kinds: ['actual', 'target', 'plan'],
    parentKinds: [{ label: [/目標/], kind: 'target' }],
    yearOnlyKind: 'target',
  },
  minYearColumns: 2,
  end: [],
  maxGap: 3,
};

const spec = (t: Partial<TableSpec> = {}, drop: (keyof TableSpec)[] = []): FamilySpec => ({
  id: 'action-plan',
  title: 'test',
  templateVersion: '1',
  variants: [
    {
      id: 'plan',
      title: 'test',
      detect: { all: [['名称']], requireTable: true },
      fields: [
        { key: 'title', label: [], direction: 'right', self: [/計画$/] },
        { key: 'period', label: ['期間'], direction: 'right', self: [/^令和\d年度~令和\d年度$/] },
      ],
      tables: [
        Object.fromEntries(
          Object.entries({ ...table, ...t }).filter(([k]) => !drop.includes(k as keyof TableSpec)),
        ) as unknown as TableSpec,
      ],
      organization: [],
      fiscalYear: 'none',
    },
  ],
});

const ROWS = [
  ['まちづくり計画'],
  ['令和3年度～令和4年度'],
  ['番号', '名称', '内容', 'R2実績', '目標', null, '担当'],
  [null, null, null, null, 'R3', 'R4', null],
  ['1', '子育て支援', '講座', '10', '12', '14', 'A課'],
  [null, null, '相談', '3', '4', '5', 'B課'],
  [null, null, null, null, '6', '7', 'C課'],
  ['2', '防災訓練', '訓練', '1', '2', '3', 'A課'],
  ['(再)', '子育て支援', '講座', '10', '12', '14', 'A課'],
];
const MERGES = ['A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:F3', 'G3:G4', 'A5:A7', 'B5:B7', 'C6:C7', 'D6:D7'];

const rows = (s: FamilySpec, grid = gridFrom('plan', ROWS, MERGES)) =>
  extractSheet(grid, [s]).record.measures.map((m) => [
    m.group,
    m.name,
    m.detail,
    m.fields?.['owner'],
    m.values.map((v) => `${v.year}${v.kind}:${v.value}`).join(' '),
  ]);

const EXPECTED = [
  ['1', '子育て支援', '講座', 'A課', '2020actual:10 2021target:12 2022target:14'],
  ['1', '子育て支援', '相談', 'B課', '2020actual:3 2021target:4 2022target:5'],
  ['1', '子育て支援', '相談', 'C課', '2020actual:3 2021target:6 2022target:7'],
  ['2', '防災訓練', '訓練', 'A課', '2020actual:1 2021target:2 2022target:3'],
  ['(再)', '子育て支援', '講座', 'A課', '2020actual:10 2021target:12 2022target:14'],
];

describe('rowsBy: one measure per sheet row', () => {
  it('reads every row with cells of its own, merged cells continuing the row above', () => {
    expect(rows(spec())).toEqual(EXPECTED);
  });

  it('reads one measure per name cell without rowsBy', () => {
    expect(rows(spec({}, ['rowsBy', 'relist'])).map((r) => r[1])).toEqual(['子育て支援', '防災訓練', '子育て支援']);
  });

  it('reads the same rows with the merges undone, blank or repeated', () => {
    const blank = unmerge(gridFrom('plan', ROWS, MERGES), 'blank');
    expect(rows(spec(), blank).map((r) => r.slice(0, 4))).toEqual(EXPECTED.map((r) => r.slice(0, 4)));
    expect(rows(spec(), unmerge(gridFrom('plan', ROWS, MERGES), 'repeat'))).toEqual(EXPECTED);
  });

  it('keeps the band kind on the columns of an unmerged band header', () => {
    const grid = unmerge(gridFrom('plan', ROWS, MERGES), 'blank', (m) => m.top === 2);
    expect(extractSheet(grid, [spec()]).tables[0]?.layout.years.map((y) => [y.header, y.kind])).toEqual([
      ['R2実績', 'actual'],
      ['R3', 'target'],
      ['R4', 'target'],
    ]);
  });

  it("reads a year-only header as the spec's yearOnlyKind, and as plan without it", () => {
    const flat = gridFrom('plan', [
      ROWS[2]!.map((c) => (c === '目標' ? 'R3' : c)).map((c, i) => (i === 5 ? 'R4' : c)),
      ...ROWS.slice(4),
    ]);
    expect(extractSheet(flat, [spec()]).tables[0]?.layout.years.map((y) => y.kind)).toEqual([
      'actual',
      'target',
      'target',
    ]);
    const noKind = spec({ years: { kinds: ['actual', 'target', 'plan'] } });
    expect(extractSheet(flat, [noKind]).tables[0]?.layout.years.map((y) => y.kind)).toEqual(['actual', 'plan', 'plan']);
  });
});

describe('relist: re-listed rows', () => {
  it('links a (再) row to the project of the same name', () => {
    const { record } = extractSheet(gridFrom('plan', ROWS, MERGES), [spec()]);
    expect(
      record.measures.map((m) => [
        m.fields?.['relist'] ?? null,
        m.fields?.['relistOf'] ?? null,
        m.fields?.['relistCell'] ?? null,
      ]),
    ).toEqual([
      [null, null, null],
      [null, null, null],
      [null, null, null],
      [null, null, null],
      ['true', '1', 'B5'],
    ]);
  });
});

describe('self-valued fields', () => {
  it('takes a title line and a period written alone as their own values', () => {
    const { record } = extractSheet(gridFrom('plan', ROWS, MERGES), [spec()]);
    expect(record.fields?.['title']).toEqual({ value: 'まちづくり計画', cell: 'A1' });
    expect(record.fields?.['period']).toEqual({ value: '令和3年度～令和4年度', cell: 'A2' });
  });
});
