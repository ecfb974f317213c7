import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { cachedBundle } from '../../bin/cached-bundle.js';
import { checkUpload, type UploadRefusal } from './check-upload.ts';

const ENTRY = new URL('./scan-thread.ts', import.meta.url);
const TSX_API = pathToFileURL(
  createRequire(import.meta.url)
    .resolve('tsx/esm/api')
    .replace(/\.cjs$/, '.mjs'),
).href;
const BOOTSTRAP = `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(ENTRY.href)}); });`;

/** What a scan found, and the upload's bytes to store (the caller's buffer may have been moved to the thread). */
export interface ScanResult {
  refusal: UploadRefusal | null;
  bytes: Buffer;
}

/** Too many uploads are waiting for a scan: the intake answers 503 with Retry-After. */
export class ScanBusyError extends Error {
  constructor() {
    super('scan queue full');
    this.name = 'ScanBusyError';
  }
}

interface Task {
  id: number;
  bytes: Buffer;
  /** The bytes were moved to the thread (not copied): they come back with the answer. */
  moved: boolean;
  /** Settles with the refusal and the upload's bytes (moved back from the thread when they were moved to it). */
  resolve: (r: ScanResult) => void;
  reject: (e: Error) => void;
}

interface Lane {
  worker: Worker;
  task: Task | null;
}

/**
 * Scans uploads (checkUpload: inflating and searching every part) in worker threads, `threads` at a
 * time, so a burst of large or hostile uploads never stalls the intake's event loop (`/healthz`, other
 * requests). At most `queue` uploads wait for a thread; past that the caller is told to come back later.
 */
export class ScanPool {
  private readonly lanes: Lane[] = [];
  private readonly waiting: Task[] = [];
  private next = 0;
  private closed = false;
  private entry: Promise<string | null> | undefined;

  constructor(
    private readonly opts: { threads: number; queue: number; maxBytes: number; onFault?: (message: string) => void },
  ) {}

  /** Starts the threads ahead of the first upload. */
  async warm(): Promise<void> {
    while (this.lanes.length < this.opts.threads) this.lanes.push(await this.spawn());
  }

  /**
   * The refusal of an upload (null when it may be stored), with its bytes. A thread that fails (it died,
   * or could not start) is replaced and the upload is scanned again — in a thread, else on this thread —
   * so a broken pool costs latency, never a wrong answer; only an upload already moved to a thread that
   * died is lost with it, and its sender is asked to send it again (ScanBusyError → 503).
   */
  async scan(bytes: Buffer): Promise<ScanResult> {
    try {
      return await this.scanInThread(bytes);
    } catch (first) {
      if (first instanceof ScanBusyError || this.closed) throw first;
      this.opts.onFault?.(`upload scan thread failed: ${(first as Error).message}`);
      if (bytes.byteLength === 0 && bytes.buffer.byteLength === 0) throw new ScanBusyError();
      try {
        return await this.scanInThread(bytes);
      } catch (second) {
        if (second instanceof ScanBusyError || this.closed) throw second;
        if (bytes.byteLength === 0 && bytes.buffer.byteLength === 0) throw new ScanBusyError();
        return { refusal: await checkUpload(bytes, this.opts.maxBytes), bytes };
      }
    }
  }

  private scanInThread(bytes: Buffer): Promise<ScanResult> {
    if (this.closed) return Promise.reject(new Error('scan pool closed'));
    const idle = this.lanes.find((l) => !l.task);
    if (!idle && this.waiting.length >= this.opts.queue) return Promise.reject(new ScanBusyError());
    return new Promise<ScanResult>((resolve, reject) => {
      const task: Task = { id: this.next++, bytes, moved: false, resolve, reject };
      if (idle) this.dispatch(idle, task);
      else this.waiting.push(task);
    });
  }

  /** True when an upload arriving now would be told to come back later (checked before its body is read). */
  get full(): boolean {
    return !this.lanes.some((l) => !l.task) && this.waiting.length >= this.opts.queue;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.waiting.splice(0)) t.reject(new Error('scan pool closed'));
    await Promise.all(this.lanes.splice(0).map((l) => l.worker.terminate()));
  }

  /**
   * Hands the upload to a thread. A buffer that owns its whole memory is moved, not copied (the thread
   * moves it back with its answer): no 20 MB copy and no garbage on this thread per upload.
   */
  private dispatch(lane: Lane, task: Task): void {
    lane.task = task;
    const { bytes } = task;
    task.moved =
      bytes.byteLength > 0 &&
      bytes.byteOffset === 0 &&
      bytes.byteLength === bytes.buffer.byteLength &&
      bytes.buffer instanceof ArrayBuffer;
    lane.worker.postMessage(
      { id: task.id, bytes, maxBytes: this.opts.maxBytes },
      task.moved ? [bytes.buffer as ArrayBuffer] : [],
    );
  }

  private async spawn(): Promise<Lane> {
    this.entry ??= cachedBundle({ entry: fileURLToPath(ENTRY), name: 'scan-thread' }).catch(() => null);
    const bundle = await this.entry;
    const worker = bundle ? new Worker(new URL(bundle)) : new Worker(BOOTSTRAP, { eval: true });
    const lane: Lane = { worker, task: null };
    let answered = false;
    worker.on(
      'message',
      (answer: { id: number; refusal?: UploadRefusal | null; fault?: string; bytes: Uint8Array }) => {
        const task = lane.task;
        lane.task = null;
        answered = true;
        if (task) {
          const bytes = task.moved
            ? Buffer.from(answer.bytes.buffer, answer.bytes.byteOffset, answer.bytes.byteLength)
            : task.bytes;
          if (answer.fault !== undefined) task.reject(new Error(answer.fault));
          else task.resolve({ refusal: answer.refusal ?? null, bytes });
        }
        const queued = this.waiting.shift();
        if (queued) this.dispatch(lane, queued);
      },
    );
    // A thread that dies (out of memory on a hostile file) fails its upload and is replaced.
    const replace = (err: Error) => {
      lane.task?.reject(err);
      lane.task = null;
      const at = this.lanes.indexOf(lane);
      if (at >= 0) this.lanes.splice(at, 1);
      if (this.closed) return;
      // A thread that died before its first answer may have a stale entry: resolve it again, and wait a
      // moment, so a thread that cannot start is not restarted in a tight loop.
      if (!answered) this.entry = undefined;
      void delay(answered ? 0 : 1000)
        .then(() => this.spawn())
        .then((fresh) => {
          if (this.closed) return void fresh.worker.terminate();
          this.lanes.push(fresh);
          const queued = this.waiting.shift();
          if (queued) this.dispatch(fresh, queued);
        });
    };
    worker.on('error', replace);
    worker.on('exit', (code) => {
      if (!this.closed && this.lanes.includes(lane)) replace(new Error(`scan thread exited (${code})`));
    });
    return lane;
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
