import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionMeta } from '../../../worker/storage/index.ts';
import { findRedisServer, startRedis, type PrivateRedis } from './redis-server.ts';
import { TOKENS, until, world, type World } from './test-world.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const SEEDS = join(ROOT, 'seeds/org-goals');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const binary = await findRedisServer();

/** A `mokuhyo worker` process reading the same config as the in-process intake. */
async function workerProcess(w: World, env: Record<string, string> = {}): Promise<ChildProcess> {
  const file = join(w.config.dataDir, `config-${Date.now()}.json`);
  await writeFile(file, JSON.stringify(w.config));
  const child = spawn(process.execPath, [join(ROOT, 'bin/mokuhyo.js'), 'worker'], {
    env: { ...process.env, MOKUHYO_CONFIG: file, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.resume();
  return child;
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill(signal);
  });
}

describe.skipIf(!binary)('queue under faults', () => {
  let redis: PrivateRedis;
  let w: World;
  let kenko: Buffer;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    redis = await startRedis(binary!);
    kenko = await readFile(join(SEEDS, 'akiha-2020-kenko-fukushi.xlsx'));
  });
  afterEach(async () => {
    for (const c of children.splice(0)) await stop(c, 'SIGKILL');
    await w?.close();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  const submit = async (token: string, body: Buffer) => {
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/submissions',
      payload: body,
      headers: { 'content-type': XLSX, authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(202);
    return (res.json() as { id: string }).id;
  };
  const allFinal = (ids: string[]) =>
    until(
      async () => {
        const metas = await Promise.all(ids.map((id) => w.runtime.store.get(id)));
        return metas.every((m) => m && (m.status === 'accepted' || m.status === 'rejected'))
          ? (metas as SubmissionMeta[])
          : undefined;
      },
      120_000,
      'final statuses',
    );

  it('recovers the job of a SIGKILLed worker and finishes it once', async () => {
    w = await world(redis.url, { workers: false });
    // Its sandbox holds each workbook for 5 s (test-only preload), so the kill lands while the job is processing.
    const first = await workerProcess(w, {
      NODE_OPTIONS: `--import ${join(ROOT, 'tests/faults/hang-hook.mjs')}`,
      MOKUHYO_TEST_SLOW_MS: '5000',
    });
    children.push(first);
    const id = await submit(TOKENS.kenko, kenko);
    // "processing" is not stored: the intake reads it from the job a worker holds.
    const status = async () =>
      (
        (
          await w.app.inject({
            method: 'GET',
            url: `/api/submissions/${id}`,
            headers: { authorization: `Bearer ${TOKENS.kenko}` },
          })
        ).json() as { status: string }
      ).status;
    await until(async () => ((await status()) === 'processing' ? true : undefined), 60_000, 'processing');
    expect((await w.runtime.store.get(id))?.status).toBe('queued');
    await stop(first, 'SIGKILL');
    expect((await w.runtime.store.get(id))?.status).not.toBe('accepted');
    children.push(await workerProcess(w));
    const [meta] = await allFinal([id]);
    expect(meta?.status).toBe('accepted');
    const state = await until(
      async () => {
        const s = await (await w.runtime.queues.ingest.getJob(id))?.getState();
        return s === 'completed' || s === 'failed' ? s : undefined;
      },
      30_000,
      'job completion',
    );
    expect(state).toBe('completed');
    expect(await w.runtime.store.list()).toHaveLength(1);
  }, 150_000);

  it('finishes stored submissions after Redis restarts empty', async () => {
    w = await world(redis.url, { workers: false });
    const ids = [
      await submit(TOKENS.kenko, kenko),
      await submit(TOKENS.chiiki, await readFile(join(SEEDS, 'akiha-2020-chiiki-somu.xlsx'))),
    ];
    await redis.kill();
    // While Redis is down a submitter still reads the stored status (the live "processing" check is skipped).
    const res = await w.app.inject({
      method: 'GET',
      url: `/api/submissions/${ids[0]}`,
      headers: { authorization: `Bearer ${TOKENS.kenko}` },
    });
    expect([res.statusCode, (res.json() as { status: string }).status]).toEqual([200, 'queued']);
    await redis.restart();
    children.push(await workerProcess(w));
    const metas = await allFinal(ids);
    expect(metas.map((m) => m.status)).toEqual(['accepted', 'accepted']);
    const summary = await until(
      async () => (await w.runtime.summaries.get('akiha', 2020)) ?? undefined,
      60_000,
      'summary',
    );
    expect(summary.subarray(0, 2).toString()).toBe('PK');
  }, 150_000);

  it('builds the summary once or twice for a burst of 50 submissions', async () => {
    w = await world(redis.url, { workers: true, extra: { consolidationDelayMs: 2000, concurrency: 2 } });
    const ids: string[] = [];
    // Each division sends its own sheet (another division's would be rejected: its 組織名 is not theirs).
    const own = [
      [TOKENS.kenko, kenko],
      [TOKENS.chiiki, await readFile(join(SEEDS, 'akiha-2020-chiiki-somu.xlsx'))],
      [TOKENS.sangyo, await readFile(join(SEEDS, 'akiha-2020-sangyo-shinko.xlsx'))],
    ] as const;
    for (let i = 0; i < 50; i++) ids.push(await submit(own[i % 3]![0], own[i % 3]![1]));
    const metas = await allFinal(ids);
    expect(metas.every((m) => m.status === 'accepted')).toBe(true);
    await until(async () => ((await w.runtime.summaries.get('akiha', 2020)) ? true : undefined), 60_000, 'summary');
    await new Promise((r) => setTimeout(r, 3000));
    const pending = await w.runtime.queues.consolidate.getJobCounts('active', 'delayed', 'waiting');
    expect(Object.values(pending).reduce((a, b) => a + b, 0)).toBe(0);
    const completed = await w.runtime.queues.consolidate.getJobs(['completed']);
    const builds = completed.filter((j) => (j.returnvalue as { built?: boolean } | null)?.built === true).length;
    expect(builds).toBeGreaterThanOrEqual(1);
    expect(builds).toBeLessThanOrEqual(2);
  }, 240_000);
});
