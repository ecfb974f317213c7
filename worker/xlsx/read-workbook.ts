import { stat, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type ExcelJS from 'exceljs';
import type { Grid } from '../../shared/grid/grid.ts';
import { fastReadGrids } from './fast-read.ts';
import { inspectPackage, tooLarge, tooManyCells, type DefinedName } from './inspect-package.ts';
import { resolveLimits, type WorkbookLimits } from './limits.ts';
import { UnreadableWorkbookError } from './unreadable-error.ts';
import { worksheetToGrid, type CellBudget } from './worksheet-to-grid.ts';

/** Options for reading one workbook. */
export interface ReadWorkbookOptions {
  limits?: Partial<WorkbookLimits>;
  /** The file being read; set on the UnreadableWorkbookError so logs can name it. */
  file?: string;
  /** false reads every sheet through exceljs, skipping the fast reader (the Grids are the same). */
  fast?: boolean;
}

/** A workbook as shared Grids plus its defined names. */
export interface WorkbookGrids {
  grids: Grid[];
  /**
   * Defined names → value: string constants unquoted (`"org-goals@1"` → `org-goals@1`), references as
   * written. Workbook-scoped names are keyed by name; sheet-scoped ones by `Sheet!name`, and by name too
   * when no workbook-scoped name has it.
   */
  names: Record<string, string>;
}

/** Reads .xlsx bytes into Grids after the safety pre-check; every failure is an UnreadableWorkbookError. */
export async function readWorkbook(bytes: Buffer, opts: ReadWorkbookOptions = {}): Promise<WorkbookGrids> {
  try {
    return await readGrids(bytes, opts);
  } catch (err) {
    if (err instanceof UnreadableWorkbookError && opts.file !== undefined) err.file = opts.file;
    throw err;
  }
}

async function readGrids(bytes: Buffer, opts: ReadWorkbookOptions): Promise<WorkbookGrids> {
  const limits = resolveLimits(opts.limits);
  const inspection = await inspectPackage(bytes, limits);
  const fast = opts.fast === false ? null : fastReadGrids(inspection.parts, cellBudget(limits));
  const grids = fast?.grids ?? (await readWithExcelJs(bytes, limits));
  inspection.parts.clear();

  const { names, perSheet } = collectNames(inspection.definedNames, inspection.sheetNames);
  const workbook = opts.file === undefined ? undefined : basename(opts.file);
  for (const grid of grids) {
    const visible = { ...names.workbook, ...(perSheet.get(grid.sheet) ?? {}) };
    if (Object.keys(visible).length > 0) grid.names = visible;
    if (workbook) grid.workbook = workbook;
  }
  return { grids, names: names.all };
}

function cellBudget(limits: WorkbookLimits): CellBudget {
  return {
    used: 0,
    max: limits.maxCells,
    exceeded: (used, max) => {
      throw tooManyCells(used, max);
    },
  };
}

async function readWithExcelJs(bytes: Buffer, limits: WorkbookLimits): Promise<Grid[]> {
  // Loaded on first need: most workbooks never get here, and loading exceljs costs a thread ~0.1 s.
  const { default: Excel } = await import('exceljs');
  const workbook: ExcelJS.Workbook = new Excel.Workbook();
  try {
    // The full reader, never the streaming one: it splits multi-byte text at chunk boundaries.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (err) {
    throw new UnreadableWorkbookError('corrupt', undefined, { cause: err });
  }

  const budget = cellBudget(limits);
  const date1904 = Boolean((workbook.properties as { date1904?: boolean } | undefined)?.date1904);
  const grids: Grid[] = [];
  for (const ws of workbook.worksheets) {
    try {
      grids.push(worksheetToGrid(ws, budget, date1904));
    } catch (err) {
      if (err instanceof UnreadableWorkbookError) throw err;
      throw new UnreadableWorkbookError('corrupt', `シート「${ws.name}」の内容が壊れているため読み込めません。`, {
        cause: err,
      });
    }
  }
  return grids;
}

/** Reads a workbook from disk, refusing oversized files before reading a byte of them. */
export async function readWorkbookFile(path: string, opts: ReadWorkbookOptions = {}): Promise<WorkbookGrids> {
  const limits = resolveLimits(opts.limits);
  const st = await stat(path);
  if (!st.isFile()) throw new UnreadableWorkbookError('not-zip', 'ファイルではありません（フォルダなど）。');
  const size = st.size;
  if (size > limits.maxBytes) {
    const err = tooLarge(size, limits.maxBytes);
    err.file = opts.file ?? path;
    throw err;
  }
  const bytes = await readFile(path);
  return readWorkbook(bytes, { ...opts, limits, file: opts.file ?? path });
}

/** The value of a defined name: string constants unquoted, anything else as written. */
export function definedNameValue(text: string): string {
  const t = text.trim();
  const m = /^"((?:[^"]|"")*)"$/.exec(t);
  return m ? m[1]!.replace(/""/g, '"') : t.replace(/^=/, '');
}

function collectNames(defined: DefinedName[], sheetNames: string[]) {
  const workbook: Record<string, string> = {};
  const perSheet = new Map<string, Record<string, string>>();
  const all: Record<string, string> = {};
  for (const d of defined) {
    const value = definedNameValue(d.text);
    if (d.localSheetId === null) {
      workbook[d.name] = value;
      all[d.name] = value;
    }
  }
  for (const d of defined) {
    if (d.localSheetId === null) continue;
    const sheet = sheetNames[d.localSheetId];
    if (sheet === undefined) continue;
    const value = definedNameValue(d.text);
    const own = perSheet.get(sheet) ?? {};
    own[d.name] = value;
    perSheet.set(sheet, own);
    all[`${sheet}!${d.name}`] = value;
    if (!(d.name in workbook) && !(d.name in all)) all[d.name] = value;
  }
  return { names: { workbook, all }, perSheet };
}
