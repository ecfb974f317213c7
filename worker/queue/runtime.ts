import type { Redis } from 'ioredis';
import type { Config } from '../config/index.ts';
import { FsSubmissionStore, FsSummaryStore, type SubmissionStore, type SummaryStore } from '../storage/index.ts';
import { Queues, redisConnection } from './queues.ts';

/** What serve and worker share: one Redis connection, the queues, and the stores under dataDir. */
export interface Runtime {
  connection: Redis;
  queues: Queues;
  store: SubmissionStore;
  summaries: SummaryStore;
  close(): Promise<void>;
}

export function openRuntime(config: Config): Runtime {
  const connection = redisConnection(config.redisUrl);
  connection.on('error', () => undefined); // reconnects on its own; health is reported by /healthz
  const queues = new Queues(connection, config.consolidationDelayMs);
  return {
    connection,
    queues,
    store: new FsSubmissionStore(config.dataDir),
    summaries: new FsSummaryStore(config.dataDir),
    async close() {
      await queues.close().catch(() => undefined);
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}

/** Runs `stop` once on SIGTERM or SIGINT, then exits. */
export function onShutdown(stop: () => Promise<void>, log: (line: string) => void): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: 終了処理中（処理中のジョブを待っています）…`);
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log(`終了処理に失敗しました: ${(err as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => handler('SIGTERM'));
  process.once('SIGINT', () => handler('SIGINT'));
}

/** One line on stderr with a timestamp. */
export function log(line: string): void {
  process.stderr.write(`${new Date().toISOString()} ${line}\n`);
}
