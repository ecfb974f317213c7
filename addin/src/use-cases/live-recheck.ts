import type { ExcelHost } from '../excel/excel-host.ts';
import { watchEdits } from '../excel/watch-sheets.ts';

/** Runs `recheck` once edits pause for `delayMs`; edits during a run queue exactly one more run. */
export function debounced(
  recheck: () => Promise<void>,
  delayMs = 800,
): { trigger(delay?: number): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  const fire = async () => {
    timer = undefined;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await recheck();
    } finally {
      running = false;
      if (again) {
        again = false;
        timer = setTimeout(fire, delayMs);
      }
    }
  };
  return {
    trigger(delay = delayMs) {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(fire, delay);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    },
  };
}

/**
 * Live re-check: staff edits (not the add-in's own writes) re-run `recheck` after a pause, and switching
 * to another sheet checks that sheet at once. Off where the host has no workbook change events.
 */
export async function startLiveRecheck(
  excel: ExcelHost,
  recheck: () => Promise<void>,
  delayMs = 800,
): Promise<{ stop(): void }> {
  const debounce = debounced(recheck, delayMs);
  await excel.run((context) =>
    watchEdits(
      context,
      excel.capabilities,
      () => debounce.trigger(),
      () => debounce.trigger(0),
    ),
  );
  return { stop: () => debounce.cancel() };
}
