// Fair slots for the console's 確認 and marked copies: a few at once over the server, and at most one per
// division (or per ward's coordinator), so one division's four tabs cannot take every slot from the others.
// The work itself runs in the sandbox's child processes; these slots bound how many of them the console
// keeps busy.

/** Slots over the server, and per division. */
export interface CheckSlotLimits {
  total: number;
  perOwner: number;
}

export const DEFAULT_CHECK_SLOTS: Readonly<CheckSlotLimits> = Object.freeze({ total: 4, perOwner: 1 });

export class CheckSlots {
  private running = 0;
  private readonly byOwner = new Map<string, number>();

  constructor(private readonly limits: CheckSlotLimits = DEFAULT_CHECK_SLOTS) {}

  /** A release function when a slot is free for this owner, else null (the caller answers 503 busy). */
  take(owner: string): (() => void) | null {
    const mine = this.byOwner.get(owner) ?? 0;
    if (this.running >= this.limits.total || mine >= this.limits.perOwner) return null;
    this.running++;
    this.byOwner.set(owner, mine + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      const left = (this.byOwner.get(owner) ?? 1) - 1;
      if (left > 0) this.byOwner.set(owner, left);
      else this.byOwner.delete(owner);
    };
  }
}
