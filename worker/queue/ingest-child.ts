// The sandboxed side of SandboxPool: ingests each workbook it is sent and answers over IPC.
import { ingestWorkbook } from './ingest-workbook.ts';

process.on('message', (msg: { bytes: Buffer | Uint8Array }) => {
  const bytes = Buffer.isBuffer(msg.bytes) ? msg.bytes : Buffer.from(msg.bytes);
  ingestWorkbook(bytes).then(
    (result) => process.send?.({ ok: true, result }),
    (err: unknown) => process.send?.({ ok: false, error: err instanceof Error ? err.message : String(err) }),
  );
});
process.on('disconnect', () => process.exit(0));
