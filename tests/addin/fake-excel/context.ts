/** An error shaped like OfficeExtension.Error: a code tests and the add-in can branch on. */
export class FakeExcelError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export function notLoaded(prop: string): FakeExcelError {
  return new FakeExcelError('PropertyNotLoaded', `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
}

/** One round trip: how many loads and writes it carried. */
export interface SyncRecord {
  loads: number;
  writes: number;
}

/** The queue of one Excel.run: commands wait here until sync() runs them in order, as Excel does. */
export class FakeContext {
  private queue: { kind: 'load' | 'write'; run: () => void }[] = [];
  readonly syncs: SyncRecord[] = [];
  workbook!: unknown;

  queueLoad(run: () => void): void {
    this.queue.push({ kind: 'load', run });
  }

  queueWrite(run: () => void): void {
    this.queue.push({ kind: 'write', run });
  }

  async sync(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    this.syncs.push({ loads: batch.filter((op) => op.kind === 'load').length, writes: batch.filter((op) => op.kind === 'write').length });
    await Promise.resolve();
    for (const op of batch) op.run();
  }
}

type LoadArg = string | string[] | { select?: string } | undefined;

export function propsOf(arg: LoadArg): string[] {
  const raw = typeof arg === 'string' ? arg : Array.isArray(arg) ? arg.join(',') : (arg?.select ?? '');
  return raw.split(',').map((s) => s.trim()).filter(Boolean);
}

/**
 * Base of every fake proxy object: its target is resolved when the batch runs (as Excel resolves
 * paths at sync), loaded properties are snapshots taken then, and reading one before that throws.
 */
export abstract class FakeObject<T> {
  private loaded = new Map<string, unknown>();
  private resolved: boolean | undefined;

  constructor(protected readonly ctx: FakeContext, protected readonly target: () => T | null) {}

  protected abstract snapshot(target: T, prop: string): unknown;

  /** Properties loaded when the caller passes none. */
  protected defaultProps(): string[] {
    return [];
  }

  load(arg?: LoadArg): this {
    const props = propsOf(arg);
    this.ctx.queueLoad(() => this.loadNow(props.length ? props : this.defaultProps()));
    return this;
  }

  protected loadNow(props: string[]): void {
    const t = this.target();
    this.resolved = t !== null;
    if (t === null) return;
    for (const prop of props) this.loaded.set(prop, this.snapshot(t, prop));
  }

  get isNullObject(): boolean {
    if (this.resolved === undefined) throw notLoaded('isNullObject');
    return !this.resolved;
  }

  protected read<V>(prop: string): V {
    if (this.resolved === false) throw new FakeExcelError('InvalidObjectPath', `The object is a null object: '${prop}' cannot be read.`);
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as V;
  }

  protected write(change: (target: T) => void): void {
    this.ctx.queueWrite(() => {
      const t = this.target();
      if (t === null) throw new FakeExcelError('ItemNotFound', 'The requested resource does not exist.');
      change(t);
    });
  }

  /** The resolved target, for objects created by other objects' methods. */
  protected resolve(): T | null {
    return this.target();
  }
}
