const MiB = 1024 * 1024;

/** Bounds on what a submitted workbook may cost to read; anything beyond is rejected as unreadable. */
export interface WorkbookLimits {
  /** Size of the .xlsx file itself. */
  maxBytes: number;
  /** Total inflated size of all zip entries. */
  maxInflatedBytes: number;
  maxEntries: number;
  /** Non-empty cells over all sheets. */
  maxCells: number;
  maxSheets: number;
  /** Columns of one sheet: Excel's 16,384 (XFD); also the total span of a sheet's `<col>` settings. */
  maxColumns: number;
  /** Rows of one sheet: Excel's 1,048,576. */
  maxRows: number;
  /** Cells covered by merged ranges, summed over the workbook. */
  maxMergedCells: number;
  /** Entries of the shared-string table. */
  maxSharedStrings: number;
  /** Inflated size of any one XML part. */
  maxXmlPartBytes: number;
  /**
   * Elements open at once in any XML part (nesting depth). Excel's deepest parts (charts, extensions) stay under
   * 30; 256 is libxml2's own default. Deeper nesting only costs a parser stack and memory.
   */
  maxXmlDepth: number;
}

/** The limits used when the caller gives none. */
export const DEFAULT_LIMITS: Readonly<WorkbookLimits> = Object.freeze({
  maxBytes: 20 * MiB,
  maxInflatedBytes: 200 * MiB,
  maxEntries: 2000,
  maxCells: 2_000_000,
  maxSheets: 100,
  maxColumns: 16_384,
  maxRows: 1_048_576,
  maxMergedCells: 250_000,
  maxSharedStrings: 1_000_000,
  maxXmlPartBytes: 100 * MiB,
  maxXmlDepth: 256,
});

const resolved = new WeakMap<Partial<WorkbookLimits>, WorkbookLimits>();

/**
 * Fills the missing limits with defaults and checks the given ones (positive integers; a wrong one is a
 * programmer's error — the CLI and the config check what users type). Asked once or twice per workbook
 * with the same options object, so each object is checked once. No schema library: this sits on the
 * start-up path of every command.
 */
export function resolveLimits(partial?: Partial<WorkbookLimits>): WorkbookLimits {
  if (!partial) return DEFAULT_LIMITS;
  let limits = resolved.get(partial);
  if (!limits) {
    const merged = { ...DEFAULT_LIMITS };
    for (const key of Object.keys(DEFAULT_LIMITS) as (keyof WorkbookLimits)[]) {
      const value = partial[key];
      if (value === undefined) continue;
      if (!Number.isSafeInteger(value) || value <= 0)
        throw new RangeError(`workbook limit ${key} must be a positive integer, not ${String(value)}`);
      merged[key] = value;
    }
    resolved.set(partial, (limits = Object.freeze(merged)));
  }
  return limits;
}
