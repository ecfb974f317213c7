// The sandboxed side of SandboxPool: ingests each workbook it is sent and answers over IPC.
import { readFile } from 'node:fs/promises';
import { ingestWorkbook } from './ingest-workbook.ts';

/** A workbook's bytes, or the path of a stored submission to read them from. */
type Request = { bytes: Buffer | Uint8Array } | { file: string };

async function bytesOf(msg: Request): Promise<Buffer> {
  if ('file' in msg) return readFile(msg.file);
  return Buffer.isBuffer(msg.bytes) ? msg.bytes : Buffer.from(msg.bytes);
}

process.on('message', (msg: Request) => {
  bytesOf(msg).then((bytes) => ingestWorkbook(bytes)).then(
    (result) => process.send?.({ ok: true, result, heapUsed: process.memoryUsage().heapUsed }),
    (err: unknown) => process.send?.({ ok: false, error: err instanceof Error ? err.message : String(err), heapUsed: process.memoryUsage().heapUsed }),
  );
});
process.on('disconnect', () => process.exit(0));
