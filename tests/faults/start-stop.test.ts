// Issue 16, items 5 and 9, against real processes: serve and worker refuse to start without a usable config,
// a hashed token issued by `mokuhyo token` works, Redis outages are one log line and do not slow
// submissions, SIGTERM always ends the process within 10 s, and a SIGKILLed worker's job runs again
// within about 15 s with the shipped lock settings.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRedisServer, freePort, startRedis, type PrivateRedis } from '../worker/queue/redis-server.ts';
import { allFinal, kill, ROOT, sleep, startCluster, submit, TOKENS, type Cluster, type Proc } from './cluster.ts';

const binary = await findRedisServer();
const BIN = join(ROOT, 'bin/mokuhyo.js');
const WARD = { id: 'akiha', name: '秋葉区', fiscalYear: 2020, divisions: ['地域総務課', '健康福祉課', '産業振興課'] };

/** Runs `mokuhyo <args>` to its end (at most `ms`): exit code and output. */
function runToEnd(args: string[], env: NodeJS.ProcessEnv, ms = 30_000): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, MOKUHYO_CONFIG: undefined, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

/** The pids of a process's children (Linux /proc). */
async function childrenOf(pid: number): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === pid) found.push(Number(entry));
  }
  return found;
}

/** SIGTERMs a process; resolves with the milliseconds it took to exit. */
async function terminate(proc: Proc): Promise<number> {
  const t0 = Date.now();
  await kill(proc, 'SIGTERM');
  return Date.now() - t0;
}

describe.skipIf(!binary)('start-up and shutdown', () => {
  let dir: string;
  let redis: PrivateRedis;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mokuhyo-startstop-'));
    redis = await startRedis(binary!);
  });
  afterAll(async () => {
    await redis?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses to start serve or worker without a config naming a ward and a token (exit ≠ 0, the reason named)', async () => {
    const write = async (name: string, content: unknown) => {
      const path = join(dir, name);
      await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
      return path;
    };
    const port = await freePort();
    const cases: [string, NodeJS.ProcessEnv, RegExp][] = [
      ['no MOKUHYO_CONFIG', {}, /MOKUHYO_CONFIG/],
      ['an empty MOKUHYO_CONFIG', { MOKUHYO_CONFIG: '' }, /MOKUHYO_CONFIG/],
      ['no wards, no tokens', { MOKUHYO_CONFIG: await write('empty.json', { wards: [], tokens: [] }) }, /wards/],
      ['a ward, no tokens', { MOKUHYO_CONFIG: await write('no-tokens.json', { wards: [WARD] }) }, /tokens/],
      ['an empty file', { MOKUHYO_CONFIG: await write('blank.json', '') }, /JSON/],
    ];
    for (const [what, env, reason] of cases) {
      for (const command of [['serve', '--no-worker'], ['worker']]) {
        const { code, out } = await runToEnd(command, {
          ...env,
          PORT: String(port),
          REDIS_URL: redis.url,
          MOKUHYO_DATA_DIR: join(dir, 'data'),
        });
        expect(code, `${command[0]} with ${what}: ${out}`).not.toBe(0);
        expect(code, `${command[0]} with ${what}`).not.toBeNull();
        expect(out, `${command[0]} with ${what}`).toMatch(reason);
        expect(out).not.toMatch(/at \S+ \(/); // no stack trace
      }
    }
  }, 120_000);

  it('issues a token with `mokuhyo token`, runs with only its SHA-256 in the config, and listens on 127.0.0.1 by default', async () => {
    const issued = await runToEnd(['token', '--role', 'submitter', '--ward', 'akiha', '--division', '健康福祉課'], {});
    expect(issued.code).toBe(0);
    const lines = issued.out.split('\n');
    const token = lines[1]!.trim();
    const entry = JSON.parse(lines.find((l) => l.startsWith('{'))!) as Record<string, string>;
    expect(token.length).toBeGreaterThanOrEqual(40);
    expect(entry).toEqual({
      tokenSha256: createHash('sha256').update(token).digest('hex'),
      ward: 'akiha',
      division: '健康福祉課',
      role: 'submitter',
    });
    const port = await freePort();
    const config = { dataDir: join(dir, 'hashed'), redisUrl: redis.url, port, wards: [WARD], tokens: [entry] };
    const file = join(dir, 'hashed.json');
    await writeFile(file, JSON.stringify(config));
    expect(await readFile(file, 'utf8')).not.toContain(token);
    const child = spawn(process.execPath, [BIN, 'serve', '--no-worker'], {
      env: { ...process.env, MOKUHYO_CONFIG: file },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const proc: Proc = { child, output: () => out };
    try {
      for (let i = 0; i < 300 && !/受付中/.test(out); i++) await sleep(100);
      expect(out).toContain(`http://127.0.0.1:${port} で受付中`);
      const kenko = await readFile(join(ROOT, 'seeds/org-goals/akiha-2020-kenko-fukushi.xlsx'));
      expect((await submit(`http://127.0.0.1:${port}`, token, kenko)).status).toBe(202);
      expect((await submit(`http://127.0.0.1:${port}`, entry['tokenSha256']!, kenko)).status).toBe(401);
    } finally {
      await kill(proc);
    }
  }, 60_000);
});

describe.skipIf(!binary)('Redis away, SIGTERM and a SIGKILLed worker', () => {
  let cluster: Cluster;
  const workerEnv: NodeJS.ProcessEnv = {};

  beforeAll(async () => {
    const kenko = await readFile(join(ROOT, 'seeds/org-goals/akiha-2020-kenko-fukushi.xlsx'));
    // The first worker spins forever on 健康福祉課's sheet (test-only preload), so its job is held when it is killed.
    Object.assign(workerEnv, {
      NODE_OPTIONS: `--import ${join(ROOT, 'tests/faults/hang-hook.mjs')}`,
      MOKUHYO_TEST_HANG_SHA256: createHash('sha256').update(kenko).digest('hex'),
    });
    // The shipped lock settings (the other fault runs shorten them).
    cluster = await startCluster(binary!, {
      workers: 1,
      extra: { lockDurationMs: 10_000, stalledIntervalMs: 5_000, concurrency: 1 },
      workerEnv,
    });
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it("runs a SIGKILLed worker's job again within about 15 s", async () => {
    const kenko = await readFile(join(ROOT, 'seeds/org-goals/akiha-2020-kenko-fukushi.xlsx'));
    const res = await submit(cluster.base, TOKENS.kenko, kenko);
    expect(res.status).toBe(202);
    const id = String(res.body['id']);
    // Wait until the worker holds the job (it never finishes it), then kill the worker.
    for (let i = 0; i < 100; i++) {
      const state = await fetch(`${cluster.base}/api/submissions/${id}`, {
        headers: { authorization: `Bearer ${TOKENS.kenko}` },
      }).then((r) => r.json() as Promise<{ status: string }>);
      if (state.status === 'processing') break;
      await sleep(100);
    }
    await sleep(1000);
    const sandboxes = await childrenOf(cluster.workers[0]!.child.pid!);
    expect(sandboxes.length).toBeGreaterThan(0);
    const killedAt = Date.now();
    await kill(cluster.workers[0]!);
    delete workerEnv['NODE_OPTIONS'];
    delete workerEnv['MOKUHYO_TEST_HANG_SHA256'];
    await cluster.startWorker();
    const [meta] = await allFinal(cluster.store, [id], 60_000);
    expect(meta).toMatchObject({ status: 'accepted' });
    const resumedIn = Date.now() - killedAt;
    expect(resumedIn).toBeLessThan(20_000);
    // The killed worker's sandbox children (one spinning on the file) did not outlive it.
    const alive = sandboxes.filter((pid) => existsSync(`/proc/${pid}`));
    expect(alive, 'orphaned sandbox children').toEqual([]);
  }, 90_000);

  it('with Redis away: submissions answer at once (202), /healthz 503, one log line, and SIGTERM ends serve and worker within 10 s', async () => {
    const kenko = await readFile(join(ROOT, 'seeds/org-goals/akiha-2020-kenko-fukushi.xlsx'));
    await cluster.redis.kill();
    await sleep(3000);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const res = await submit(cluster.base, TOKENS.kenko, kenko);
      times.push(performance.now() - t0);
      expect(res.status).toBe(202);
    }
    expect(Math.max(...times), times.join(', ')).toBeLessThan(1000);
    const t0 = performance.now();
    expect((await fetch(`${cluster.base}/healthz`)).status).toBe(503);
    expect(performance.now() - t0).toBeLessThan(500);
    // Nothing that needs Redis waits for it: a consolidation asked for or polled answers 503 at once.
    const asked = await fetch(`${cluster.base}/api/consolidations`, {
      method: 'POST',
      body: JSON.stringify({ ward: 'akiha', fiscalYear: 2020 }),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.akiha}` },
    });
    expect(asked.status).toBe(503);
    const polled = await fetch(`${cluster.base}/api/consolidations/c-00000000-0000-0000-0000-000000000000`, {
      headers: { authorization: `Bearer ${TOKENS.akiha}` },
    });
    expect([polled.status, ((await polled.json()) as { error: { code: string } }).error.code]).toEqual([
      503,
      'redis-unavailable',
    ]);
    await sleep(2000);
    for (const proc of [cluster.serve, cluster.workers.at(-1)!]) {
      const out = proc.output();
      expect(out.match(/Redis に接続できません/g)?.length, out.slice(-2000)).toBe(1);
      expect(out).not.toMatch(/ECONNREFUSED[^\n]*\n\s+at /);
      expect(out).not.toMatch(/^Error: /m);
    }
    expect(await terminate(cluster.serve)).toBeLessThan(10_000);
    expect(await terminate(cluster.workers.at(-1)!)).toBeLessThan(10_000);
    expect(cluster.serve.child.exitCode ?? cluster.serve.child.signalCode).not.toBeNull();
  }, 60_000);
});
