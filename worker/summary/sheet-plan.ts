import type { CellAlignment, CellStyle, CellValue, ChartSpec, XlsxBook } from '../xlsx/xlsx-book.ts';
import { BODY_SIZE, fitScale, FONT_NAME, MIN_SCALE, printSetup, textWidth } from './sheet-style.ts';

/** One cell to write; empty values (null, '') are not written. */
export interface PlannedCell {
  value: CellValue | null | undefined;
  style?: CellStyle;
  /** One line running over the empty cells to its right: never wrapped, not counted when sizing columns. */
  overflow?: boolean;
  /** Wrapped in its cell even in a column that does not wrap (a text among numbers); its lines size the row. */
  wrap?: boolean;
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
  /** Per 1-based column: [min, max] width; such a column wraps, and shrinks first when the page is too narrow. */
  clamp?: Record<number, readonly [number, number]>;
  /** Fixed widths per 1-based column (not fitted to the text), e.g. the cells a chart covers. */
  fixed?: Record<number, number>;
  /** Fixed widths of wrapping text columns that keep their width when the page is too narrow (others give way). */
  kept?: Record<number, number>;
  /** The summary's title, printed in the header of every page. */
  title: string;
  /** A chart over the sheet's cells. */
  chart?: ChartSpec;
  /** The first scrolling row. */
  freezeRow: number;
  /** Rows repeated on every printed page, "1:2". */
  titleRows: string;
  autoFilter: { fromRow: number; toRow: number; columns: number } | null;
}

export interface Layout {
  widths: number[];
  wrapped: boolean[];
}

const WRAP: CellAlignment = { wrapText: true, vertical: 'top' };
/**
 * Line pitch of wrapped text in ems of its font: LibreOffice lays out 游ゴシック's stand-in (Noto Sans
 * CJK) at 1.45 em, measured in its PDF (14.5 pt at 10 pt); 1.5 em leaves a margin for Excel's own
 * 游ゴシック, whose pitch could not be measured here, now that the columns no longer give LibreOffice's
 * extra width (rows may show a little air there, and are not cut in Excel).
 */
const LINE_EM = 1.5;
/** Points below the last line: the cell's padding. */
const ROW_MARGIN_PT = 4;
/** Pixels per column width unit: the default font's (Calibri's) digit width, as Excel sizes columns. */
const UNIT_PX = 7;
/** Pixels of a column that text does not use: the cell's margins and gridline. */
const CELL_PADDING_PX = 5;
/** Ems a line holds less than its column: a 、。 that may not start a line pulls the character before it down. */
const LINE_SLACK_EM = 0.25;
/** The narrowest a wrapping text column gets when the page is too narrow for every column. */
const LAST_FLOOR = 9;
const WRAP_COLUMN: CellStyle = { alignment: WRAP };
/** The smallest size a chart's labels print at. */
const CHART_PRINTED_PT = 9;

/** The size (in half points) that prints at `printed` points or more at `scale` percent. */
export function printedSize(printed: number, scale: number): number {
  return Math.ceil((printed * 100) / Math.max(1, Math.min(100, scale)) / 0.5) * 0.5;
}

/** Writes one planned sheet into the workbook, row by row as the plan yields them. */
export function writeSheet(book: XlsxBook, plan: SheetPlan): void {
  const { widths, wrapped } = layout(plan);
  const sheet = book.addSheet(plan.name, {
    columns: widths.map((width, i) => (wrapped[i] ? { width, style: WRAP_COLUMN } : { width })),
    freezeRow: plan.freezeRow,
    print: printSetup(plan.titleRows, widths, plan.title),
  });
  const { fromRow } = plan.fit;
  const styles = new StyleCache();
  for (const [r, cells] of plan.rows()) {
    let height = 0;
    let tall = false;
    const styled = cells.map((planned, i) => {
      if (!planned || planned.value === null || planned.value === undefined || planned.value === '') return null;
      const style = styles.of(
        planned.style,
        r <= fromRow ? 'head' : (wrapped[i] && !planned.overflow) || planned.wrap ? 'wrapped' : 'body',
      );
      if (r >= fromRow && style.alignment?.wrapText) {
        const size = style.font?.size ?? BODY_SIZE;
        const lines = linesNeeded(textOf(planned.value), widths[i] ?? 10, size);
        tall ||= lines > 1;
        height = Math.max(height, wrappedHeight(lines, size));
      }
      return { value: planned.value, style };
    });
    sheet.row(r, styled, tall ? Math.min(409, height) : undefined);
  }
  // The chart's labels at ≥ 9 pt on paper: larger on the sheet by as much as the page is printed smaller.
  if (plan.chart) sheet.chart({ ...plan.chart, fontSize: printedSize(CHART_PRINTED_PT, fitScale(widths)) });
  sheet.end(plan.autoFilter);
}

/**
 * The style a cell is written with: the Japanese font, and below the header top-aligned (wrapped in a
 * wrapping column). One object per planned style and place, so the writer registers each style once.
 */
class StyleCache {
  private readonly made = new Map<CellStyle | undefined, Map<string, CellStyle>>();

  of(planned: CellStyle | undefined, place: 'head' | 'body' | 'wrapped'): CellStyle {
    let variants = this.made.get(planned);
    if (!variants) this.made.set(planned, (variants = new Map()));
    let style = variants.get(place);
    if (!style) {
      let alignment = planned?.alignment;
      if (place === 'wrapped') alignment = WRAP;
      if (place !== 'head') alignment = { ...alignment, vertical: 'top' };
      style = {
        ...planned,
        font: { size: 10, ...planned?.font, name: FONT_NAME },
        ...(alignment ? { alignment } : {}),
      };
      variants.set(place, style);
    }
    return style;
  }
}

/** Column widths fitted to their text (wide characters count twice), as the rows will be written. */
export function layout(plan: SheetPlan): Layout {
  const { fromRow, min = 6, max = 60 } = plan.fit;
  const widths: number[] = [];
  // Each row's text, column by column, as the widths of its lines: what a wider column would save.
  const texts: [number, number[]][][] = [];
  for (const [r, cells] of plan.rows()) {
    const row: [number, number[]][] = [];
    cells.forEach((planned, i) => {
      while (widths.length <= i) widths.push(min);
      if (r < fromRow || !planned || planned.overflow) return;
      const lines = textOf(planned.value).split('\n').map(textWidth);
      if (r > fromRow) row.push([i, lines]);
      widths[i] = Math.max(widths[i] ?? min, Math.min(max, Math.max(...lines) + 2));
    });
    if (row.length > 0) texts.push(row);
  }
  const wrapped = widths.map((w) => w >= max);
  const clamps = Object.entries(plan.clamp ?? {}).map(([column, bounds]) => [Number(column) - 1, bounds] as const);
  for (const [i, [lo, hi]] of clamps) {
    while (widths.length <= i) widths.push(min);
    widths[i] = Math.min(Math.max(widths[i] ?? 10, lo), hi);
    wrapped[i] = true;
  }
  for (const [column, width] of Object.entries(plan.fixed ?? {})) {
    const i = Number(column) - 1;
    while (widths.length <= i) widths.push(min);
    widths[i] = width;
    wrapped[i] = false;
  }
  const kept = new Set<number>();
  for (const [column, width] of Object.entries(plan.kept ?? {})) {
    const i = Number(column) - 1;
    while (widths.length <= i) widths.push(min);
    widths[i] = width;
    wrapped[i] = true;
    kept.add(i);
  }
  // Too wide to print legibly on one page width: narrow the wrapping text columns, widest first, to their
  // minimum; if that is not enough, below it down to a last floor (the text wraps onto more lines).
  const planned = (i: number): number => clamps.find(([c]) => c === i)?.[1][0] ?? Math.max(min, 12);
  const narrow = fitScale(widths) < MIN_SCALE;
  for (const floor of [planned, (i: number) => Math.min(planned(i), LAST_FLOOR)]) {
    for (let guard = 0; fitScale(widths) < MIN_SCALE && guard < 400; guard++) {
      let widest = -1;
      for (let i = 0; i < widths.length; i++)
        if (wrapped[i] && !kept.has(i) && widths[i]! > floor(i) && (widest < 0 || widths[i]! > widths[widest]!))
          widest = i;
      if (widest < 0) break;
      widths[widest] = Math.max(floor(widest), widths[widest]! - 1);
    }
  }
  // A sheet of long texts printed at the smallest scale: give the page's remaining width to the text columns
  // where it saves the most lines, so its rows are as short as the page allows.
  // (A sheet of short rows keeps its larger print: only one whose rows average two lines or more grows.)
  if (narrow || kept.size > 0 || totalLines(texts, widths, wrapped) >= 2 * texts.length) grow(widths, wrapped, texts);
  return { widths, wrapped };
}

/** Lines of one cell's text (its lines' widths) wrapped at `width`, as linesNeeded counts them. */
function cellLines(lines: readonly number[], width: number): number {
  const perLine = lineEms(width);
  let n = 0;
  for (const w of lines) n += Math.max(1, Math.ceil(w / 2 / perLine - 1e-9));
  return n;
}

/** The rows' lines in total: each row as tall as its tallest wrapping cell. */
function totalLines(
  texts: readonly (readonly [number, number[]])[][],
  widths: readonly number[],
  wrapped: readonly boolean[],
): number {
  let total = 0;
  for (const row of texts) {
    let tallest = 1;
    for (const [i, lines] of row) if (wrapped[i]) tallest = Math.max(tallest, cellLines(lines, widths[i]!));
    total += tallest;
  }
  return total;
}

/** Rows of a large sheet the widening measures: every n-th, so it stays fast on thousands of rows. */
const GROW_SAMPLE = 200;
/** How far ahead (units) one step of widening looks past widths that save no line. */
const GROW_REACH = 24;

/**
 * Widens wrapping columns, each step the column and amount that save the most lines per unit over the
 * sheet, while the columns still print at MIN_SCALE or more on one page width.
 */
function grow(widths: number[], wrapped: readonly boolean[], all: readonly (readonly [number, number[]])[][]): void {
  const stride = Math.max(1, Math.ceil(all.length / GROW_SAMPLE));
  const texts = stride === 1 ? all : all.filter((_, i) => i % stride === 0);
  let current = totalLines(texts, widths, wrapped);
  const others = new Array<number>(texts.length);
  for (let guard = 0; guard < 100; guard++) {
    let best: { i: number; k: number; total: number; gain: number } | null = null;
    for (let i = 0; i < widths.length; i++) {
      if (!wrapped[i]) continue;
      // Each row's tallest other cell stays as it is while only this column widens.
      texts.forEach((row, r) => {
        let tallest = 1;
        for (const [c, lines] of row)
          if (c !== i && wrapped[c]) tallest = Math.max(tallest, cellLines(lines, widths[c]!));
        others[r] = tallest;
      });
      const base = widths[i]!;
      for (let k = 1; k <= GROW_REACH; k++) {
        widths[i] = base + k;
        if (fitScale(widths) < MIN_SCALE) break;
        let total = 0;
        texts.forEach((row, r) => {
          let tallest = others[r]!;
          for (const [c, lines] of row) if (c === i) tallest = Math.max(tallest, cellLines(lines, base + k));
          total += tallest;
        });
        if (total < current) {
          const gain = (current - total) / k;
          if (!best || gain > best.gain) best = { i, k, total, gain };
          break;
        }
      }
      widths[i] = base;
    }
    if (!best) return;
    widths[best.i]! += best.k;
    current = best.total;
  }
}

function textOf(value: CellValue | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return 'formula' in value ? String(value.result) : value.text;
  return String(value);
}

/**
 * Lines a text takes wrapped in a column `columnWidth` units wide at `sizePt`: a wide (CJK) character is
 * one em, a narrow one half an em, and a line holds (width × 7 px − padding) / font px ems: Excel's column;
 * LibreOffice, whose stand-in for the missing Calibri is wider, fits more on a line, so the estimate
 * never clips there.
 */
export function linesNeeded(text: string, columnWidth: number, sizePt: number = BODY_SIZE): number {
  const perLine = lineEms(columnWidth, sizePt);
  let lines = 0;
  for (const line of text.split('\n')) lines += Math.max(1, Math.ceil(textWidth(line) / 2 / perLine - 1e-9));
  return lines;
}

/** Ems (wide characters) a line of a column `columnWidth` units wide holds at `sizePt`. */
function lineEms(columnWidth: number, sizePt: number = BODY_SIZE): number {
  const fontPx = (sizePt * 96) / 72;
  return Math.max(1, (columnWidth * UNIT_PX - CELL_PADDING_PX) / fontPx - LINE_SLACK_EM);
}

/** Points a row of `lines` wrapped lines at `sizePt` takes. */
export function wrappedHeight(lines: number, sizePt: number = BODY_SIZE): number {
  return Math.ceil(lines * sizePt * LINE_EM + ROW_MARGIN_PT);
}
