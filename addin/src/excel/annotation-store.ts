import type { Severity } from '../../../shared/model/finding.ts';

/**
 * The original fills live in a very hidden sheet of the workbook itself, not in memory or in document
 * settings: they survive closing Excel and moving the file to a colleague's machine, every Excel since
 * 2013 keeps a very hidden sheet intact (custom XML parts are not round-tripped by every editor), and
 * staff cannot unhide it from the UI by accident. One row per coloured cell. Its name differs from the
 * worker's `_mokuhyo` (exceljs fill JSON, rewritten on every `validate --annotate`) so neither tool
 * overwrites the other's record of original fills.
 */
export const STORE_SHEET = '_mokuhyo_addin';

const HEADER = ['sheetId', 'sheet', 'cell', 'severity', 'pattern', 'color', 'patternColor'] as const;

/** A cell's fill as Office.js reports it (RangeFill, ExcelApi 1.9). */
export interface CellFill {
  pattern: string;
  color: string;
  patternColor: string;
}

/** One cell the add-in coloured: where, with which severity, and the fill it had before. */
export interface StoredFill {
  sheetId: string;
  sheet: string;
  cell: string;
  severity: Severity;
  original: CellFill;
}

export function parseStore(values: unknown[][] | null): StoredFill[] {
  if (!values || values[0]?.[0] !== HEADER[0]) return [];
  const out: StoredFill[] = [];
  for (const row of values.slice(1)) {
    const [sheetId, sheet, cell, severity, pattern, color, patternColor] = row.map((v) => String(v ?? ''));
    if (!sheetId || !cell || !isSeverity(severity)) continue;
    out.push({ sheetId, sheet: sheet ?? '', cell, severity, original: { pattern: pattern || 'None', color: color ?? '', patternColor: patternColor ?? '' } });
  }
  return out;
}

/** The store's cells: a header row and one row per entry, all text. */
export function storeRows(entries: readonly StoredFill[]): string[][] {
  return [[...HEADER], ...entries.map((e) => [e.sheetId, e.sheet, e.cell, e.severity, e.original.pattern, e.original.color, e.original.patternColor])];
}

/** Queues a read of the store; `entries()` is valid after the next sync. */
export function queueStoreRead(context: Excel.RequestContext): { sheet: Excel.Worksheet; entries(): StoredFill[] } {
  const sheet = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
  sheet.load('id');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('values');
  return { sheet, entries: () => (sheet.isNullObject || used.isNullObject ? [] : parseStore(used.values)) };
}

/** Queues rewriting the store with `entries`, creating the very hidden sheet when it is missing. */
export function queueStoreWrite(context: Excel.RequestContext, existing: Excel.Worksheet, entries: readonly StoredFill[]): void {
  let sheet = existing;
  if (existing.isNullObject) {
    if (entries.length === 0) return;
    sheet = context.workbook.worksheets.add(STORE_SHEET);
    sheet.visibility = 'VeryHidden';
  }
  sheet.getRange().clear();
  const rows = storeRows(entries);
  const target = sheet.getRangeByIndexes(0, 0, rows.length, rows[0]!.length);
  target.numberFormat = rows.map((row) => row.map(() => '@'));
  target.values = rows;
}

function isSeverity(s: string | undefined): s is Severity {
  return s === 'error' || s === 'warning' || s === 'info';
}
