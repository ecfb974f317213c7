import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRedisServer } from '../worker/queue/redis-server.ts';
import { allFinal, FinalityWatcher, sleep, startCluster, submit, type Cluster } from './cluster.ts';
import { LONG, seedSubmissions, type Submission } from './fixtures.ts';
import { completeSummary } from './summary-check.ts';

const binary = await findRedisServer();
const ROUNDS = LONG ? 4 : 1;

describe.skipIf(!binary)('Redis lost and back empty', () => {
  let cluster: Cluster;
  let files: Submission[];

  beforeAll(async () => {
    files = await seedSubmissions();
    cluster = await startCluster(binary!, { workers: 2 });
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it(
    'finishes every stored submission — before, during and after the outage — once, with a complete summary',
    async () => {
      const watcher = new FinalityWatcher(cluster.store).start();
      const sent: { id: string; expect: string }[] = [];
      const send = async (count: number) => {
        for (let i = 0; i < count; i++) {
          const file = files[sent.length % files.length]!;
          const res = await submit(cluster.base, file.token, file.bytes);
          expect(res.status, JSON.stringify(res.body)).toBe(202);
          sent.push({ id: String(res.body['id']), expect: file.expect });
        }
      };
      try {
        for (let round = 0; round < ROUNDS; round++) {
          await send(6);
          await sleep(300);
          await cluster.redis.kill();
          // The intake still answers 202 while Redis is down: the file is on disk, reconciliation enqueues it.
          const health = await fetch(`${cluster.base}/healthz`);
          expect(health.status).toBe(503);
          await send(3);
          await sleep(1000);
          await cluster.redis.restart();
          await send(2);
        }
        const metas = await allFinal(
          cluster.store,
          sent.map((s) => s.id),
        );
        expect(metas.map((m) => m.status)).toEqual(sent.map((s) => s.expect));
        await completeSummary(
          cluster.base,
          sent.map((s) => s.id),
        );
        await sleep(1500);
        expect(watcher.violations).toEqual([]);
      } finally {
        watcher.stop();
      }
    },
    LONG ? 600_000 : 240_000,
  );
});
