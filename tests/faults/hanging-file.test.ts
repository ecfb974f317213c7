import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INGEST_QUEUE } from '../../worker/queue/queues.ts';
import { slowWorkbook } from '../fixtures/make-hostile.ts';
import { findRedisServer } from '../worker/queue/redis-server.ts';
import { allFinal, startCluster, submit, type Cluster } from './cluster.ts';
import { seedSubmissions, type Submission } from './fixtures.ts';
import { completeSummary } from './summary-check.ts';

const binary = await findRedisServer();
const TIMEOUT_MS = 8000;

// A genuinely slow file (a million cells, ~15 s to read), no test hook: one worker, one job at a time,
// so the good file queued behind it proves the worker moves on after the timeout.
describe.skipIf(!binary)('a worker stuck on a slow file', () => {
  let cluster: Cluster;
  let slow: Buffer;
  let kenko: Submission;

  beforeAll(async () => {
    [slow, kenko] = [await slowWorkbook(), (await seedSubmissions())[0]!];
    cluster = await startCluster(binary!, { workers: 1, extra: { concurrency: 1, ingestTimeoutMs: TIMEOUT_MS, ingestMemoryMb: 2048 } });
  }, 180_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it('times the slow file out with its reason, once, and goes on with the next job', async () => {
    const first = await submit(cluster.base, kenko.token, slow);
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    const second = await submit(cluster.base, kenko.token, kenko.bytes);
    expect(second.status).toBe(202);
    const [hung, good] = await allFinal(cluster.store, [String(first.body['id']), String(second.body['id'])], 120_000);
    expect(hung).toMatchObject({ status: 'rejected', error: { code: 'timeout' } });
    expect(hung?.error?.message).toContain('制限時間');
    expect(good?.status).toBe('accepted');
    expect(Date.parse(good!.finishedAt!)).toBeGreaterThan(Date.parse(hung!.finishedAt!));
    const queue = new Queue(INGEST_QUEUE, { connection: { url: cluster.redis.url } });
    const job = await queue.getJob(hung!.id);
    expect([await job?.getState(), job?.attemptsMade]).toEqual(['failed', 1]);
    await queue.close();
    await completeSummary(cluster.base, [hung!.id, good!.id]);
  }, 240_000);
});
