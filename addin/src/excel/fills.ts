import type { Severity } from '../../../shared/model/finding.ts';
import type { CellFill } from './annotation-store.ts';

/** The fill each severity paints (Excel's own "bad", "neutral" and a pale blue). */
export const SEVERITY_FILL: Record<Severity, string> = { error: '#FFC7CE', warning: '#FFEB9C', info: '#DDEBF7' };

/** Longest address list passed to one getRanges call; Excel rejects very long ones. */
const MAX_ADDRESS_CHARS = 2000;

/** Splits cells into comma-joined address lists short enough for `getRanges`. */
export function addressChunks(cells: readonly string[]): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const cell of cells) {
    if (current && current.length + cell.length + 1 > MAX_ADDRESS_CHARS) {
      chunks.push(current);
      current = '';
    }
    current = current ? `${current},${cell}` : cell;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Queues one fill for many cells through RangeAreas (no sync). */
export function queuePaint(sheet: Excel.Worksheet, cells: readonly string[], fill: CellFill | string): void {
  for (const address of addressChunks(cells)) {
    const areas = sheet.getRanges(address).format.fill;
    if (typeof fill === 'string') {
      areas.color = fill;
    } else if (fill.pattern === 'None' || fill.pattern === '') {
      areas.clear();
    } else {
      areas.color = fill.color;
      if (fill.pattern !== 'Solid') {
        areas.pattern = fill.pattern as Excel.FillPattern;
        if (fill.patternColor) areas.patternColor = fill.patternColor;
      }
    }
  }
}

/** Queues restoring each cell's own original fill, grouped so equal fills share one RangeAreas. */
export function queueRestore(sheet: Excel.Worksheet, cells: readonly { cell: string; original: CellFill }[]): void {
  const groups = new Map<string, { fill: CellFill; cells: string[] }>();
  for (const { cell, original } of cells) {
    const key = `${original.pattern}|${original.color}|${original.patternColor}`;
    const group = groups.get(key) ?? { fill: original, cells: [] };
    group.cells.push(cell);
    groups.set(key, group);
  }
  for (const group of groups.values()) queuePaint(sheet, group.cells, group.fill);
}

/** Queues loading the fill of each cell; read the results after the next sync. */
export function queueFillRead(sheet: Excel.Worksheet, cells: readonly string[]): () => Map<string, CellFill> {
  const fills = cells.map((cell) => ({
    cell,
    fill: sheet.getRange(cell).format.fill.load('pattern,color,patternColor'),
  }));
  return () =>
    new Map(
      fills.map(({ cell, fill }) => [
        cell,
        { pattern: String(fill.pattern), color: fill.color ?? '', patternColor: fill.patternColor ?? '' },
      ]),
    );
}

/**
 * Gradient fills read back as LinearGradient / RectangularGradient but "are not supported" when written
 * (RangeFill.pattern, ExcelApi 1.9): such a cell is never painted, so its gradient never needs restoring.
 */
export function isGradient(fill: CellFill | undefined): boolean {
  return fill?.pattern === 'LinearGradient' || fill?.pattern === 'RectangularGradient';
}

export function sameColor(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

/** The fill of a cell with no fill, as Office.js reads it and as the record stores it. */
export const NO_FILL: CellFill = { pattern: 'None', color: '#FFFFFF', patternColor: '' };

function isNone(fill: CellFill): boolean {
  return fill.pattern === 'None' || fill.pattern === '';
}

/** Two fills look the same: both none, or the same pattern and colours. */
export function sameFill(a: CellFill, b: CellFill): boolean {
  if (isNone(a) || isNone(b)) return isNone(a) && isNone(b);
  return (
    a.pattern === b.pattern &&
    sameColor(a.color, b.color) &&
    (a.pattern === 'Solid' || sameColor(a.patternColor, b.patternColor))
  );
}

/** A solid fill in one of the add-in's severity colours. */
export function isSeverityFill(fill: CellFill | undefined): boolean {
  return (
    fill !== undefined &&
    fill.pattern === 'Solid' &&
    Object.values(SEVERITY_FILL).some((colour) => sameColor(fill.color, colour))
  );
}
