// The worker-thread side of ingestFiles: ingests the files it is sent, answers each with plain data.
import { parentPort } from 'node:worker_threads';
import { ingestFile } from '../summary/ingest-files.ts';
import type { IngestTask, IngestAnswer } from './parallel-ingest.ts';

const port = parentPort;
if (!port) throw new Error('ingest-thread must run in a worker thread');

port.on('message', (task: IngestTask) => {
  ingestFile(task.file, { ...task.options, link: task.link }).then(
    (submission) => port.postMessage({ index: task.index, submission } satisfies IngestAnswer),
    (err: unknown) =>
      port.postMessage({
        index: task.index,
        fault: err instanceof Error ? (err.stack ?? err.message) : String(err),
      } satisfies IngestAnswer),
  );
});
