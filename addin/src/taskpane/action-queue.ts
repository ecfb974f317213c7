import type { LiveTrigger } from '../use-cases/live-recheck.ts';

export interface ActionHooks {
  /** What the pane is doing for staff (a status line), or null when done. */
  busy(label: string | null): void;
  clearError(): void;
  error(err: unknown): void;
  /** Runs a live re-check that had to wait for another action. */
  live(trigger: LiveTrigger): Promise<void>;
}

/**
 * One Excel action at a time. Staff's own actions (再チェック, 注釈を消す, 提出) are never dropped: one that
 * arrives while a live re-check runs — which may itself be waiting for staff to finish typing a cell —
 * shows its status at once and runs when that check ends. A live re-check that arrives meanwhile runs once
 * afterwards (a staff edit among the changes makes it `live`, else `remote`).
 */
export class ActionQueue {
  private current: Promise<void> | null = null;
  private pendingLive: LiveTrigger | null = null;

  constructor(private readonly hooks: ActionHooks) {}

  get running(): boolean {
    return this.current !== null;
  }

  /** `label` null marks a live re-check. */
  async run(label: string | null, work: () => Promise<void>, trigger: LiveTrigger = 'live'): Promise<void> {
    if (label === null && this.current) {
      this.pendingLive = this.pendingLive === 'live' || trigger === 'live' ? 'live' : 'remote';
      return;
    }
    if (label) this.hooks.busy(label);
    while (this.current) await this.current;
    const task = (async () => {
      if (label) this.hooks.clearError();
      try {
        await work();
      } catch (err) {
        this.hooks.error(err);
      }
    })();
    this.current = task;
    try {
      await task;
    } finally {
      this.current = null;
      if (label) this.hooks.busy(null);
      const pending = this.pendingLive;
      if (pending) {
        this.pendingLive = null;
        setTimeout(() => void this.hooks.live(pending), 0);
      }
    }
  }
}
