// The sandboxed side of ingestInSandbox: receives bytes over IPC, ingests, answers once, exits.
import { ingestWorkbook } from './ingest-workbook.ts';

process.once('message', (msg: { bytes: Buffer | Uint8Array }) => {
  const bytes = Buffer.isBuffer(msg.bytes) ? msg.bytes : Buffer.from(msg.bytes);
  ingestWorkbook(bytes).then(
    (result) => process.send?.({ ok: true, result }, () => process.exit(0)),
    (err: unknown) => process.send?.({ ok: false, error: err instanceof Error ? err.message : String(err) }, () => process.exit(1)),
  );
});
