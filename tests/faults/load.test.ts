import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoad } from '../../bench/load/load.ts';
import { findRedisServer } from '../worker/queue/redis-server.ts';
import { startCluster, type Cluster } from './cluster.ts';
import { LONG } from './fixtures.ts';

const binary = await findRedisServer();
const SUBMISSIONS = LONG ? 300 : 100;

// Correctness under load, not timing: bench/load/run.ts measures (1,000 submissions, 20 clients).
describe.skipIf(!binary)('intake under concurrent load', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(binary!, { workers: 2 });
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it(
    `acknowledges ${SUBMISSIONS} submissions from 10 clients and finishes every one`,
    async () => {
      const result = await runLoad(cluster, { submissions: SUBMISSIONS, clients: 10 });
      expect(result.refused).toEqual({});
      expect(result.acknowledged).toBe(SUBMISSIONS);
      expect(new Set(result.ids).size).toBe(SUBMISSIONS);
      expect(result.finals).toEqual({ accepted: SUBMISSIONS });
      expect((await cluster.store.list()).length).toBe(SUBMISSIONS);
    },
    LONG ? 600_000 : 240_000,
  );
});
