import type { CellRange } from './address.ts';

/** What a cell holds, as typed: adapters map their library's cell types onto these kinds. */
export type CellKind = 'empty' | 'string' | 'number' | 'boolean' | 'date' | 'error';

/** One cell as both adapters (exceljs, Office.js) report it. */
export interface GridCell {
  /** The value as the user sees it (formatted number, formula result, error text such as "#REF!"). */
  text: string;
  kind: CellKind;
  /** The typed value: number for numbers, ISO date string for dates, string otherwise; null when empty. */
  value: string | number | boolean | null;
  /** The formula without the leading "=", when the cell holds one (text/value are its cached result). */
  formula?: string;
  numFmt?: string;
}

/** A sheet as plain, serialisable data: the only thing shared/ knows about spreadsheets. */
export interface Grid {
  sheet: string;
  /** Dense rows of cells; `undefined` entries are empty. rows[r][c] is 0-based. */
  rows: (GridCell | undefined)[][];
  merges: CellRange[];
  /** Defined names visible to this sheet (workbook-level and sheet-level), name → value or reference. */
  names?: Record<string, string>;
  /** The workbook's file name as its sender saved it, when the reader knows it (a last-resort source of body and year). */
  workbook?: string;
}

export const EMPTY_CELL: GridCell = Object.freeze({ text: '', kind: 'empty', value: null }) as GridCell;
