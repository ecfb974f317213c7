import type { ExcelHost } from '../excel/excel-host.ts';
import { watchEdits, type ChangeOrigin } from '../excel/watch-sheets.ts';

/**
 * Why a live re-check runs: `live` after staff's own edit or a switch of sheets (it annotates where add-in
 * writes keep staff's undo history), `remote` after a co-author's change only (it refreshes the list and
 * writes nothing: the co-author's own pane annotates their change, and two panes writing the same cells
 * would each add a note there or answer each other's writes).
 */
export type LiveTrigger = 'live' | 'remote';

/**
 * Runs `recheck` once changes pause for `delayMs`; changes during a run queue exactly one more run. The run
 * is `live` when any of the changes it covers was staff's own, `remote` when all were a co-author's.
 */
export function debounced(
  recheck: (trigger: LiveTrigger) => Promise<void>,
  delayMs = 800,
): { trigger(delay?: number, trigger?: LiveTrigger): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let pending: LiveTrigger | null = null;
  const fire = async () => {
    timer = undefined;
    if (running) return;
    const trigger = pending ?? 'live';
    pending = null;
    running = true;
    try {
      await recheck(trigger);
    } finally {
      running = false;
      if (pending !== null) timer = setTimeout(fire, delayMs);
    }
  };
  return {
    trigger(delay = delayMs, trigger: LiveTrigger = 'live') {
      pending = pending === 'live' || trigger === 'live' ? 'live' : 'remote';
      if (running) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(fire, delay);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      pending = null;
    },
  };
}

/**
 * Live re-check: staff edits (not the add-in's own writes) re-run `recheck` after a pause, a co-author's
 * change refreshes the list, and switching to another sheet checks that sheet at once. Off where the host
 * has no workbook change events, or cannot say which changes the add-in made (before ExcelApi 1.14).
 */
export async function startLiveRecheck(
  excel: ExcelHost,
  recheck: (trigger: LiveTrigger) => Promise<void>,
  delayMs = 800,
): Promise<{ stop(): void; watching: boolean }> {
  const debounce = debounced(recheck, delayMs);
  const delays: Record<ChangeOrigin, [number, LiveTrigger]> = {
    local: [delayMs, 'live'],
    remote: [delayMs, 'remote'],
    switch: [0, 'live'],
  };
  const watching = await excel.run((context) =>
    watchEdits(context, excel.capabilities, (origin) => debounce.trigger(...delays[origin])),
  );
  return { stop: () => debounce.cancel(), watching };
}
