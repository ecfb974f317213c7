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
}

/** The limits used when the caller gives none. */
export const DEFAULT_LIMITS: Readonly<WorkbookLimits> = Object.freeze({
  maxBytes: 20 * MiB,
  maxInflatedBytes: 200 * MiB,
  maxEntries: 2000,
  maxCells: 2_000_000,
  maxSheets: 100,
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
