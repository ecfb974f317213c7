import { describe, expect, it } from 'vitest';
import { layout, linesNeeded, type PlannedRow, type SheetPlan } from '../../../worker/summary/sheet-plan.ts';
import { fitScale, MIN_SCALE } from '../../../worker/summary/sheet-style.ts';
import { XlsxBook } from '../../../worker/xlsx/xlsx-book.ts';
import { readZipEntries } from '../../helpers/zip-reader.ts';

function plan(rows: PlannedRow[], extra: Partial<SheetPlan> = {}): SheetPlan {
  return {
    name: 'シート',
    title: 'テスト',
    rows: function* () {
      yield [1, [{ value: '課' }, { value: '目標' }, { value: '指標' }, { value: '値' }]];
      let r = 1;
      for (const row of rows) yield [++r, row];
    },
    fit: { fromRow: 1, max: 16 },
    clamp: { 2: [16, 20], 3: [12, 16] },
    fixed: { 4: 8 },
    freezeRow: 2,
    titleRows: '1:1',
    autoFilter: null,
    ...extra,
  };
}

const LONG = '地域の担い手を育て、住民主体のまちづくりを進めるとともに、区の魅力を発信します。'.repeat(4);

describe('column widths of a sheet of long texts', () => {
  it('gives the page width left at the smallest print scale to the text columns, so rows take fewer lines', () => {
    const rows = Array.from({ length: 30 }, (_, i) => [
      { value: '地域総務課' },
      { value: `${i + 1}\u3000${LONG}` },
      { value: '地区懇談会の開催回数（回）' },
      { value: 12 },
    ]);
    const { widths } = layout(plan(rows));
    // Wider than the clamp's 20 and still on one page width at ≥ MIN_SCALE (8 pt printed).
    expect(widths[1]).toBeGreaterThan(20);
    expect(fitScale(widths)).toBeGreaterThanOrEqual(MIN_SCALE);
    expect(linesNeeded(LONG, widths[1]!)).toBeLessThan(linesNeeded(LONG, 20));
  });

  it('leaves a sheet of short rows at its content widths (and its larger print)', () => {
    const rows = Array.from({ length: 30 }, () => [
      { value: '地域総務課' },
      { value: '地域づくりの推進' },
      { value: '開催回数' },
      { value: 3 },
    ]);
    const { widths } = layout(plan(rows));
    // Each text on one line, the page printed at full size: nothing to gain from a smaller print.
    expect(linesNeeded('地域づくりの推進', widths[1]!)).toBe(1);
    expect(widths[1]).toBeLessThanOrEqual(18);
    expect(fitScale(widths)).toBe(100);
  });
});

describe('the workbook default font', () => {
  it('is Arial 10: the same 7-pixel column unit in Excel as Calibri 11, with a metric twin in LibreOffice', async () => {
    const book = new XlsxBook({ creator: 'test', created: new Date(0) });
    book.addSheet('シート', {}).end();
    const styles = (await readZipEntries(book.finish())).find((e) => e.name === 'xl/styles.xml')!.content.toString();
    expect(styles).toMatch(/<fonts count="\d+"><font><sz val="10"\/><name val="Arial"\/><\/font>/);
  });
});
