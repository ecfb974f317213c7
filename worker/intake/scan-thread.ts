// The worker-thread side of ScanPool: checks each upload it is sent (size, zip structure, DTDs, bombs).
import { parentPort } from 'node:worker_threads';
import { checkUpload } from './check-upload.ts';

const port = parentPort;
if (!port) throw new Error('scan-thread must run in a worker thread');

port.on('message', (task: { id: number; bytes: Uint8Array; maxBytes: number }) => {
  checkUpload(Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength), task.maxBytes).then(
    (refusal) => port.postMessage({ id: task.id, refusal }),
    (err: unknown) => port.postMessage({ id: task.id, fault: err instanceof Error ? err.message : String(err) }),
  );
});
