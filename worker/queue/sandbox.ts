import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { IngestResult } from './ingest-workbook.ts';

const CHILD = fileURLToPath(new URL('./ingest-child.ts', import.meta.url));
/** A child is replaced after this many files, so a slow leak cannot grow without bound. */
const JOBS_PER_CHILD = 100;

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
}

interface Sandbox {
  process: ChildProcess;
  stderr: string;
  jobs: number;
}

type Reply = { ok: true; result: IngestResult } | { ok: false; error: string };

/**
 * Ingests workbook bytes in child processes with a heap cap and a wall-clock timeout, so a hostile file
 * costs one killed process, never the worker. Idle children are kept for the next file.
 */
export class SandboxPool {
  private readonly idle: Sandbox[] = [];
  private closed = false;

  constructor(private readonly limits: SandboxLimits) {}

  run(bytes: Buffer): Promise<IngestResult> {
    const box = this.idle.pop() ?? this.spawn();
    box.jobs++;
    return new Promise<IngestResult>((resolve, reject) => {
      const child = box.process;
      const cleanup = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      const onMessage = (msg: Reply) => {
        cleanup();
        this.release(box);
        if (msg.ok) resolve(msg.result);
        else reject(new Error(msg.error));
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        cleanup();
        if (/heap out of memory|Allocation failed/i.test(box.stderr)) {
          reject(new SandboxLimitError('resource', `処理に必要なメモリが上限（${this.limits.memoryMb} MB）を超えたため中止しました。`));
        } else reject(new Error(`ingest sandbox exited (${code ?? signal}) ${box.stderr.slice(-300)}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        child.kill('SIGKILL');
        reject(new SandboxLimitError('timeout', `処理が制限時間（${Math.round(this.limits.timeoutMs / 1000)} 秒）を超えたため中止しました。`));
      }, this.limits.timeoutMs);
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ bytes });
    });
  }

  close(): void {
    this.closed = true;
    for (const box of this.idle.splice(0)) box.process.kill('SIGKILL');
  }

  private spawn(): Sandbox {
    const child = fork(CHILD, [], {
      execArgv: ['--import', 'tsx', `--max-old-space-size=${this.limits.memoryMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    const box: Sandbox = { process: child, stderr: '', jobs: 0 };
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

  private release(box: Sandbox): void {
    if (this.closed || box.jobs >= JOBS_PER_CHILD || box.process.exitCode !== null) box.process.kill('SIGKILL');
    else this.idle.push(box);
  }
}
