// Writes styled cells the way a hand-made Japanese office sheet looks, and sizes rows to their text.
import type ExcelJS from 'exceljs';

export const FONT_NAME = '游ゴシック';
const LABEL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export interface CellStyle {
  /** A label cell: shaded, centred unless told otherwise. */
  label?: boolean;
  bold?: boolean;
  size?: number;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle';
  numFmt?: string;
  /** Thin border on every cell of the area (default true). */
  border?: boolean;
  /** Characters stacked vertically (縦書き), as narrow label columns are. */
  stacked?: boolean;
}

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface TextBlock extends Area {
  text: string;
  size: number;
  stacked: boolean;
}

/** Column letters → 1-based number ("K" → 11). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** "B6:K8" or "J10" → the area it covers. */
export function decodeArea(range: string): Area {
  const parts = range.split(':').map((ref) => {
    const m = /^([A-Z]+)(\d+)$/i.exec(ref.trim());
    if (!m?.[1] || !m[2]) throw new Error(`not an A1 reference: ${ref}`);
    return { col: columnNumber(m[1]), row: Number(m[2]) };
  });
  const [a, b = a] = parts;
  if (!a || !b) throw new Error(`not an A1 range: ${range}`);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** Display width in half-width character units (full-width characters count 2). */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) > 0xff ? 2 : 1;
  return w;
}

/** Writes values and styles into one worksheet and remembers wrapped text to size rows afterwards. */
export class SheetWriter {
  private readonly blocks: TextBlock[] = [];

  constructor(
    readonly ws: ExcelJS.Worksheet,
    private readonly fontSize = 10,
  ) {}

  /** Writes `value` into `range` (merged when it spans several cells) and styles every cell of it; "" is left empty. */
  put(range: string, value: ExcelJS.CellValue, style: CellStyle = {}): void {
    const area = decodeArea(range);
    if (area.top !== area.bottom || area.left !== area.right)
      this.ws.mergeCells(area.top, area.left, area.bottom, area.right);
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) this.style(this.ws.getCell(r, c), style);
    }
    const master = this.ws.getCell(area.top, area.left);
    master.value = value === '' ? null : value;
    if (typeof value === 'string' && value !== '') {
      this.blocks.push({ ...area, text: value, size: style.size ?? this.fontSize, stacked: style.stacked ?? false });
    }
  }

  /** Sets column widths (in Excel character units), by letter. */
  widths(widths: Record<string, number>): void {
    for (const [letters, width] of Object.entries(widths)) this.ws.getColumn(columnNumber(letters)).width = width;
  }

  /** Gives every row enough height for its wrapped text; merged blocks spread their need over their rows. */
  fitRowHeights(minHeight = 18): void {
    const heights = new Map<number, number>();
    const height = (r: number): number => heights.get(r) ?? minHeight;
    const sorted = [...this.blocks].sort((a, b) => a.bottom - a.top - (b.bottom - b.top));
    for (const block of sorted) {
      const need = this.neededHeight(block);
      let have = 0;
      for (let r = block.top; r <= block.bottom; r++) have += height(r);
      if (have >= need) continue;
      const extra = (need - have) / (block.bottom - block.top + 1);
      for (let r = block.top; r <= block.bottom; r++) heights.set(r, Math.ceil(height(r) + extra));
    }
    const last = Math.max(0, ...this.blocks.map((b) => b.bottom));
    for (let r = 1; r <= last; r++) this.ws.getRow(r).height = height(r);
  }

  private neededHeight(block: TextBlock): number {
    const lineHeight = block.size * 1.45;
    if (block.stacked) return [...block.text.replace(/\n/g, '')].length * lineHeight + 6;
    let width = 0;
    for (let c = block.left; c <= block.right; c++) width += this.ws.getColumn(c).width ?? 9;
    const perLine = Math.max(1, Math.floor(((width - 1) * 10) / block.size));
    const lines = block.text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line) / perLine)), 0);
    return lines * lineHeight + 6;
  }

  private style(cell: ExcelJS.Cell, style: CellStyle): void {
    cell.font = { name: FONT_NAME, size: style.size ?? this.fontSize, bold: style.bold ?? false, charset: 128 };
    cell.alignment = {
      horizontal: style.horizontal ?? (style.label ? 'center' : 'left'),
      vertical: style.vertical ?? (style.label ? 'middle' : 'top'),
      wrapText: true,
      ...(style.stacked ? { textRotation: 'vertical' as const } : {}),
    };
    if (style.label) cell.fill = LABEL_FILL;
    if (style.border ?? true) cell.border = THIN;
    if (style.numFmt) cell.numFmt = style.numFmt;
  }
}

export interface PrintOptions {
  orientation: 'portrait' | 'landscape';
  printArea: string;
  printTitlesRow?: string;
  margins?: Partial<ExcelJS.Margins>;
}

const MARGINS: Record<PrintOptions['orientation'], ExcelJS.Margins> = {
  landscape: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.5, header: 0.3, footer: 0.3 },
  portrait: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
};

/** How every form here prints: A4, one page wide, centred, with the margins of its orientation. */
export function printOnA4(ws: ExcelJS.Worksheet, options: PrintOptions): void {
  ws.pageSetup = {
    paperSize: 9,
    orientation: options.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printArea: options.printArea,
    ...(options.printTitlesRow ? { printTitlesRow: options.printTitlesRow } : {}),
    margins: { ...MARGINS[options.orientation], ...options.margins },
  };
}
