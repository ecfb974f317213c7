import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcile } from '../../worker/queue/reconcile.ts';
import { findRedisServer, startRedis, type PrivateRedis } from '../worker/queue/redis-server.ts';
import { world, type World } from '../worker/queue/test-world.ts';

const binary = await findRedisServer();

// A debounced consolidation request can be dropped while a build of the same ward-year runs; the
// reconciliation sweep must notice a summary listed before the latest final submission and rebuild it.
describe.skipIf(!binary)('reconciliation of a stale summary', () => {
  let redis: PrivateRedis;
  let w: World;
  beforeAll(async () => {
    redis = await startRedis(binary!);
    w = await world(redis.url, { workers: false });
  });
  afterAll(async () => {
    await w?.close();
    await redis?.stop();
  });

  const pending = async () =>
    (await w.runtime.queues.consolidate.getJobs(['delayed', 'waiting'])).filter((j) => j.data.ward === 'akiha').length;

  it('asks for a rebuild only when the summary was listed before the latest final submission', async () => {
    const { store, summaries, queues } = w.runtime;
    const meta = await store.put(Buffer.from('PK\u0003\u0004x'), {
      ward: 'akiha',
      fiscalYear: 2020,
      division: '健康福祉課',
      receivedAt: '2020-04-01T00:00:00.000Z',
    });
    await store.update(meta.id, {
      status: 'rejected',
      finishedAt: '2020-04-02T00:00:00.000Z',
      error: { code: 'no-form', message: '様式なし' },
    });
    await queues.addIngest(meta.id);

    await summaries.put('akiha', 2020, Buffer.from('PK'), new Date('2020-04-01T12:00:00.000Z'));
    expect((await summaries.asOf('akiha', 2020))?.toISOString()).toBe('2020-04-01T12:00:00.000Z');
    await reconcile(store, summaries, queues);
    expect(await pending()).toBe(1);

    await queues.consolidate.obliterate({ force: true });
    await summaries.put('akiha', 2020, Buffer.from('PK'), new Date('2020-04-03T00:00:00.000Z'));
    await reconcile(store, summaries, queues);
    expect(await pending()).toBe(0);
  });
});
