import type ExcelJS from 'exceljs';

/** The font every summary cell uses; viewers without it fall back to Noto Sans CJK JP or similar. */
export const FONT_NAME = '游ゴシック';

export const FILLS = {
  header: 'FFD9E1F2',
  achieved: 'FFC6EFCE',
  'not-achieved': 'FFFFC7CE',
  pending: 'FFFFEB9C',
  'no-target': 'FFEDEDED',
  qualitative: 'FFDDEBF7',
  missing: 'FFFFC7CE',
} as const;

/** Solid fill of one ARGB colour. */
export function fill(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FFBFBFBF' } };

/** Writes a header row: bold, shaded, bordered, wrapped. */
export function styleHeader(row: ExcelJS.Row): void {
  row.eachCell({ includeEmpty: false }, (cell) => {
    cell.font = { name: FONT_NAME, size: 10, bold: true };
    cell.fill = fill(FILLS.header);
    cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
}

/** Gives every written cell the Japanese font, keeping bold/colour already set. */
export function applyFont(ws: ExcelJS.Worksheet): void {
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      cell.font = { size: 10, ...cell.font, name: FONT_NAME };
    });
  });
}

/** Display width of text in Excel character units: East Asian wide characters count twice. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** Sets column widths to fit their content between `min` and `max`; long text wraps. */
export function fitColumns(ws: ExcelJS.Worksheet, fromRow: number, min = 6, max = 60): void {
  ws.columns.forEach((column, i) => {
    let width = min;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (r < fromRow) return;
      const value = row.getCell(i + 1).value;
      const text = value === null || value === undefined ? '' : typeof value === 'object' && 'text' in value ? String(value.text) : String(value);
      const longest = Math.max(0, ...text.split('\n').map(textWidth));
      width = Math.max(width, Math.min(max, longest + 2));
    });
    column.width = width;
    if (width < max) return;
    column.alignment = { wrapText: true, vertical: 'top' };
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (r > fromRow) row.getCell(i + 1).alignment = { wrapText: true, vertical: 'top' };
    });
  });
  fitRowHeights(ws, fromRow + 1);
}

/** Heights for rows with wrapped text: spreadsheet programs do not grow rows on open, so size them here. */
function fitRowHeights(ws: ExcelJS.Worksheet, fromRow: number): void {
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r < fromRow) return;
    let lines = 1;
    row.eachCell((cell, c) => {
      cell.alignment = { ...cell.alignment, vertical: 'top' };
      if (!cell.alignment.wrapText) return;
      const width = Math.max(1, (ws.getColumn(c).width ?? 10) - 1);
      const value = cell.value;
      const text = value === null || value === undefined ? '' : typeof value === 'object' && 'text' in value ? String(value.text) : String(value);
      const needed = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / width)), 0);
      lines = Math.max(lines, needed);
    });
    if (lines > 1) row.height = Math.min(409, lines * 13 + 4);
  });
}

/** A4 landscape, fit to one page wide, with the title and header rows repeated on every page. */
export function printSetup(ws: ExcelJS.Worksheet, titleRows: string): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: titleRows,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/** Freezes everything above `row` (1-based: the first scrolling row). */
export function freezeAbove(ws: ExcelJS.Worksheet, row: number): void {
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: row - 1, topLeftCell: `A${row}`, activeCell: `A${row}` }];
}

/** A valid, unique worksheet name (≤ 31 characters, none of []:*?/\). */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '・').slice(0, 31) || 'シート';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base.slice(0, 28)}(${i})`;
  taken.add(name);
  return name;
}
