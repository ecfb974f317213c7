import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { cachedBundle } from '../../bin/cached-bundle.js';
import { checkUpload, type UploadRefusal } from './check-upload.ts';

const ENTRY = new URL('./scan-thread.ts', import.meta.url);
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
const BOOTSTRAP = `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(ENTRY.href)}); });`;

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
  resolve: (r: UploadRefusal | null) => void;
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

  constructor(private readonly opts: { threads: number; queue: number; maxBytes: number; onFault?: (message: string) => void }) {}

  /** Starts the threads ahead of the first upload. */
  async warm(): Promise<void> {
    while (this.lanes.length < this.opts.threads) this.lanes.push(await this.spawn());
  }

  /**
   * The refusal of an upload, or null when it may be stored. A thread that fails (it died, or could not
   * start) is replaced and the upload is scanned once more; if that fails too it is checked on this thread,
   * so a broken pool costs latency, never a wrong answer.
   */
  async scan(bytes: Buffer): Promise<UploadRefusal | null> {
    try {
      return await this.scanInThread(bytes);
    } catch (first) {
      if (first instanceof ScanBusyError || this.closed) throw first;
      this.opts.onFault?.(`upload scan thread failed: ${(first as Error).message}`);
      try {
        return await this.scanInThread(bytes);
      } catch (second) {
        if (second instanceof ScanBusyError || this.closed) throw second;
        return checkUpload(bytes, this.opts.maxBytes);
      }
    }
  }

  private scanInThread(bytes: Buffer): Promise<UploadRefusal | null> {
    if (this.closed) return Promise.reject(new Error('scan pool closed'));
    const idle = this.lanes.find((l) => !l.task);
    if (!idle && this.waiting.length >= this.opts.queue) return Promise.reject(new ScanBusyError());
    return new Promise<UploadRefusal | null>((resolve, reject) => {
      const task: Task = { id: this.next++, bytes, resolve, reject };
      if (idle) this.dispatch(idle, task);
      else this.waiting.push(task);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.waiting.splice(0)) t.reject(new Error('scan pool closed'));
    await Promise.all(this.lanes.splice(0).map((l) => l.worker.terminate()));
  }

  private dispatch(lane: Lane, task: Task): void {
    lane.task = task;
    lane.worker.postMessage({ id: task.id, bytes: task.bytes, maxBytes: this.opts.maxBytes });
  }

  private async spawn(): Promise<Lane> {
    this.entry ??= cachedBundle({ entry: fileURLToPath(ENTRY), name: 'scan-thread' }).catch(() => null);
    const bundle = await this.entry;
    const worker = bundle ? new Worker(new URL(bundle)) : new Worker(BOOTSTRAP, { eval: true });
    const lane: Lane = { worker, task: null };
    let answered = false;
    worker.on('message', (answer: { id: number; refusal?: UploadRefusal | null; fault?: string }) => {
      const task = lane.task;
      lane.task = null;
      answered = true;
      if (task) {
        if (answer.fault !== undefined) task.reject(new Error(answer.fault));
        else task.resolve(answer.refusal ?? null);
      }
      const queued = this.waiting.shift();
      if (queued) this.dispatch(lane, queued);
    });
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
