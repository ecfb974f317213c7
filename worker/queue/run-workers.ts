import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../config/index.ts';
import { RedisYearStore, type SubmissionStore, type SummaryStore } from '../storage/index.ts';
import { consolidateProcessor } from './consolidate-processor.ts';
import { ingestProcessor } from './ingest-processor.ts';
import { CONSOLIDATE_QUEUE, INGEST_QUEUE, type Queues } from './queues.ts';
import { reconcile } from './reconcile.ts';
import { SandboxPool } from './sandbox.ts';
import { ContentIndex } from '../storage/content-index.ts';

export interface RunningWorkers {
  close(): Promise<void>;
}

export interface WorkerDeps {
  config: Config;
  connection: Redis;
  queues: Queues;
  store: SubmissionStore;
  summaries: SummaryStore;
  log: (line: string) => void;
}

/** Starts the ingest and consolidation workers, reconciles once, then every reconcileIntervalMs. */
export async function runWorkers(deps: WorkerDeps): Promise<RunningWorkers> {
  const { config, connection, queues, store, summaries, log } = deps;
  const common = {
    connection,
    lockDuration: config.lockDurationMs,
    stalledInterval: config.stalledIntervalMs,
    maxStalledCount: 2,
  };
  const sandbox = new SandboxPool({ timeoutMs: config.ingestTimeoutMs, memoryMb: config.ingestMemoryMb });
  // One child per concurrent job starts now, so the first submissions after a (re)start do not wait for one.
  await sandbox.warm(config.concurrency);
  const ingest = new Worker(
    INGEST_QUEUE,
    withoutPaths(
      ingestProcessor({
        store,
        queues,
        sandbox,
        identity: { wards: config.wards, content: new ContentIndex(config.dataDir) },
      }),
    ),
    { ...common, concurrency: config.concurrency },
  );
  const consolidate = new Worker(
    CONSOLIDATE_QUEUE,
    withoutPaths(consolidateProcessor({ config, store, summaries, years: new RedisYearStore(connection) })),
    {
      ...common,
      concurrency: 1,
    },
  );
  ingest.on('failed', (job, err) => log(`ingest ${job?.id ?? '?'} failed: ${err.message}`));
  consolidate.on('failed', (job, err) => log(`consolidate ${job?.id ?? '?'} failed: ${err.message}`));
  // A Redis outage is logged once by the connection (runtime.ts), not once per worker and retry.
  ingest.on('error', (err) => connection.status === 'ready' && log(`ingest worker error: ${err.message}`));
  consolidate.on('error', (err) => connection.status === 'ready' && log(`consolidate worker error: ${err.message}`));
  let sweeping = false;
  const sweep = async () => {
    // One sweep at a time: during an outage a sweep waits for Redis, and the timer must not pile more up.
    if (sweeping) return;
    sweeping = true;
    try {
      const { requeued } = await reconcile(store, summaries, queues);
      if (requeued) log(`reconcile: ${requeued} submission(s) re-enqueued`);
    } catch (err) {
      log(`reconcile failed: ${(err as Error).message}`);
    } finally {
      sweeping = false;
    }
  };
  // Not awaited: with Redis away at start the sweep waits for it, and start-up (and SIGTERM) must not.
  void sweep();
  const timer = setInterval(() => void sweep(), config.reconcileIntervalMs);
  return {
    async close() {
      clearInterval(timer);
      // Running jobs get a few seconds to finish; past that (or with Redis away) they are left to their
      // lock's expiry, and another worker takes them over.
      const force = connection.status !== 'ready';
      await Promise.race([Promise.all([ingest.close(force), consolidate.close(force)]), delay(force ? 1000 : 5000)]);
      sandbox.close();
    },
  };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * A job's failed reason is shown on bull-board: an error's message that names a server path (an fs error's
 * `open '/srv/mokuhyo/data/…'`) keeps only the file's name. The error itself is rethrown (its class decides
 * whether BullMQ retries).
 */
export function withoutPaths<T, R>(processor: (job: Job<T>) => Promise<R>): (job: Job<T>) => Promise<R> {
  return async (job) => {
    try {
      return await processor(job);
    } catch (err) {
      if (err instanceof Error) err.message = scrubPaths(err.message);
      throw err;
    }
  };
}

/** Absolute paths (and file: URLs) in a text, each shortened to …/its last part. */
export function scrubPaths(text: string): string {
  return text.replace(/(^|[\s'"`(=])(?:file:\/\/)?\/(?:[^\s'"`()/]+\/)+([^\s'"`()/]*)/g, '$1…/$2');
}
