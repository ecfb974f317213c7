// Re-laid-out copies of a workbook for extractor tests: the same content, moved or retyped the way
// staff reshape sheets (rows above the form, an extra column, merges undone, full-width digits, text numbers).
import ExcelJS from 'exceljs';

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface CellSnapshot {
  row: number;
  col: number;
  /** null for merge followers: their value belongs to the merge's first cell. */
  value: ExcelJS.CellValue;
  style: Partial<ExcelJS.Style>;
}

interface SheetSnapshot {
  cells: CellSnapshot[];
  merges: Area[];
  heights: Map<number, number>;
  widths: Map<number, number>;
}

const FULL_WIDTH: Record<string, string> = { ',': '，', '.': '．', '-': '－', '+': '＋' };

/** The merged areas of a sheet, read from exceljs's public model. */
export function mergedAreas(ws: ExcelJS.Worksheet): Area[] {
  return ws.model.merges.map(decodeRange);
}

/** "B6:K8" → its area (1-based rows and columns). */
export function decodeRange(range: string): Area {
  const [a, b = a] = range.split(':');
  if (!a || !b) throw new Error(`not a range: ${range}`);
  const tl = decodeAddress(a);
  const br = decodeAddress(b);
  return { top: tl.row, left: tl.col, bottom: br.row, right: br.col };
}

/** An area → "B6:K8". */
export function encodeArea(area: Area): string {
  return `${columnLetters(area.left)}${area.top}:${columnLetters(area.right)}${area.bottom}`;
}

function decodeAddress(address: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(address.trim());
  if (!m?.[1] || !m[2]) throw new Error(`not an A1 address: ${address}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function takeSnapshot(ws: ExcelJS.Worksheet): SheetSnapshot {
  const cells: CellSnapshot[] = [];
  const heights = new Map<number, number>();
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.height) heights.set(r, row.height);
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const value = cell.type === ExcelJS.ValueType.Merge ? null : structuredClone(cell.value);
      cells.push({ row: r, col: c, value, style: structuredClone(cell.style) });
    });
  });
  const widths = new Map<number, number>();
  for (let c = 1; c <= ws.columnCount; c++) {
    const width = ws.getColumn(c).width;
    if (width !== undefined) widths.set(c, width);
  }
  return { cells, merges: mergedAreas(ws), heights, widths };
}

/** Empties the sheet: merges undone, every cell value and style, row height and column width reset. */
function clearSheet(ws: ExcelJS.Worksheet, snap: SheetSnapshot): void {
  for (const m of snap.merges) ws.unMergeCells(m.top, m.left, m.bottom, m.right);
  for (const cell of snap.cells) {
    const target = ws.getCell(cell.row, cell.col);
    target.value = null;
    target.style = {};
  }
  for (const r of snap.heights.keys()) Reflect.deleteProperty(ws.getRow(r), 'height');
  for (const c of snap.widths.keys()) ws.getColumn(c).width = 9;
}

/** Rewrites the sheet with every cell, merge, row height and column width moved by `move`. */
function remap(ws: ExcelJS.Worksheet, move: (row: number, col: number) => { row: number; col: number }): SheetSnapshot {
  const snap = takeSnapshot(ws);
  clearSheet(ws, snap);
  for (const m of snap.merges) {
    const tl = move(m.top, m.left);
    const br = move(m.bottom, m.right);
    ws.mergeCellsWithoutStyle(tl.row, tl.col, br.row, br.col);
  }
  for (const cell of snap.cells) {
    const to = move(cell.row, cell.col);
    const target = ws.getCell(to.row, to.col);
    target.style = cell.style;
    if (cell.value !== null) target.value = cell.value;
  }
  for (const [r, h] of snap.heights) ws.getRow(move(r, 1).row).height = h;
  for (const [c, w] of snap.widths) ws.getColumn(move(1, c).col).width = w;
  return snap;
}

/**
 * Inserts `n` empty rows above row `at`, as Excel's "insert rows" does: rows from `at` down move by `n`,
 * merges below move with them and merges spanning the insertion point grow.
 */
export function insertRowsAbove(ws: ExcelJS.Worksheet, at: number, n: number): void {
  if (at < 1 || n < 0) throw new RangeError(`insertRowsAbove: bad position ${at} / count ${n}`);
  remap(ws, (row, col) => ({ row: row >= at ? row + n : row, col }));
}

/**
 * Inserts `n` columns before column `at` (1-based). The new cells take the style of the column on their
 * left (so a table's borders continue) and `header`, when given, is written into the first new column.
 */
export function insertColumns(
  ws: ExcelJS.Worksheet,
  at: number,
  n: number,
  header?: { row: number; text: string },
): void {
  if (at < 1 || n < 0) throw new RangeError(`insertColumns: bad position ${at} / count ${n}`);
  const snap = remap(ws, (row, col) => ({ row, col: col >= at ? col + n : col }));
  if (at > 1) {
    for (const cell of snap.cells.filter((c) => c.col === at - 1)) {
      for (let k = 0; k < n; k++) ws.getCell(cell.row, at + k).style = structuredClone(cell.style);
    }
    const width = snap.widths.get(at - 1);
    for (let k = 0; k < n && width !== undefined; k++) ws.getColumn(at + k).width = width;
  }
  if (header) ws.getCell(header.row, at).value = header.text;
}

/**
 * Undoes every merge. 'blank' leaves the text in the first cell only (what Excel's "unmerge" does);
 * 'repeat' copies it into every cell of the former area (what staff do to make a sheet sortable).
 * Every cell keeps the style it had, borders included.
 */
export function unmergeAll(ws: ExcelJS.Worksheet, mode: 'blank' | 'repeat'): void {
  for (const m of mergedAreas(ws)) {
    const master = ws.getCell(m.top, m.left);
    const value = structuredClone(master.value);
    const styles: { row: number; col: number; style: Partial<ExcelJS.Style> }[] = [];
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++)
        styles.push({ row: r, col: c, style: structuredClone(ws.getCell(r, c).style) });
    }
    ws.unMergeCells(m.top, m.left, m.bottom, m.right);
    for (const s of styles) {
      const cell = ws.getCell(s.row, s.col);
      cell.style = s.style;
      if (mode === 'repeat') cell.value = structuredClone(value);
    }
  }
}

/** Half-width digits (and , . - + between them) → full-width: "1,660" → "１，６６０". */
export function fullWidthDigits(text: string): string {
  return text.replace(
    /[0-9]|[,.\-+](?=[0-9])/g,
    (ch) => FULL_WIDTH[ch] ?? String.fromCharCode(ch.charCodeAt(0) + 0xfee0),
  );
}

/** A number as its cell shows it: thousands separators when the format has them ("#,##0" → "1,660"). */
export function displayedNumber(value: number, numFmt: string | undefined): string {
  const text = String(value);
  if (!numFmt?.includes('#,##0')) return text;
  const [whole = '', fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** Formats a cell as text (@). exceljs shares style objects between cells read from a file, so replace, never mutate. */
function setTextFormat(cell: ExcelJS.Cell): void {
  cell.style = { ...cell.style, numFmt: '@' };
}

const PLAIN_NUMBER = /^[+-]?[0-9][0-9,]*(\.[0-9]+)?$/;

export interface RetypeOptions {
  /** Only cells inside this range ("E11:I16"); the whole sheet when absent. */
  range?: string;
}

function eachValueCell(ws: ExcelJS.Worksheet, options: RetypeOptions, visit: (cell: ExcelJS.Cell) => void): void {
  const area = options.range ? decodeRange(options.range) : undefined;
  ws.eachRow((row, r) => {
    if (area && (r < area.top || r > area.bottom)) return;
    row.eachCell((cell, c) => {
      if (area && (c < area.left || c > area.right)) return;
      if (cell.type !== ExcelJS.ValueType.Merge) visit(cell);
    });
  });
}

/**
 * Turns numeric cells and plain digit strings into full-width text ("１，６６０"), as when figures are
 * pasted from a document typed with a Japanese IME. With `allText`, digits inside any text are converted too
 * ("R2目標" → "R２目標").
 */
export function toFullWidthDigits(ws: ExcelJS.Worksheet, options: RetypeOptions & { allText?: boolean } = {}): void {
  eachValueCell(ws, options, (cell) => {
    const value = cell.value;
    if (typeof value === 'number') {
      cell.value = fullWidthDigits(displayedNumber(value, cell.numFmt));
      setTextFormat(cell);
    } else if (typeof value === 'string' && (options.allText || PLAIN_NUMBER.test(value))) {
      cell.value = fullWidthDigits(value);
    }
  });
}

/** Stores every numeric cell as the text it displays ("1,660"), formatted as text (@). */
export function numbersAsText(ws: ExcelJS.Worksheet, options: RetypeOptions = {}): void {
  eachValueCell(ws, options, (cell) => {
    if (typeof cell.value === 'number') {
      cell.value = displayedNumber(cell.value, cell.numFmt);
      setTextFormat(cell);
    }
  });
}

/** Renames a sheet, refusing names Excel would reject (over 31 characters, or any of : \ / ? * [ ]). */
export function renameSheet(ws: ExcelJS.Worksheet, name: string): void {
  if (name.length === 0 || name.length > 31 || /[:\\/?*[\]]/.test(name))
    throw new Error(`not a valid sheet name: ${name}`);
  ws.name = name;
}
