import type { Capabilities } from './capabilities.ts';

/**
 * Request bytes per write round trip. Excel on the web caps a request at 5 MB (resource limits,
 * "Excel add-ins"); 2 MB leaves room for the estimate being rough (Japanese text is 3 bytes a character).
 */
export const WRITE_BYTES_PER_SYNC = 2 * 1024 * 1024;

/**
 * Queues writes and syncs them in as few round trips as the payload cap allows — none when nothing needs
 * writing, so a re-check that changes nothing leaves the workbook (and staff's undo history) alone.
 */
export class WriteBatch {
  private steps: { queue: () => boolean; bytes: number }[] = [];

  constructor(private readonly context: Excel.RequestContext, private readonly caps: Capabilities) {}

  /** `queue` queues Office.js writes and says whether it queued any; `bytes` estimates their request size. */
  add(queue: () => boolean, bytes: number): void {
    this.steps.push({ queue, bytes });
  }

  /** Runs the queued steps; returns the number of write syncs. */
  async flush(): Promise<number> {
    let syncs = 0;
    let pending = 0;
    let queued = false;
    const sync = async () => {
      await this.context.sync();
      syncs++;
      pending = 0;
      queued = false;
    };
    for (const step of this.steps) {
      if (queued && pending + step.bytes > WRITE_BYTES_PER_SYNC) await sync();
      if (!queued && this.caps.suspendScreen) {
        // Only queued together with a write: suspending alone would make an empty round trip.
        const wrote = step.queue();
        if (!wrote) continue;
        this.context.workbook.application.suspendScreenUpdatingUntilNextSync();
        queued = true;
        pending += step.bytes;
        continue;
      }
      if (step.queue()) {
        queued = true;
        pending += step.bytes;
      }
    }
    if (queued) await sync();
    return syncs;
  }
}
