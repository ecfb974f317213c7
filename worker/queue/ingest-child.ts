// The sandboxed side of SandboxPool: ingests each workbook it is sent and answers over IPC.
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { SheetFindings } from '../annotate/results-sheet.ts';
import { isUnreadableWorkbookError } from '../xlsx/index.ts';
import { ingestWorkbook } from './ingest-workbook.ts';

/**
 * A watchdog thread: when the worker that forked this child is gone (SIGKILLed, its ppid changes), the child
 * kills itself — also while its own event loop spins on a pathological file and could never notice.
 */
const watchdog = new Worker(
  "const { workerData } = require('node:worker_threads'); setInterval(() => { if (process.ppid !== workerData) process.kill(process.pid, 'SIGKILL'); }, 1000);",
  { eval: true, workerData: process.ppid, resourceLimits: { maxOldGenerationSizeMb: 8, maxYoungGenerationSizeMb: 2 } },
);
watchdog.unref();

/** A workbook's bytes, or the path of a stored submission to read them from. */
type Source = { bytes: Buffer | Uint8Array } | { file: string };
/** Ingest a workbook, or make its marked copy. */
type Request = Source | { annotate: Source & { sheets: SheetFindings[] } };

async function bytesOf(msg: Source): Promise<Buffer> {
  // One synchronous read: this process does nothing else meanwhile, and it saves four thread-pool round trips.
  if ('file' in msg) return readFileSync(msg.file);
  return Buffer.isBuffer(msg.bytes) ? msg.bytes : Buffer.from(msg.bytes);
}

async function answer(msg: Request): Promise<unknown> {
  if ('annotate' in msg) {
    // Loaded on first need: most children never make a marked copy, and exceljs costs a child ~0.1 s to load.
    const { annotateBytes } = await import('../annotate/annotate-bytes.ts');
    return annotateBytes(await bytesOf(msg.annotate), msg.annotate.sheets);
  }
  return ingestWorkbook(await bytesOf(msg));
}

process.on('message', (msg: Request) => {
  answer(msg)
    .then(
      (result) => ({ ok: true, result }),
      (err: unknown) => ({
        ok: false,
        error: err instanceof Error ? err.message : String(err),
        ...(isUnreadableWorkbookError(err) ? { code: err.code } : {}),
      }),
    )
    // Every answer carries the heap in use after the file, so the pool can retire a growing child.
    .then((reply) => process.send?.({ ...reply, heapUsed: process.memoryUsage().heapUsed }));
});
process.on('disconnect', () => process.exit(0));
// Loaded and listening: the pool starts a file's time limit only now, so a child's start-up (slow on a busy
// machine, right after a child was killed for a hostile file) never counts against the next file.
process.send?.({ ready: true });
