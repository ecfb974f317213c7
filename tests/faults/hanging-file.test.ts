import { Queue } from 'bullmq';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INGEST_QUEUE } from '../../worker/queue/queues.ts';
import { findRedisServer } from '../worker/queue/redis-server.ts';
import { allFinal, ROOT, startCluster, submit, type Cluster } from './cluster.ts';
import { seedSubmissions, type Submission } from './fixtures.ts';
import { completeSummary } from './summary-check.ts';

const binary = await findRedisServer();
const TIMEOUT_MS = 5000;

// The "hanging" file is the 地域総務課 seed; the test-only preload hang-hook.mjs makes the sandbox spin on
// it forever. One worker runs one job at a time, so the good file queued behind it proves the worker
// moves on after the timeout.
describe.skipIf(!binary)('a worker stuck on a file', () => {
  let cluster: Cluster;
  let hanging: Submission;
  let kenko: Submission;

  beforeAll(async () => {
    const seeds = await seedSubmissions();
    [kenko, hanging] = [seeds[0]!, seeds[1]!];
    const sha = createHash('sha256').update(hanging.bytes).digest('hex');
    cluster = await startCluster(binary!, {
      workers: 1,
      extra: { concurrency: 1, ingestTimeoutMs: TIMEOUT_MS },
      workerEnv: {
        NODE_OPTIONS: `--import ${join(ROOT, 'tests/faults/hang-hook.mjs')}`,
        MOKUHYO_TEST_HANG_SHA256: sha,
      },
    });
  }, 180_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it('times the file out with its reason, once, and goes on with the next job', async () => {
    const first = await submit(cluster.base, hanging.token, hanging.bytes);
    expect(first.status, JSON.stringify(first.body)).toBe(202);
    const second = await submit(cluster.base, kenko.token, kenko.bytes);
    expect(second.status).toBe(202);
    const [hung, good] = await allFinal(cluster.store, [String(first.body['id']), String(second.body['id'])], 120_000);
    expect(hung).toMatchObject({ status: 'rejected', error: { code: 'timeout' } });
    expect(hung?.error?.message).toContain('制限時間');
    expect([good?.status, good?.error?.code]).toEqual(['accepted', undefined]);
    expect(Date.parse(good!.finishedAt!)).toBeGreaterThan(Date.parse(hung!.finishedAt!));
    const queue = new Queue(INGEST_QUEUE, { connection: { url: cluster.redis.url } });
    const job = await queue.getJob(hung!.id);
    expect([await job?.getState(), job?.attemptsMade]).toEqual(['failed', 1]);
    await queue.close();
    await completeSummary(cluster.base, [hung!.id, good!.id]);
  }, 240_000);
});
