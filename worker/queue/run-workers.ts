import { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Config } from '../config/index.ts';
import type { SubmissionStore, SummaryStore } from '../storage/index.ts';
import { consolidateProcessor } from './consolidate-processor.ts';
import { ingestProcessor } from './ingest-processor.ts';
import { CONSOLIDATE_QUEUE, INGEST_QUEUE, type Queues } from './queues.ts';
import { reconcile } from './reconcile.ts';
import { SandboxPool } from './sandbox.ts';

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
  const common = { connection, lockDuration: config.lockDurationMs, stalledInterval: config.stalledIntervalMs, maxStalledCount: 2 };
  const sandbox = new SandboxPool({ timeoutMs: config.ingestTimeoutMs, memoryMb: config.ingestMemoryMb });
  // One child per concurrent job starts now, so the first submissions after a (re)start do not wait for one.
  await sandbox.warm(config.concurrency);
  const ingest = new Worker(INGEST_QUEUE, ingestProcessor({ store, queues, sandbox }), { ...common, concurrency: config.concurrency });
  const consolidate = new Worker(CONSOLIDATE_QUEUE, consolidateProcessor({ config, store, summaries }), { ...common, concurrency: 1 });
  ingest.on('failed', (job, err) => log(`ingest ${job?.id ?? '?'} failed: ${err.message}`));
  consolidate.on('failed', (job, err) => log(`consolidate ${job?.id ?? '?'} failed: ${err.message}`));
  ingest.on('error', (err) => log(`ingest worker error: ${err.message}`));
  consolidate.on('error', (err) => log(`consolidate worker error: ${err.message}`));
  const sweep = async () => {
    try {
      const { requeued } = await reconcile(store, summaries, queues);
      if (requeued) log(`reconcile: ${requeued} submission(s) re-enqueued`);
    } catch (err) {
      log(`reconcile failed: ${(err as Error).message}`);
    }
  };
  await sweep();
  const timer = setInterval(() => void sweep(), config.reconcileIntervalMs);
  return {
    async close() {
      clearInterval(timer);
      await Promise.all([ingest.close(), consolidate.close()]);
      sandbox.close();
    },
  };
}
