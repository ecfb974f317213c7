// Issue 21, item 3: one division's parallel 確認 cannot take every check slot from the others.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CheckSlots } from '../../worker/console-server/check-slots.ts';
import { ROOT, sleep, startCluster, TOKENS, XLSX, type Cluster } from '../faults/cluster.ts';
import { findRedisServer } from '../worker/queue/redis-server.ts';

const binary = await findRedisServer();

describe('CheckSlots', () => {
  it('gives one slot per owner and a few over all, and frees them once each', () => {
    const slots = new CheckSlots({ total: 3, perOwner: 1 });
    const a = slots.take('akiha/健康福祉課');
    expect(a).not.toBeNull();
    expect(slots.take('akiha/健康福祉課')).toBeNull();
    const b = slots.take('akiha/地域総務課');
    const c = slots.take('akiha/coordinator');
    expect(b && c).toBeTruthy();
    expect(slots.take('akiha/産業振興課')).toBeNull();
    a!();
    a!(); // a second release frees nothing more
    expect(slots.take('akiha/産業振興課')).not.toBeNull();
    expect(slots.take('akiha/健康福祉課')).toBeNull();
  });
});

describe.skipIf(!binary)('fair 確認 against a real serve', () => {
  let cluster: Cluster;
  let seed: Buffer;
  beforeAll(async () => {
    cluster = await startCluster(binary!, { workers: 0 });
    seed = await readFile(join(ROOT, 'seeds/org-goals/akiha-2020-kenko-fukushi.xlsx'));
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  const check = (token: string) =>
    fetch(`${cluster.base}/api/console/check/annotated`, {
      method: 'POST',
      body: new Uint8Array(seed),
      headers: { 'content-type': XLSX, authorization: `Bearer ${token}` },
    }).then(async (r) => ({ status: r.status, body: await r.arrayBuffer() }));

  it('answers another division while one division sends four checks at once', async () => {
    const mine = Array.from({ length: 4 }, () => check(TOKENS.kenko));
    await sleep(30);
    const other = await check(TOKENS.chiiki);
    const statuses = (await Promise.all(mine)).map((r) => r.status);
    expect(other.status).toBe(200);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(1);
    // One at a time per division: the slot is held while the check runs, not only while its body arrives.
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThanOrEqual(2);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
  }, 60_000);
});
