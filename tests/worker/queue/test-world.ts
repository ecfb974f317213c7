// Builds the worker's pieces in-process against a private Redis and a temp data folder.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { configSchema, type Config } from '../../../worker/config/index.ts';
import { buildServer } from '../../../worker/intake/build-server.ts';
import { runWorkers, type RunningWorkers } from '../../../worker/queue/run-workers.ts';
import { openRuntime, type Runtime } from '../../../worker/queue/runtime.ts';

export const TOKENS = {
  kenko: 'submitter-kenko-0123456789',
  chiiki: 'submitter-chiiki-0123456789',
  sangyo: 'submitter-sangyo-0123456789',
  akiha: 'coordinator-akiha-0123456789',
  nishi: 'coordinator-nishi-0123456789',
  nishiSub: 'submitter-nishi-0123456789',
  admin: 'admin-operations-0123456789',
};

/** The configuration example's ward (docs/worker.md), as a parsed config. */
export function testConfig(dataDir: string, redisUrl: string, extra: Record<string, unknown> = {}): Config {
  return configSchema.parse({
    dataDir,
    redisUrl,
    consolidationDelayMs: 1500,
    // The queue tests exercise automatic rebuilds after submissions (off by default in a real config).
    autoSummaries: true,
    lockDurationMs: 3000,
    stalledIntervalMs: 1000,
    reconcileIntervalMs: 2000,
    wards: [
      { id: 'akiha', name: '秋葉区', fiscalYear: 2020, divisions: ['地域総務課', '健康福祉課', '産業振興課'] },
      { id: 'nishi', name: '西区', fiscalYear: 2021, divisions: ['地域課'] },
    ],
    tokens: [
      { token: TOKENS.kenko, ward: 'akiha', division: '健康福祉課', role: 'submitter' },
      { token: TOKENS.chiiki, ward: 'akiha', division: '地域総務課', role: 'submitter' },
      { token: TOKENS.sangyo, ward: 'akiha', division: '産業振興課', role: 'submitter' },
      { token: TOKENS.akiha, ward: 'akiha', role: 'coordinator' },
      { token: TOKENS.nishi, ward: 'nishi', role: 'coordinator' },
      { token: TOKENS.nishiSub, ward: 'nishi', division: '地域課', role: 'submitter' },
      { token: TOKENS.admin, role: 'admin' },
    ],
    ...extra,
  });
}

export interface World {
  config: Config;
  runtime: Runtime;
  app: FastifyInstance;
  workers: RunningWorkers | null;
  close(): Promise<void>;
}

export async function world(
  redisUrl: string,
  opts: { workers: boolean; extra?: Record<string, unknown> },
): Promise<World> {
  const dataDir = await mkdtemp(join(tmpdir(), 'mokuhyo-world-'));
  const config = testConfig(dataDir, redisUrl, opts.extra);
  const runtime = openRuntime(config);
  await runtime.queues.ingest.obliterate({ force: true }).catch(() => undefined);
  await runtime.queues.consolidate.obliterate({ force: true }).catch(() => undefined);
  const app = await buildServer({ config, ...runtime, logger: false });
  const workers = opts.workers ? await runWorkers({ config, ...runtime, log: () => undefined }) : null;
  return {
    config,
    runtime,
    app,
    workers,
    async close() {
      await app.close();
      await workers?.close();
      await runtime.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls until `check` returns a value other than undefined, or fails after `ms`. */
export async function until<T>(check: () => Promise<T | undefined>, ms = 60_000, what = 'condition'): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
