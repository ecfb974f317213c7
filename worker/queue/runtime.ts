import { chmod, mkdir } from 'node:fs/promises';
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

export function openRuntime(config: Config, log?: (line: string) => void): Runtime {
  const connection = redisConnection(config.redisUrl);
  connection.on('error', () => undefined); // reconnects on its own; health is reported by /healthz
  const watch = log ? watchRedis(connection, log) : null;
  const queues = new Queues(connection, config.consolidationDelayMs, config.autoSummaries);
  return {
    connection,
    queues,
    store: new FsSubmissionStore(config.dataDir),
    summaries: new FsSummaryStore(config.dataDir),
    async close() {
      watch?.stop();
      // Never wait on an outage: QUIT would sit in the offline queue until Redis came back.
      if (connection.status !== 'ready') {
        connection.disconnect();
        await Promise.race([queues.close().catch(() => undefined), delay(1000)]);
        return;
      }
      await Promise.race([queues.close().catch(() => undefined), delay(3000)]);
      await Promise.race([connection.quit().catch(() => connection.disconnect()), delay(1000)]);
      connection.disconnect();
    },
  };
}

/**
 * A Redis outage as one line when it starts and one when it ends, however many reconnection attempts
 * (and connection errors from the queues and workers) it takes in between.
 */
export function watchRedis(connection: Redis, log: (line: string) => void): { stop(): void } {
  let downSince: number | null = null;
  let stopped = false;
  const down = (why: string) => {
    if (downSince !== null || stopped) return;
    downSince = Date.now();
    log(`Redis に接続できません（${why}）。再接続を続けます。受付は続け、ファイルは保存します。`);
  };
  connection.on('error', (err: Error) => down(err.message));
  connection.on('close', () => down('接続が切れました'));
  connection.on('ready', () => {
    if (downSince === null || stopped) return;
    log(`Redis に再接続しました（${Math.round((Date.now() - downSince) / 1000)} 秒間切断）。`);
    downSince = null;
  });
  return {
    stop() {
      stopped = true;
    },
  };
}

/**
 * The data folder is the divisions' unpublished figures: this process creates files 0600 and folders
 * 0700 (umask 077), and the folder itself is made private if it was not.
 */
export async function privateDataDir(dataDir: string, log: (line: string) => void): Promise<void> {
  process.umask(0o077);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await chmod(dataDir, 0o700).catch((err: Error) => log(`データフォルダの権限を 0700 にできません: ${err.message}`));
}

/** How long a SIGTERM may take: past this the process exits anyway (jobs it held are taken over by others). */
const SHUTDOWN_DEADLINE_MS = 8000;

/** Runs `stop` once on SIGTERM or SIGINT, then exits — within SHUTDOWN_DEADLINE_MS whatever `stop` waits on. */
export function onShutdown(stop: () => Promise<void>, log: (line: string) => void): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: 終了処理中（処理中のジョブを待っています）…`);
    setTimeout(() => {
      log(
        `終了処理が ${SHUTDOWN_DEADLINE_MS / 1000} 秒で終わらないため終了します（処理中だったジョブは他のワーカーが引き継ぎます）。`,
      );
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
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

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
