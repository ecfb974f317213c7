import type { Grid } from '../../../shared/grid/grid.ts';
import type { Capabilities } from './capabilities.ts';
import { rangeA1 } from '../../../shared/grid/address.ts';
import { gridFromRange, nameValue, parseAreas, type LoadedRange } from './grid-from-range.ts';

/**
 * Cells read per round trip. Excel on the web caps a response at 5 MB (resource-limits-and-performance-
 * optimization, "Excel add-ins"); a form cell costs ≈ 60–150 bytes over its five properties, so 20,000
 * cells stay near 2–3 MB. When a denser sheet still overflows, the rest is read in bands half as tall.
 */
export const CELLS_PER_SYNC = 20_000;

/**
 * The most cells the pane reads (the used range's rows × columns). A stray value in a far column can make a
 * sheet's used range millions of cells wide; Excel also refuses ranges over 5,000,000 cells for reads.
 */
export const MAX_CELLS = 1_000_000;

/** The sheet's used range is larger than the pane reads. */
export class SheetTooLargeError extends Error {
  constructor(
    readonly cells: number,
    readonly address: string,
  ) {
    super(`The used range has ${cells} cells (${address}); the add-in reads at most ${MAX_CELLS}.`);
    this.name = 'SheetTooLargeError';
  }
}

/** getMergedAreasOrNullObject fails past 512 merged areas in the range (Range, ExcelApi 1.13). */
export const MAX_MERGED_AREAS = 512;

/** The used range's position and size, known after the first sync. */
export interface UsedBox {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/**
 * A sheet's protection (WorksheetProtection, ExcelApi 1.2): on a protected sheet Excel refuses the writes its
 * options do not allow with AccessDenied. Fills need "format cells"; notes and comments are objects, so they
 * are taken to need "edit objects" (which option governs them is not documented: docs/addin.md).
 */
export interface SheetProtection {
  protected: boolean;
  allowFormatCells: boolean;
  allowEditObjects: boolean;
}

export function queueProtection(sheet: Excel.Worksheet): () => SheetProtection {
  const protection = sheet.protection.load('protected,options');
  return () => ({
    protected: protection.protected,
    allowFormatCells: Boolean(protection.options?.allowFormatCells),
    allowEditObjects: Boolean(protection.options?.allowEditObjects),
  });
}

/** Whether the add-in may write its annotations there: fills, and notes or comments when it writes them. */
export function canAnnotate(protection: SheetProtection, withMarks: boolean): boolean {
  return !protection.protected || (protection.allowFormatCells && (!withMarks || protection.allowEditObjects));
}

/** What the first sync of a check loads: the sheet, every sheet's name, the used range's box, the names. */
export interface QueuedSheetMeta {
  sheet: Excel.Worksheet;
  /** After the sync: id and name of the sheet, the names of every sheet, the used range's box or null. */
  meta(): {
    id: string;
    name: string;
    sheetNames: Set<string>;
    box: UsedBox | null;
    names: Record<string, string>;
    protection: SheetProtection;
  };
}

export function queueSheetMeta(context: Excel.RequestContext, sheet: Excel.Worksheet): QueuedSheetMeta {
  sheet.load('id,name');
  const protection = queueProtection(sheet);
  const sheets = context.workbook.worksheets.load('items/name');
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  const workbookNames = context.workbook.names.load('items/name,items/value,items/formula');
  const sheetNames = sheet.names.load('items/name,items/value,items/formula');
  return {
    sheet,
    meta: () => {
      const names: Record<string, string> = {};
      for (const item of [...workbookNames.items, ...sheetNames.items])
        names[item.name] = nameValue(item.formula ?? item.value);
      const box = used.isNullObject
        ? null
        : { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount };
      return {
        id: sheet.id,
        name: sheet.name,
        sheetNames: new Set(sheets.items.map((s) => s.name)),
        box,
        names,
        protection: protection(),
      };
    },
  };
}

/** Row bands of the used box holding at most `budget` cells each. */
export function cellBands(box: UsedBox, budget = CELLS_PER_SYNC): { top: number; rows: number }[] {
  const per = Math.max(1, Math.floor(budget / Math.max(1, box.cols)));
  const bands: { top: number; rows: number }[] = [];
  for (let top = box.row; top < box.row + box.rows; top += per)
    bands.push({ top, rows: Math.min(per, box.row + box.rows - top) });
  return bands;
}

/**
 * Row bands small enough that none can hold more than 512 merged areas: each area touching a band has at
 * least one of the band's cells, so rows × columns ≤ 512 is a bound Excel cannot exceed.
 */
export function mergeBands(box: UsedBox): { top: number; rows: number }[] {
  return cellBands(box, MAX_MERGED_AREAS);
}

export function isPayloadError(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
}

/**
 * Reads the used box's cells and merged areas in as few syncs as the payload cap allows (one for a form of
 * up to 20,000 cells), merged areas in bands that can never exceed Excel's 512 limit. `extras` queues
 * whatever else the first of those syncs should carry; it is queued again if that sync must be retried.
 */
export async function readCells(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  box: UsedBox,
  caps: Capabilities,
  extras: () => void,
): Promise<{ range: LoadedRange; mergeAddresses: string[] }> {
  if (box.rows * box.cols > MAX_CELLS)
    throw new SheetTooLargeError(
      box.rows * box.cols,
      rangeA1({ top: box.row, left: box.col, bottom: box.row + box.rows - 1, right: box.col + box.cols - 1 }),
    );
  const bands = cellBands(box);
  const range: LoadedRange = {
    rowIndex: box.row,
    columnIndex: box.col,
    values: [],
    text: [],
    formulas: [],
    numberFormat: [],
    valueTypes: [],
  };
  const merges: Excel.RangeAreas[] = [];
  let first = true;
  for (let i = 0; i < bands.length;) {
    const band = bands[i]!;
    const part = sheet.getRangeByIndexes(band.top, box.col, band.rows, box.cols);
    part.load('values,text,formulas,numberFormat,valueTypes');
    if (first) {
      merges.length = 0;
      if (caps.merges) {
        for (const m of mergeBands(box)) {
          const areas = sheet.getRangeByIndexes(m.top, box.col, m.rows, box.cols).getMergedAreasOrNullObject();
          areas.load('address');
          merges.push(areas);
        }
      }
      extras();
    }
    try {
      await context.sync();
    } catch (err) {
      if (!isPayloadError(err) || band.rows === 1) throw err;
      // Too dense for one response: read the rest of the sheet in bands half this size.
      const rest = { row: band.top, col: box.col, rows: box.row + box.rows - band.top, cols: box.cols };
      bands.splice(i, bands.length - i, ...cellBands(rest, Math.ceil(band.rows / 2) * box.cols));
      continue;
    }
    first = false;
    range.values.push(...part.values);
    range.text.push(...part.text);
    range.formulas.push(...part.formulas);
    range.numberFormat.push(...part.numberFormat);
    range.valueTypes.push(...(part.valueTypes as string[][]));
    i++;
  }
  // Bands overlap on merges that cross their edges: keep each area once.
  const seen = new Set<string>();
  const mergeAddresses = merges
    .filter((m) => !m.isNullObject)
    .flatMap((m) => parseAreas(m.address))
    .map(rangeA1)
    .filter((a) => !seen.has(a) && seen.add(a));
  return { range, mergeAddresses };
}

/** Builds the Grid from the first sync's meta and the cells read after it. */
export function gridOf(
  name: string,
  range: LoadedRange | null,
  mergeAddresses: readonly string[],
  names: Record<string, string>,
): Grid {
  return gridFromRange(name, range, mergeAddresses.length > 0 ? mergeAddresses.join(',') : null, names);
}
