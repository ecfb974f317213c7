import { z } from 'zod';

const MiB = 1024 * 1024;

/** Bounds on what a submitted workbook may cost to read; anything beyond is rejected as unreadable. */
export const workbookLimitsSchema = z.object({
  /** Size of the .xlsx file itself. */
  maxBytes: z.number().int().positive().default(20 * MiB),
  /** Total inflated size of all zip entries. */
  maxInflatedBytes: z.number().int().positive().default(200 * MiB),
  maxEntries: z.number().int().positive().default(2000),
  /** Non-empty cells over all sheets. */
  maxCells: z.number().int().positive().default(2_000_000),
  maxSheets: z.number().int().positive().default(100),
});

export type WorkbookLimits = z.infer<typeof workbookLimitsSchema>;

/** The limits used when the caller gives none. */
export const DEFAULT_LIMITS: Readonly<WorkbookLimits> = Object.freeze(workbookLimitsSchema.parse({}));

const resolved = new WeakMap<Partial<WorkbookLimits>, WorkbookLimits>();

/**
 * Fills the missing limits with defaults and validates the given ones. Asked once or twice per workbook
 * with the same options object, so each object is validated once.
 */
export function resolveLimits(partial?: Partial<WorkbookLimits>): WorkbookLimits {
  if (!partial) return DEFAULT_LIMITS;
  let limits = resolved.get(partial);
  if (!limits) resolved.set(partial, (limits = Object.freeze(workbookLimitsSchema.parse(partial))));
  return limits;
}
