// Issue 21 item 3: one division's backlog cannot delay another division's verdict. Files take turns between
// divisions (a job's priority is its place among its division's pending files), so another division's file
// waits for at most the files already running and one file of each division ahead of it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allFinal, ROOT, startCluster, submit, TOKENS, type Cluster } from '../faults/cluster.ts';
import { findRedisServer } from '../worker/queue/redis-server.ts';

const binary = await findRedisServer();

describe.skipIf(!binary)('ingest takes turns between divisions', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    // No worker yet: the backlog is queued first, then one worker with one slot works it off.
    cluster = await startCluster(binary!, { workers: 0, extra: { concurrency: 1 } });
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it("gives another division's file its verdict second, not after a division's ten queued files", async () => {
    const kenko = await readFile(join(ROOT, 'seeds/org-goals/akiha-2020-kenko-fukushi.xlsx'));
    const chiiki = await readFile(join(ROOT, 'seeds/org-goals/akiha-2020-chiiki-somu.xlsx'));
    const backlog: string[] = [];
    for (let i = 0; i < 10; i++) {
      const res = await submit(cluster.base, TOKENS.kenko, kenko);
      expect(res.status).toBe(202);
      backlog.push(String(res.body['id']));
    }
    const other = await submit(cluster.base, TOKENS.chiiki, chiiki);
    expect(other.status).toBe(202);
    const otherId = String(other.body['id']);
    await cluster.startWorker();
    const metas = await allFinal(cluster.store, [...backlog, otherId], 120_000);
    const order = [...metas].sort((a, b) => String(a.finishedAt).localeCompare(String(b.finishedAt))).map((m) => m.id);
    // The backlog's first file was queued first; the other division's file comes right after it.
    expect(order.indexOf(otherId)).toBeLessThanOrEqual(1);
    expect(order.slice(-1)[0]).toBe(backlog[9]);
  }, 180_000);
});
