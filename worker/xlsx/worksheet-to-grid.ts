import type ExcelJS from 'exceljs';
import type { CellRange } from '../../shared/grid/address.ts';
import { parseRange } from '../../shared/grid/address.ts';
import type { Grid, GridCell } from '../../shared/grid/grid.ts';
import { formatDate, isDateFormat, isoDate, serialToDate } from './format-date.ts';
import { formatNumber } from './format-number.ts';

/** Counts cells across sheets so one limit covers the whole workbook. */
export interface CellBudget {
  used: number;
  readonly max: number;
  /** Called when `used` passes `max`; must throw. */
  exceeded(used: number, max: number): never;
}

/** Converts one exceljs worksheet into a dense, trimmed Grid (no names; the caller adds them). */
export function worksheetToGrid(ws: ExcelJS.Worksheet, budget: CellBudget, date1904 = false): Grid {
  const rows: (GridCell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (GridCell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const converted = convertCell(cell, date1904);
      if (!converted) return;
      if (++budget.used > budget.max) budget.exceeded(budget.used, budget.max);
      cells[colNumber - 1] = converted;
    });
    if (cells.length > 0) rows[rowNumber - 1] = cells;
  });
  return { sheet: ws.name, rows: denseRows(rows), merges: readMerges(ws) };
}

/** Sparse rows as the Grid keeps them: holes become [] (empty rows) and undefined (empty cells); trailing empties dropped. */
export function denseRows(rows: readonly ((GridCell | undefined)[] | undefined)[]): (GridCell | undefined)[][] {
  const dense: (GridCell | undefined)[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const out: (GridCell | undefined)[] = [];
    for (let c = 0; c < row.length; c++) out.push(row[c]);
    while (out.length > 0 && isBlank(out[out.length - 1])) out.pop();
    dense.push(out);
  }
  while (dense.length > 0 && dense[dense.length - 1]!.length === 0) dense.pop();
  return dense;
}

function isBlank(cell: GridCell | undefined): boolean {
  return !cell || (cell.kind === 'empty' && cell.formula === undefined);
}

/** Merged areas, from exceljs's internal index (cheap) or the public model as a fallback. */
function readMerges(ws: ExcelJS.Worksheet): CellRange[] {
  const internal = (
    ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> }
  )._merges;
  const out: CellRange[] = [];
  if (internal) {
    for (const m of Object.values(internal)) {
      if (m && [m.top, m.left, m.bottom, m.right].every(Number.isInteger)) {
        out.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
      }
    }
  } else {
    for (const ref of (ws.model as unknown as { merges?: string[] }).merges ?? []) {
      const range = parseRange(ref);
      if (range) out.push(range);
    }
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** ExcelJS.ValueType.Merge, as a constant so reading through the fast path never loads exceljs. */
const MERGE_TYPE = 1 satisfies typeof ExcelJS.ValueType.Merge;

type Scalar = number | string | boolean | Date | { error: string } | null | undefined;

/** One exceljs cell → GridCell; undefined for merge followers and truly empty cells. */
export function convertCell(cell: ExcelJS.Cell, date1904 = false): GridCell | undefined {
  if (cell.type === MERGE_TYPE) return undefined;
  const numFmt = typeof cell.numFmt === 'string' && cell.numFmt !== '' ? cell.numFmt : undefined;
  const value = cell.value as unknown;
  let out: GridCell | undefined;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) {
      out = scalarCell(v.result as Scalar, numFmt, date1904) ?? { text: '', kind: 'empty', value: null };
      const formula = safeFormula(cell) ?? (typeof v.formula === 'string' ? v.formula : undefined);
      if (formula) out.formula = formula.replace(/^=/, '');
    } else if ('richText' in v) {
      out = stringCell(richTextOf(v));
    } else if ('hyperlink' in v) {
      const text = v.text;
      out = stringCell(
        typeof text === 'string'
          ? text
          : text && typeof text === 'object'
            ? richTextOf(text as Record<string, unknown>)
            : String(v.hyperlink ?? ''),
      );
    } else if ('error' in v) {
      out = scalarCell(value as { error: string }, numFmt, date1904);
    } else {
      out = undefined;
    }
  } else {
    out = scalarCell(value as Scalar, numFmt, date1904);
  }
  if (out && numFmt && !/^general$/i.test(numFmt)) out.numFmt = numFmt;
  return out;
}

function safeFormula(cell: ExcelJS.Cell): string | undefined {
  try {
    const f = cell.formula as unknown;
    return typeof f === 'string' && f !== '' ? f : undefined;
  } catch {
    return undefined;
  }
}

function richTextOf(v: Record<string, unknown>): string {
  const runs = v.richText;
  if (!Array.isArray(runs)) return '';
  return runs
    .map((r: unknown) =>
      r && typeof r === 'object' && typeof (r as { text?: unknown }).text === 'string'
        ? (r as { text: string }).text
        : '',
    )
    .join('');
}

function stringCell(text: string): GridCell {
  return { text, kind: 'string', value: text };
}

function scalarCell(v: Scalar, numFmt: string | undefined, date1904: boolean): GridCell | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') {
    if (isDateFormat(numFmt)) return dateCell(serialToDate(v, date1904), numFmt);
    return { text: formatNumber(v, numFmt), kind: 'number', value: v };
  }
  if (typeof v === 'string') return stringCell(v);
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE', kind: 'boolean', value: v };
  if (v instanceof Date) return dateCell(v, numFmt);
  if (typeof v === 'object' && typeof v.error === 'string') return { text: v.error, kind: 'error', value: v.error };
  return undefined;
}

function dateCell(d: Date, numFmt: string | undefined): GridCell {
  if (Number.isNaN(d.getTime())) return { text: '#VALUE!', kind: 'error', value: '#VALUE!' };
  return { text: formatDate(d, numFmt), kind: 'date', value: isoDate(d) };
}
