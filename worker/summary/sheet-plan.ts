import type ExcelJS from 'exceljs';
import { FONT_NAME, freezeAbove, printSetup, textWidth } from './sheet-style.ts';

/** One cell to write; empty values (null, '') are not written. */
export interface PlannedCell {
  value: ExcelJS.CellValue;
  style?: Partial<ExcelJS.Style>;
}

/** A row's cells from column A; holes are empty cells. */
export type PlannedRow = readonly (PlannedCell | null | undefined)[];

/**
 * A summary sheet described before it is written: its rows come from a generator that is run twice,
 * once to size the columns and once to write, so no sheet's rows are ever held in memory.
 */
export interface SheetPlan {
  name: string;
  /** [row number, cells] in ascending row order. */
  rows: () => Iterable<readonly [number, PlannedRow]>;
  /** Columns are sized to the text from this row down, between min and max; at max they wrap. */
  fit: { fromRow: number; min?: number; max?: number };
  /** Column widths after fitting, e.g. a wider bound for one column ([min, max] per 1-based column). */
  clamp?: Record<number, readonly [number, number]>;
  /** The first scrolling row. */
  freezeRow: number;
  /** Rows repeated on every printed page, "1:2". */
  titleRows: string;
  autoFilter: { fromRow: number; toRow: number; columns: number } | null;
}

interface Layout {
  widths: number[];
  wrapped: boolean[];
}

const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };

/** Writes one planned sheet into a streaming workbook, committing each row as it goes. */
export async function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, plan: SheetPlan): Promise<void> {
  const { widths, wrapped } = layout(plan);
  const ws = wb.addWorksheet(plan.name, {
    views: freezeAbove(plan.freezeRow),
    pageSetup: printSetup(plan.titleRows),
  });
  widths.forEach((width, i) => {
    const column = ws.getColumn(i + 1);
    column.width = width;
    if (wrapped[i] || plan.clamp?.[i + 1]) column.alignment = WRAP;
  });
  const { fromRow } = plan.fit;
  const styles = new StyleCache();
  let written = 0;
  for (const [r, cells] of plan.rows()) {
    const row = ws.getRow(r);
    let lines = 1;
    cells.forEach((planned, i) => {
      if (!planned || planned.value === null || planned.value === undefined || planned.value === '') return;
      const style = styles.of(planned.style, r <= fromRow ? 'head' : wrapped[i] ? 'wrapped' : 'body');
      const cell = row.getCell(i + 1);
      cell.value = planned.value;
      cell.style = style;
      if (r > fromRow && style.alignment?.wrapText) lines = Math.max(lines, linesNeeded(textOf(planned.value), widths[i] ?? 10));
    });
    if (lines > 1) row.height = Math.min(409, lines * 13 + 4);
    row.commit();
    // Let the zip stream drain now and then instead of queueing the whole sheet's XML.
    if (++written % 2000 === 0) await new Promise((done) => setImmediate(done));
  }
  if (plan.autoFilter) {
    const f = plan.autoFilter;
    ws.autoFilter = { from: { row: f.fromRow, column: 1 }, to: { row: f.toRow, column: f.columns } };
  }
  ws.commit();
}

/**
 * The style a cell is written with: the Japanese font, and below the header top-aligned (wrapped in a
 * wrapping column). One object per planned style and place, so exceljs registers each style once.
 */
class StyleCache {
  private readonly made = new Map<Partial<ExcelJS.Style> | undefined, Map<string, Partial<ExcelJS.Style>>>();

  of(planned: Partial<ExcelJS.Style> | undefined, place: 'head' | 'body' | 'wrapped'): Partial<ExcelJS.Style> {
    let variants = this.made.get(planned);
    if (!variants) this.made.set(planned, (variants = new Map()));
    let style = variants.get(place);
    if (!style) {
      let alignment = planned?.alignment;
      if (place === 'wrapped') alignment = WRAP;
      if (place !== 'head') alignment = { ...alignment, vertical: 'top' };
      style = { ...planned, font: { size: 10, ...planned?.font, name: FONT_NAME }, ...(alignment ? { alignment } : {}) };
      variants.set(place, style);
    }
    return style;
  }
}

/** Column widths fitted to their text (wide characters count twice), as the rows will be written. */
function layout(plan: SheetPlan): Layout {
  const { fromRow, min = 6, max = 60 } = plan.fit;
  const widths: number[] = [];
  for (const [r, cells] of plan.rows()) {
    cells.forEach((planned, i) => {
      while (widths.length <= i) widths.push(min);
      if (r < fromRow || !planned) return;
      const longest = longestLine(textOf(planned.value));
      widths[i] = Math.max(widths[i] ?? min, Math.min(max, longest + 2));
    });
  }
  const wrapped = widths.map((w) => w >= max);
  for (const [column, [lo, hi]] of Object.entries(plan.clamp ?? {})) {
    const i = Number(column) - 1;
    widths[i] = Math.min(Math.max(widths[i] ?? 10, lo), hi);
  }
  return { widths, wrapped };
}

function textOf(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  return String(value);
}

function longestLine(text: string): number {
  let longest = 0;
  for (const line of text.split('\n')) longest = Math.max(longest, textWidth(line));
  return longest;
}

function linesNeeded(text: string, columnWidth: number): number {
  const width = Math.max(1, columnWidth - 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / width)), 0);
}
