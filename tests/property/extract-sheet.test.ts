import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractSheet } from '../../shared/extract/index.ts';
import { FAMILIES } from '../../shared/families/index.ts';
import type { CellKind, Grid, GridCell } from '../../shared/grid/index.ts';
import type { SheetRecord } from '../../shared/model/record.ts';
import { checkGrid } from '../../shared/rules/index.ts';
import { gridFrom } from '../helpers/grid-builder.ts';
import { insertColumns, insertRows } from '../helpers/grid-relayout.ts';
import { DIVISION_MERGES, DIVISION_ROWS } from '../shared/extract/org-goals-fixture.ts';

const RUNS = { numRuns: 200 };

// Words the detector and the tables look for, so random grids reach deep into the extractor.
const FORM_WORDS = [
  '組織目標管理シート',
  '年度',
  '令和2年度',
  '組織名（部）',
  '組織名（準部・課・機関名）',
  '健康福祉課',
  'No.',
  '組織目標',
  '主な取組（事業）',
  '指標',
  '項目（単位）',
  'Ｈ29実績',
  'R1実績',
  'R2目標',
  'R2結果',
  '評価',
  '事業番号',
  '事業名',
  '事業内容',
  '担当課',
  '成果指標',
  '現状値（年度）',
  '目標値（2025年）',
  '－',
  '1',
  '2',
  '100',
  '１，６６０',
  '50％以上',
  '(再)',
  '①',
  '取組内容',
  '方針',
  '\u0000',
  '\ud800',
  '',
];

const cellArb: fc.Arbitrary<GridCell | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(...FORM_WORDS).map((t): GridCell => ({ text: t, kind: 'string', value: t })),
  },
  {
    weight: 2,
    arbitrary: fc
      .string({ unit: 'binary', maxLength: 30 })
      .map((t): GridCell => ({ text: t, kind: 'string', value: t })),
  },
  {
    weight: 2,
    arbitrary: fc.double({ noNaN: false }).map((n): GridCell => ({ text: String(n), kind: 'number', value: n })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom<CellKind>('empty', 'string', 'number', 'boolean', 'date', 'error'),
        fc.string({ maxLength: 12 }),
        fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null)),
      )
      .map(([kind, text, value]): GridCell => ({
        text,
        kind,
        value,
        ...(kind === 'number' ? { formula: 'A1+1', numFmt: '#,##0' } : {}),
      })),
  },
);

const gridArb: fc.Arbitrary<Grid> = fc
  .record({
    sheet: fc.string({ maxLength: 20 }),
    rows: fc.array(fc.array(cellArb, { maxLength: 14 }), { maxLength: 30 }),
    merges: fc.array(
      fc
        .tuple(fc.nat(35), fc.nat(16), fc.nat(4), fc.nat(4))
        .map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w })),
      { maxLength: 8 },
    ),
    names: fc.option(fc.dictionary(fc.constantFrom('MOKUHYO_FORM', 'Print_Area', 'x'), fc.string({ maxLength: 30 })), {
      nil: undefined,
    }),
  })
  .map(({ names, ...g }) => (names ? { ...g, names } : g));

const division = (): Grid => gridFrom('健康福祉課', DIVISION_ROWS, DIVISION_MERGES);

/** What is extracted, without the addresses that move with the layout. */
function essence(record: SheetRecord) {
  return {
    family: record.family,
    organization: record.organization,
    fiscalYear: record.fiscalYear,
    measures: record.measures.map((m) => ({
      group: m.group,
      name: m.name,
      unit: m.unit,
      values: m.values.map((v) => [v.year, v.kind, v.raw, v.value, v.blank]),
    })),
  };
}

// Where a blank row or column can go without landing inside the form's own blocks: above and left of
// the form, between header and table, below the last indicator, and right of the table.
const ROW_GAPS = [0, 5, 8, 16, 19];
const COLUMN_GAPS = [0, 12];

describe('extractor properties', () => {
  it('extractSheet and checkGrid never throw on random grids (text, numbers, kinds, merges, names)', () => {
    fc.assert(
      fc.property(gridArb, (grid) => {
        const record = extractSheet(grid, FAMILIES).record;
        expect(record.sheet).toBe(grid.sheet);
        checkGrid(grid, {});
      }),
      RUNS,
    );
  });

  it('never throws when random cells are written into a real form', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(20), fc.nat(12), cellArb), { maxLength: 25 }), (writes) => {
        const grid = division();
        for (const [r, c, cell] of writes) (grid.rows[r] ??= [])[c] = cell;
        extractSheet(grid, FAMILIES);
        checkGrid(grid, {});
      }),
      RUNS,
    );
  });

  it('extracts the same from an org-goals sheet after random row and column insertions around it', () => {
    const base = essence(extractSheet(division(), FAMILIES).record);
    expect(base.measures).toHaveLength(6);
    const edit = fc.record({
      rowAt: fc.constantFrom(...ROW_GAPS),
      rows: fc.integer({ min: 1, max: 3 }),
      colAt: fc.constantFrom(...COLUMN_GAPS),
      cols: fc.integer({ min: 1, max: 2 }),
      order: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let grid = division();
        // Later edits shift the gaps found by earlier ones, so apply them bottom-right first.
        for (const e of [...edits].sort((a, b) => b.rowAt - a.rowAt || b.colAt - a.colAt)) {
          grid = e.order
            ? insertColumns(insertRows(grid, e.rowAt, e.rows), e.colAt, e.cols)
            : insertRows(insertColumns(grid, e.colAt, e.cols), e.rowAt, e.rows);
        }
        expect(essence(extractSheet(grid, FAMILIES).record)).toEqual(base);
      }),
      RUNS,
    );
  });
});
