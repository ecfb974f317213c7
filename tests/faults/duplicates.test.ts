import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRedisServer } from '../worker/queue/redis-server.ts';
import { allFinal, filesUnder, FinalityWatcher, sleep, startCluster, submit, type Cluster } from './cluster.ts';
import { seedSubmissions, type Submission } from './fixtures.ts';
import { completeSummary } from './summary-check.ts';

const binary = await findRedisServer();
const COPIES = 10;

describe.skipIf(!binary)('duplicate concurrent submissions', () => {
  let cluster: Cluster;
  let kenko: Submission;

  beforeAll(async () => {
    kenko = (await seedSubmissions())[0]!;
    cluster = await startCluster(binary!, { workers: 2 });
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it('stores the same file once and counts the division once in the summary', async () => {
    const watcher = new FinalityWatcher(cluster.store).start();
    try {
      const answers = await Promise.all(
        Array.from({ length: COPIES }, () => submit(cluster.base, kenko.token, kenko.bytes)),
      );
      expect(answers.map((a) => a.status)).toEqual(Array.from({ length: COPIES }, () => 202));
      const ids = answers.map((a) => String(a.body['id']));
      expect(new Set(ids).size).toBe(COPIES);
      const metas = await allFinal(cluster.store, ids);
      expect(metas.every((m) => m.status === 'accepted')).toBe(true);
      expect(new Set(metas.map((m) => m.sha256)).size).toBe(1);
      const blobs = (await filesUnder(cluster.dataDir)).filter((f) => f.startsWith('blobs/'));
      expect(blobs).toEqual([`blobs/${metas[0]!.sha256.slice(0, 2)}/${metas[0]!.sha256}.xlsx`]);

      const summary = await completeSummary(cluster.base, ids);
      const measures = (await cluster.store.getResult(ids[0]!))!.sheets.flatMap((s) => s.measures).length;
      expect(measures).toBeGreaterThan(0);
      expect(summary.measures.filter((r) => r[0] === '健康福祉課')).toHaveLength(measures);
      const states = summary.statuses.filter((r) => r[0] === '健康福祉課').map((r) => r[1]);
      expect(states.filter((s) => s === '受理')).toHaveLength(1);
      expect(states).toHaveLength(COPIES);
      await sleep(1000);
      expect(watcher.violations).toEqual([]);
    } finally {
      watcher.stop();
    }
  }, 240_000);
});
