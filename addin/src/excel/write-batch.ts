import type { Capabilities } from './capabilities.ts';

/**
 * Request bytes per write round trip. Excel on the web caps a request at 5 MB (resource limits,
 * "Excel add-ins"); 2 MB leaves room for the estimate being rough (Japanese text is 3 bytes a character).
 */
export const WRITE_BYTES_PER_SYNC = 2 * 1024 * 1024;

/**
 * Collects writes and syncs them in as few round trips as the payload cap allows — none when nothing was
 * added, so a re-check that changes nothing leaves the workbook (and staff's undo history) alone. Add only
 * writes that are needed: each one is queued as it is.
 */
export class WriteBatch {
  private steps: { queue: () => void; bytes: number }[] = [];

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly caps: Capabilities,
  ) {}

  /** `queue` queues Office.js writes; `bytes` estimates their request size. */
  add(queue: () => void, bytes: number): void {
    this.steps.push({ queue, bytes });
  }

  /** Queues and syncs the steps; returns the number of write syncs. */
  async flush(): Promise<number> {
    let syncs = 0;
    let pending = 0;
    for (const step of this.steps) {
      if (pending > 0 && pending + step.bytes > WRITE_BYTES_PER_SYNC) {
        await this.context.sync();
        syncs++;
        pending = 0;
      }
      // Suspend first, so none of the batch's writes repaints the grid on its own (ExcelApi 1.9).
      if (pending === 0 && this.caps.suspendScreen)
        this.context.workbook.application.suspendScreenUpdatingUntilNextSync();
      step.queue();
      pending += step.bytes + 1;
    }
    if (pending > 0) {
      await this.context.sync();
      syncs++;
    }
    return syncs;
  }
}
