import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cachedBundle } from '../../bin/cached-bundle.js';
import { V8_FLAGS } from '../../bin/v8-tuning.js';
import type { SheetFindings } from '../annotate/results-sheet.ts';
import type { IngestResult } from './ingest-workbook.ts';

const CHILD = fileURLToPath(new URL('./ingest-child.ts', import.meta.url));
/**
 * A child is replaced after this many files, or sooner when its heap after a file passes half its cap, so a
 * slow leak cannot grow without bound. Not much sooner: a new child starts with a cold JIT, and the first
 * hundred files run about twice as slowly as the rest.
 */
const JOBS_PER_CHILD = 1000;

/** The sandbox gave up on a file: it ran too long or used too much memory. */
export class SandboxLimitError extends Error {
  constructor(
    readonly code: 'timeout' | 'resource',
    message: string,
  ) {
    super(message);
    this.name = 'SandboxLimitError';
  }
}

export interface SandboxLimits {
  timeoutMs: number;
  memoryMb: number;
  /** Files a child ingests before it is replaced (default 1,000). */
  jobsPerChild?: number;
}

interface Sandbox {
  process: ChildProcess;
  stderr: string;
  jobs: number;
  /** Settles once the child has loaded and listens (or has exited): a file's time limit starts after it. */
  ready: Promise<void>;
}

/** A child that has not loaded after this long is given up (an infrastructure fault, not the file's). */
const START_MS = 60_000;

/** The child's answer, with its heap in use after the file (bytes) so the pool can retire a growing child. */
type Reply = ({ ok: true; result: unknown } | { ok: false; error: string; code?: string }) & { heapUsed?: number };

/** A workbook's bytes, or the path of a stored submission the child reads itself (no bytes over IPC). */
export type SandboxInput = Buffer | { file: string };

/** The marked copy was refused by the readers' limits (an UnreadableWorkbookError in the child). */
export class SandboxRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SandboxRefusal';
  }
}

/**
 * How a child starts: from the cached esbuild bundle of ingest-child.ts when esbuild is there (a child then
 * starts in ≈ 0.1 s), else from the TypeScript source through tsx (≈ 1 s of CPU per child).
 */
async function childEntry(): Promise<{ module: string; execArgv: string[] }> {
  const bundle = await cachedBundle({ entry: CHILD, name: 'ingest-child' }).catch(() => null);
  return bundle ? { module: fileURLToPath(bundle), execArgv: [] } : { module: CHILD, execArgv: ['--import', 'tsx'] };
}

/**
 * Ingests workbook bytes in child processes with a heap cap and a wall-clock timeout, so a hostile file
 * costs one killed process, never the worker. Idle children are kept for the next file.
 */
export class SandboxPool {
  private readonly idle: Sandbox[] = [];
  private closed = false;
  private entry: Promise<{ module: string; execArgv: string[] }> | undefined;
  private spawned = 0;

  constructor(private readonly limits: SandboxLimits) {}

  /** Starts `count` children ahead of the first file, so the first submissions do not wait for them. */
  async warm(count: number): Promise<void> {
    const boxes = await Promise.all(Array.from({ length: count }, () => this.spawn()));
    for (const box of boxes) {
      if (this.closed) box.process.kill('SIGKILL');
      else this.idle.push(box);
    }
  }

  /** Ingests a workbook given as bytes, or as a stored file the child reads itself (no bytes over IPC). */
  async run(input: SandboxInput): Promise<IngestResult> {
    return (await this.ask(Buffer.isBuffer(input) ? { bytes: input } : input)) as IngestResult;
  }

  /**
   * The marked copy of a workbook (findings as notes and colours, a results sheet), made in a child under
   * the same limits as reading it: the readers' structural limits first, then exceljs under the heap cap
   * and the timeout. A workbook over the limits is a SandboxRefusal with the Japanese reason.
   */
  async annotate(input: SandboxInput, sheets: readonly SheetFindings[]): Promise<Buffer> {
    const source = Buffer.isBuffer(input) ? { bytes: input } : input;
    const out = (await this.ask({ annotate: { ...source, sheets } })) as Uint8Array;
    return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  }

  private async ask(request: object): Promise<unknown> {
    const box = this.idle.pop() ?? (await this.spawn());
    box.jobs++;
    let started: NodeJS.Timeout | undefined;
    const loaded = await Promise.race([
      box.ready.then(() => true),
      new Promise<false>((resolve) => (started = setTimeout(() => resolve(false), START_MS))),
    ]);
    clearTimeout(started);
    if (!loaded || box.process.exitCode !== null || box.process.signalCode !== null) {
      box.process.kill('SIGKILL');
      throw new Error(`ingest sandbox did not start ${box.stderr.slice(-300)}`);
    }
    return new Promise<unknown>((resolve, reject) => {
      const child = box.process;
      const cleanup = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      const onMessage = (msg: Reply) => {
        cleanup();
        this.release(box, msg.heapUsed ?? 0);
        if (msg.ok) resolve(msg.result);
        else if (msg.code) reject(new SandboxRefusal(msg.code, msg.error));
        else reject(new Error(msg.error));
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        cleanup();
        if (/heap out of memory|Allocation failed/i.test(box.stderr)) {
          reject(
            new SandboxLimitError(
              'resource',
              `処理に必要なメモリが上限（${this.limits.memoryMb} MB）を超えたため中止しました。`,
            ),
          );
        } else reject(new Error(`ingest sandbox exited (${code ?? signal}) ${box.stderr.slice(-300)}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        child.kill('SIGKILL');
        reject(
          new SandboxLimitError(
            'timeout',
            `処理が制限時間（${Math.round(this.limits.timeoutMs / 1000)} 秒）を超えたため中止しました。`,
          ),
        );
      }, this.limits.timeoutMs);
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send(request);
    });
  }

  /** Children started so far (replacements included). */
  get started(): number {
    return this.spawned;
  }

  close(): void {
    this.closed = true;
    for (const box of this.idle.splice(0)) box.process.kill('SIGKILL');
  }

  private async spawn(): Promise<Sandbox> {
    this.entry ??= childEntry();
    const entry = await this.entry;
    this.spawned++;
    const child = fork(entry.module, [], {
      execArgv: [...entry.execArgv, ...V8_FLAGS, `--max-old-space-size=${this.limits.memoryMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const ready = new Promise<void>((resolve) => {
      const onReady = (msg: unknown) => {
        if ((msg as { ready?: unknown } | null)?.ready !== true) return;
        child.off('message', onReady);
        resolve();
      };
      child.on('message', onReady);
      child.once('exit', () => resolve());
    });
    const box: Sandbox = { process: child, stderr: '', jobs: 0, ready };
    child.stderr?.on('data', (d: Buffer) => {
      box.stderr = (box.stderr + d.toString()).slice(-4000);
    });
    child.on('error', () => undefined);
    child.once('exit', () => {
      const at = this.idle.indexOf(box);
      if (at >= 0) this.idle.splice(at, 1);
    });
    return box;
  }

  private release(box: Sandbox, heapUsed: number): void {
    const grown = heapUsed > (this.limits.memoryMb * 1024 * 1024) / 2;
    if (
      this.closed ||
      grown ||
      box.jobs >= (this.limits.jobsPerChild ?? JOBS_PER_CHILD) ||
      box.process.exitCode !== null
    )
      box.process.kill('SIGKILL');
    else this.idle.push(box);
  }
}
