import { WEB_PAYLOAD_LIMIT, type SheetModel, type WorkbookModel } from './model.ts';

/** An error shaped like OfficeExtension.Error: a code tests and the add-in can branch on. */
export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export function notLoaded(prop: string): FakeExcelError {
  return new FakeExcelError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** One round trip: how many loads and writes it carried, and its request and response sizes. */
export interface SyncRecord {
  loads: number;
  writes: number;
  requestBytes: number;
  responseBytes: number;
  /** The error code when Excel refused the batch. */
  failed?: string;
}

/**
 * How a write treats staff's undo history (docs/excel/excel-add-ins-undo-capabilities.md): `undoable` joins
 * it (from ExcelApi 1.20, the set that "adds undo support for Excel JavaScript APIs"), `desktop-clears` wipes
 * it on Windows and Mac (Worksheet.visibility; WorksheetCollection.add per OfficeDev/office-js#6170),
 * `outside` is not part of it: custom XML parts are neither undone nor redone (OfficeDev/office-js#6415,
 * open), selection and event registration are not edits.
 */
export type UndoKind = 'undoable' | 'desktop-clears' | 'outside';

interface WriteMeta {
  /** The JSON the request carries for this command (values set, addresses, XML). */
  payload?: unknown;
  undo?: UndoKind;
}

/** A write may report a data change on a sheet: Excel then raises onChanged (ExcelApi 1.9 collection event). */
export type WriteResult = { changed: SheetModel; address: string } | void;

const ENCODER = new TextEncoder();

/** Bytes of a value as JSON, the way the request and response travel. */
export function jsonBytes(value: unknown): number {
  return ENCODER.encode(JSON.stringify(value ?? null) ?? 'null').length;
}

/** Per command: the object path and method name Office.js sends (a rough but fixed overhead). */
const COMMAND_BYTES = 120;

/**
 * A queued load computes its snapshot when the batch runs and returns how to hand it to the proxy. The
 * hand-over happens only once Excel has accepted the whole response: when a batch is refused for size
 * (ResponsePayloadSizeLimitExceeded) nothing it loaded is ever filled, and reading it later throws
 * PropertyNotLoaded as for any value no sync brought back (OfficeExtension.ClientResult.value, "load").
 */
type LoadStep = () => (() => void) | void;

/** The queue of one Excel.run: commands wait here until sync() runs them in order, as Excel does. */
export class FakeContext {
  private queue: { kind: 'load' | 'write'; run: LoadStep | (() => WriteResult); meta: WriteMeta }[] = [];
  readonly syncs: SyncRecord[] = [];
  workbook!: unknown;
  /** Response bytes of the sync being run: loads add their snapshots here. */
  responseBytes = 0;

  constructor(
    readonly model: WorkbookModel,
    readonly options: { delayForCellEdit?: boolean } = {},
    /** Which Excel this run belongs to: co-authors' clients share the model, each sees its own events as Local. */
    readonly client = 'A',
  ) {}

  queueLoad(run: LoadStep): void {
    this.queue.push({ kind: 'load', run, meta: {} });
  }

  queueWrite(run: () => WriteResult, meta: WriteMeta = {}): void {
    this.queue.push({ kind: 'write', run, meta: { undo: 'undoable', ...meta } });
  }

  async sync(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    const requestBytes = batch.reduce(
      (n, op) => n + COMMAND_BYTES + (op.meta.payload === undefined ? 0 : jsonBytes(op.meta.payload)),
      0,
    );
    const record: SyncRecord = {
      loads: batch.filter((op) => op.kind === 'load').length,
      writes: batch.filter((op) => op.kind === 'write').length,
      requestBytes,
      responseBytes: 0,
    };
    this.syncs.push(record);
    await Promise.resolve();
    // RunOptions.delayForCellEdit: "When false, if the user is in cell edit when the batch request is
    // processed by the host, the batch automatically fails. When true, ... delayed until the user exits
    // cell edit mode. The default ... is equivalent to false." (Excel.RunOptions reference)
    if (this.model.cellEditing) {
      if (!this.options.delayForCellEdit)
        throw this.fail(
          record,
          'InvalidOperationInCellEditMode',
          'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
        );
      await this.model.waitForCellEditEnd();
    }
    const web = this.model.platform === 'web';
    if (web && requestBytes > WEB_PAYLOAD_LIMIT)
      throw this.fail(
        record,
        'RequestPayloadSizeLimitExceeded',
        `The request payload size (${requestBytes} bytes) has exceeded the limit.`,
      );
    this.responseBytes = 0;
    const changes: { changed: SheetModel; address: string }[] = [];
    const commits: (() => void)[] = [];
    const undo = this.model.beginUndoGroup();
    try {
      for (const op of batch) {
        if (op.kind === 'write') undo.before(op.meta.undo ?? 'undoable');
        const result = op.run();
        if (op.kind === 'write' && result && typeof result !== 'function') changes.push(result);
        if (op.kind === 'load' && typeof result === 'function') commits.push(result);
      }
    } catch (err) {
      record.failed = err instanceof FakeExcelError ? err.code : 'GeneralException';
      throw err;
    } finally {
      undo.end();
    }
    record.responseBytes = this.responseBytes;
    // Changes are made and raise their events whether or not the response then fits: Excel ran the batch.
    if (changes.length > 0) setTimeout(() => this.model.raiseChanged(changes, this.client, 'addin'), 0);
    if (web && this.responseBytes > WEB_PAYLOAD_LIMIT)
      throw this.fail(
        record,
        'ResponsePayloadSizeLimitExceeded',
        `The response payload size (${this.responseBytes} bytes) has exceeded the limit.`,
      );
    for (const commit of commits) commit();
  }

  private fail(record: SyncRecord, code: string, message: string): FakeExcelError {
    record.failed = code;
    return new FakeExcelError(code, message);
  }
}

type LoadArg = string | string[] | { select?: string } | undefined;

export function propsOf(arg: LoadArg): string[] {
  const raw = typeof arg === 'string' ? arg : Array.isArray(arg) ? arg.join(',') : (arg?.select ?? '');
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** ClientResult<T>: `value` is readable after the sync that carried the call. */
export class FakeClientResult<T> {
  private done = false;
  private result: T | undefined;

  constructor(ctx: FakeContext, compute: () => T) {
    ctx.queueLoad(() => {
      const result = compute();
      ctx.responseBytes += jsonBytes(result);
      return () => {
        this.result = result;
        this.done = true;
      };
    });
  }

  get value(): T {
    if (!this.done) throw notLoaded('value');
    return this.result as T;
  }
}

/**
 * Base of every fake proxy object: its target is resolved when the batch runs (as Excel resolves
 * paths at sync), loaded properties are snapshots taken then, and reading one before that throws.
 */
export abstract class FakeObject<T> {
  private loaded = new Map<string, unknown>();
  private resolvedTarget: boolean | undefined;

  constructor(
    protected readonly ctx: FakeContext,
    protected readonly target: () => T | null,
  ) {}

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

  /** Takes the snapshot now; the returned step fills the proxy once the response is accepted. */
  protected loadNow(props: string[]): () => void {
    const t = this.target();
    const values: [string, unknown][] = [];
    if (t !== null)
      for (const prop of props) {
        const value = this.snapshot(t, prop);
        values.push([prop, value]);
        this.ctx.responseBytes += jsonBytes(value);
      }
    return () => {
      this.resolvedTarget = t !== null;
      for (const [prop, value] of values) this.loaded.set(prop, value);
    };
  }

  get isNullObject(): boolean {
    if (this.resolvedTarget === undefined) throw notLoaded('isNullObject');
    return !this.resolvedTarget;
  }

  protected read<V>(prop: string): V {
    if (this.resolvedTarget === false)
      throw new FakeExcelError('InvalidObjectPath', `The object is a null object: '${prop}' cannot be read.`);
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as V;
  }

  protected write(change: (target: T) => WriteResult, meta: WriteMeta = {}): void {
    this.ctx.queueWrite(() => {
      const t = this.target();
      if (t === null) throw new FakeExcelError('ItemNotFound', 'The requested resource does not exist.');
      return change(t);
    }, meta);
  }

  /** The resolved target, for objects created by other objects' methods. */
  protected resolve(): T | null {
    return this.target();
  }
}
