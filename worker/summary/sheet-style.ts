import type { CellBorderSide, CellFill, CellStyle, SheetOptions } from '../xlsx/xlsx-book.ts';

/** The font every summary cell uses; viewers without it fall back to Noto Sans CJK JP or similar. */
export const FONT_NAME = '游ゴシック';

export const FILLS = {
  header: 'FFD9E1F2',
  total: 'FFF2F2F2',
  unreadable: 'FFF8CBAD',
  achieved: 'FFC6EFCE',
  'not-achieved': 'FFFFC7CE',
  review: 'FFFFD966',
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

/** Body text size; printed at no less than MIN_SCALE it stays at ≥ 8 pt. */
export const BODY_SIZE = 10;
/** The smallest print scale (percent) the summary accepts: 10 pt × 0.8 = 8 pt on paper. */
export const MIN_SCALE = 80;
const MARGINS = { left: 0.4, right: 0.4, top: 0.75, bottom: 0.6, header: 0.3, footer: 0.3 };
/** Printable width of A4 landscape in pixels at 96 dpi (11.69 in less the side margins). */
const PAGE_PX = (11.69 - MARGINS.left - MARGINS.right) * 96;

/**
 * Pixels a column of `width` characters takes when printed. Excel's unit is the default font's digit
 * width: 7 pixels in Calibri, but ≈ 9 where Calibri is missing and a wider font stands in (LibreOffice
 * on a server with DejaVu Sans). Sizing for the wider case keeps every column on the page in both.
 */
function columnPx(width: number): number {
  return Math.round(width * 7.5) + 5;
}

/** The print scale (percent, at most 100) at which these columns fill one A4 landscape page width. */
export function fitScale(widths: readonly number[]): number {
  const px = widths.reduce((n, w) => n + columnPx(w), 0);
  return Math.min(100, Math.floor((PAGE_PX / Math.max(1, px)) * 100));
}

/** Text for a header or footer: Excel reads "&" as the start of a code. */
function headerText(text: string): string {
  return text.replace(/&/g, '&&');
}

/**
 * A4 landscape at the scale that fits every column on one page width (the plans narrow their text
 * columns first so that it stays at or above MIN_SCALE), the title and header rows repeated on every page, the summary's
 * title in the header and "n / m" page numbers in the footer.
 */
export function printSetup(
  titleRows: string,
  widths: readonly number[],
  title: string,
): NonNullable<SheetOptions['print']> {
  return {
    paperSize: 9,
    orientation: 'landscape',
    fitToWidth: 1,
    fitToHeight: 0,
    // Below MIN_SCALE only when even the narrowest text columns do not fit: a cut column is worse.
    scale: fitScale(widths),
    titleRows,
    margins: MARGINS,
    // The size code before the font code: a title starting with a digit would otherwise extend the size.
    header: `&L&${BODY_SIZE}&"${FONT_NAME},標準"${headerText(title)}`,
    footer: `&C&${BODY_SIZE}&"${FONT_NAME},標準"&P / &N`,
  };
}

/** A valid, unique worksheet name (≤ 31 characters, none of []:*?/\). */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, '・')
      .replace(/^'+|'+$/g, '')
      .slice(0, 31) || 'シート';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base.slice(0, 28)}(${i})`;
  taken.add(name);
  return name;
}

// Shared cell styles: the writer registers each distinct style object once, so these are module constants.
export const BOLD: CellStyle = { font: { bold: true } };
export const TITLE: CellStyle = { font: { bold: true, size: 14 } };
export const SECTION: CellStyle = { font: { bold: true, size: 12 } };
export const LINK: CellStyle = { font: { color: { argb: 'FF0563C1' }, underline: true } };
export const SMALL_NOTE: CellStyle = { font: { color: { argb: 'FF595959' } } };
export const RATE: CellStyle = { numFmt: '0.0%' };
export const JUDGED = Object.fromEntries(
  Object.entries(FILLS).map(([key, argb]) => [key, { fill: fill(argb) }]),
) as Record<keyof typeof FILLS, CellStyle>;

const numberStyles = new Map<string, CellStyle>();

/** The style showing a number in this format (one object per format), shaded for 要確認 when flagged. */
export function numberStyle(format: string | null, flagged = false): CellStyle | undefined {
  if (!format && !flagged) return undefined;
  const key = `${flagged ? '!' : ''}${format ?? ''}`;
  let style = numberStyles.get(key);
  if (!style)
    numberStyles.set(
      key,
      (style = { ...(format ? { numFmt: format } : {}), ...(flagged ? { fill: fill(FILLS.pending) } : {}) }),
    );
  return style;
}

/** A 達成率 in percent (75.0) as the fraction Excel's % format shows (0.75), empty when null. */
export function rateValue(percent: number | null): number | null {
  return percent === null ? null : Math.round(percent * 10) / 1000;
}
