import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { IngestResult } from './ingest-workbook.ts';

const CHILD = fileURLToPath(new URL('./ingest-child.ts', import.meta.url));

/** The sandbox gave up on a file: it ran too long or used too much memory. */
export class SandboxLimitError extends Error {
  constructor(readonly code: 'timeout' | 'resource', message: string) {
    super(message);
    this.name = 'SandboxLimitError';
  }
}

export interface SandboxLimits {
  timeoutMs: number;
  memoryMb: number;
}

/**
 * Ingests workbook bytes in a child process with a heap cap and a wall-clock timeout, so a hostile file
 * costs one killed process, never the worker.
 */
export function ingestInSandbox(bytes: Buffer, limits: SandboxLimits): Promise<IngestResult> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [], {
      execArgv: ['--import', 'tsx', `--max-old-space-size=${limits.memoryMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let settled = false;
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-2000);
    });
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
      fn();
    };
    const timer = setTimeout(() => finish(() => reject(new SandboxLimitError('timeout', `処理が制限時間（${Math.round(limits.timeoutMs / 1000)} 秒）を超えたため中止しました。`))), limits.timeoutMs);
    child.on('message', (msg: { ok: true; result: IngestResult } | { ok: false; error: string }) => {
      finish(() => (msg.ok ? resolve(msg.result) : reject(new Error(msg.error))));
    });
    child.on('error', (err) => finish(() => reject(err)));
    child.on('exit', (code, signal) => {
      const oom = /heap out of memory|Allocation failed/i.test(stderr);
      if (oom) finish(() => reject(new SandboxLimitError('resource', `処理に必要なメモリが上限（${limits.memoryMb} MB）を超えたため中止しました。`)));
      else finish(() => reject(new Error(`ingest child exited (${code ?? signal}) ${stderr.slice(-300)}`)));
    });
    child.send({ bytes });
  });
}
