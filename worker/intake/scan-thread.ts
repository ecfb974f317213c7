// The worker-thread side of ScanPool: checks each upload it is sent (size, zip structure, DTDs, bombs).
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { checkUpload } from './check-upload.ts';

const port = parentPort;
if (!port) throw new Error('scan-thread must run in a worker thread');

// Below the event loop's priority (Linux: a thread is a task with its own id and nice value), so a burst of
// scans never takes the CPU from /healthz and other requests on a small machine.
try {
  const tid = Number(/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'))?.[1]);
  if (tid > 0) setPriority(tid, 10);
} catch {
  // not Linux, or not allowed: the scan runs at normal priority
}

// The bytes go back with the answer, moved (not copied): the intake stores them when they pass.
port.on('message', (task: { id: number; bytes: Uint8Array; maxBytes: number }) => {
  const back = [task.bytes.buffer as ArrayBuffer];
  checkUpload(Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength), task.maxBytes).then(
    (refusal) => port.postMessage({ id: task.id, refusal, bytes: task.bytes }, back),
    (err: unknown) =>
      port.postMessage(
        { id: task.id, fault: err instanceof Error ? err.message : String(err), bytes: task.bytes },
        back,
      ),
  );
});
