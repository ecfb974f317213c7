import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INGEST_QUEUE } from '../../worker/queue/queues.ts';
import { findRedisServer } from '../worker/queue/redis-server.ts';
import { allFinal, FinalityWatcher, kill, prng, sleep, startCluster, submit, type Cluster } from './cluster.ts';
import { LONG, seedSubmissions, type Submission } from './fixtures.ts';
import { completeSummary } from './summary-check.ts';

const binary = await findRedisServer();
const SUBMISSIONS = LONG ? 120 : 12;
const KILLS = LONG ? 60 : 4;

describe.skipIf(!binary)('SIGKILLed workers', () => {
  let cluster: Cluster;
  let files: Submission[];

  beforeAll(async () => {
    files = await seedSubmissions();
    cluster = await startCluster(binary!, { workers: 3 });
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it(
    'finishes every acknowledged submission exactly once while workers are killed at random points',
    async () => {
      const seed = Number(process.env['MOKUHYO_FAULT_SEED'] ?? Date.now() % 100_000);
      const random = prng(seed);
      const watcher = new FinalityWatcher(cluster.store).start();
      const sent: { id: string; expect: string }[] = [];
      const submitting = (async () => {
        for (let i = 0; i < SUBMISSIONS; i++) {
          const file = files[i % files.length]!;
          const res = await submit(cluster.base, file.token, file.bytes);
          expect(res.status, JSON.stringify(res.body)).toBe(202);
          sent.push({ id: String(res.body['id']), expect: file.expect });
          await sleep(random() * 400);
        }
      })();
      let kills = 0;
      while (kills < KILLS) {
        await sleep(300 + random() * 1500);
        const alive = cluster.workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null);
        const victim = alive[Math.floor(random() * alive.length)];
        if (!victim) break;
        await kill(victim);
        kills++;
        // A replacement may itself be killed while starting: that is one more fault, not a test error.
        void cluster.startWorker().catch(() => undefined);
      }
      await submitting;
      try {
        const metas = await allFinal(
          cluster.store,
          sent.map((s) => s.id),
        );
        expect(
          metas.map((m) => m.status),
          `seed ${seed}`,
        ).toEqual(sent.map((s) => s.expect));
        const summary = await completeSummary(
          cluster.base,
          sent.map((s) => s.id),
        );
        expect(summary.statuses.length).toBeGreaterThanOrEqual(sent.length);
        // Every job ended once in BullMQ too: completed for readable files, failed (not retried) for none here.
        const queue = new Queue(INGEST_QUEUE, { connection: { url: cluster.redis.url } });
        const states = await Promise.all(sent.map(async (s) => (await queue.getJob(s.id))?.getState()));
        await queue.close();
        expect(
          states.every((s) => s === 'completed'),
          `seed ${seed}: ${states.join(',')}`,
        ).toBe(true);
        await sleep(1500);
        expect(watcher.violations, `seed ${seed}`).toEqual([]);
      } finally {
        watcher.stop();
      }
    },
    LONG ? 600_000 : 240_000,
  );
});
