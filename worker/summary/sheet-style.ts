import type { CellBorderSide, CellFill, CellStyle, SheetOptions } from '../xlsx/xlsx-book.ts';

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
export function fill(argb: string): CellFill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

const THIN: CellBorderSide = { style: 'thin', color: { argb: 'FFBFBFBF' } };

/** A header cell's style: bold, shaded, bordered, wrapped. */
export const HEADER_STYLE: CellStyle = {
  font: { size: 10, bold: true },
  fill: fill(FILLS.header),
  border: { top: THIN, left: THIN, bottom: THIN, right: THIN },
  alignment: { vertical: 'middle', horizontal: 'center', wrapText: true },
};

/** Display width of text in Excel character units: East Asian wide characters count twice. */
export function textWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is one (narrow) character, as the code-point loop counted it.
    if (c >= 0xd800 && c <= 0xdbff) i++;
    w += wide(c) ? 2 : 1;
  }
  return w;
}

function wide(c: number): boolean {
  return (
    (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6)
  );
}

/** A4 landscape, fit to one page wide, with the title and header rows repeated on every page. */
export function printSetup(titleRows: string): NonNullable<SheetOptions['print']> {
  return {
    paperSize: 9,
    orientation: 'landscape',
    fitToWidth: 1,
    fitToHeight: 0,
    titleRows,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/** A valid, unique worksheet name (≤ 31 characters, none of []:*?/\). */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '・').replace(/^'+|'+$/g, '').slice(0, 31) || 'シート';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base.slice(0, 28)}(${i})`;
  taken.add(name);
  return name;
}
