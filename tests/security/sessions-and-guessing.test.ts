// Issue 21 item 4 and issue 22 "People": sessions, the guess brakes and tokens issued at runtime live in Redis,
// shared by every `serve` on it and kept across a restart; one person's typos lock out nobody else behind the same address;
// bearer guesses are braked on every route; sessions per token are capped; the sign-in body is tiny.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kill, ROOT, startCluster, TOKENS, type Cluster, type Proc } from '../faults/cluster.ts';
import { findRedisServer, freePort } from '../worker/queue/redis-server.ts';

const binary = await findRedisServer();

async function signIn(
  base: string,
  token: string,
  cookie = '',
): Promise<{ status: number; cookies: Map<string, string> }> {
  const res = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ token }),
  });
  await res.arrayBuffer();
  const cookies = new Map<string, string>();
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair!.indexOf('=');
    cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
  }
  return { status: res.status, cookies };
}

async function me(base: string, cookie: string): Promise<boolean> {
  const res = await fetch(`${base}/api/session`, { headers: { cookie } });
  return ((await res.json()) as { signedIn: boolean }).signedIn;
}

const bearer = (base: string, token: string) =>
  fetch(`${base}/api/session`, { headers: { authorization: `Bearer ${token}` } }).then(async (r) => {
    await r.arrayBuffer();
    return r.status;
  });

/** A second intake on the cluster's Redis, config and data folder. */
async function startSecondServe(cluster: Cluster): Promise<{ proc: Proc; base: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'bin/mokuhyo.js'), 'serve', '--no-worker'], {
    env: {
      ...process.env,
      MOKUHYO_CONFIG: join(cluster.dataDir, '..', 'config.json'),
      MOKUHYO_DATA_DIR: cluster.dataDir,
      REDIS_URL: cluster.redis.url,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { proc: { child, output: () => out }, base };
}

describe.skipIf(!binary)('sessions and brakes shared through Redis', () => {
  let cluster: Cluster;
  let second: Proc | null = null;
  let secondBase = '';

  beforeAll(async () => {
    cluster = await startCluster(binary!, { workers: 0 });
    ({ proc: second, base: secondBase } = await startSecondServe(cluster));
  }, 120_000);
  afterAll(async () => {
    if (second) await kill(second);
    await cluster?.stop();
  });

  it('keeps a browser signed in across a restart of serve and on a second serve', async () => {
    const { status, cookies } = await signIn(cluster.base, TOKENS.akiha);
    expect(status).toBe(200);
    const cookie = `mokuhyo_session=${cookies.get('mokuhyo_session')}`;
    expect(await me(cluster.base, cookie)).toBe(true);
    expect(await me(secondBase, cookie)).toBe(true);
    await kill(cluster.serve);
    await cluster.startServe();
    expect(await me(cluster.base, cookie)).toBe(true);
    // ログアウト on one process ends the session on every process.
    const out = await fetch(`${secondBase}/api/session`, { method: 'DELETE', headers: { cookie, origin: secondBase } });
    expect(out.status).toBe(204);
    expect(await me(cluster.base, cookie)).toBe(false);
  }, 90_000);

  it('keeps at most ten sessions per token: the oldest ends when an eleventh signs in', async () => {
    const cookies: string[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await signIn(cluster.base, TOKENS.nishi);
      expect(r.status).toBe(200);
      cookies.push(`mokuhyo_session=${r.cookies.get('mokuhyo_session')}`);
    }
    expect(await me(cluster.base, cookies[0]!)).toBe(false);
    expect(await me(cluster.base, cookies[1]!)).toBe(true);
    expect(await me(cluster.base, cookies[10]!)).toBe(true);
  }, 60_000);

  it('refuses a sign-in body over 1 KB with 413 before reading it, and /healthz stays quick', async () => {
    const big = JSON.stringify({ token: 'x'.repeat(18 * 1024 * 1024) });
    const t0 = performance.now();
    const res = await fetch(`${cluster.base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: cluster.base },
      body: big,
    }).catch(() => null);
    if (res) expect(res.status).toBe(413);
    expect(performance.now() - t0).toBeLessThan(3000);
    const h0 = performance.now();
    expect((await fetch(`${cluster.base}/healthz`)).status).toBe(200);
    expect(performance.now() - h0).toBeLessThan(500);
  }, 30_000);
  it('locks out the browser that keeps mistyping, not a colleague behind the same address, on every serve', async () => {
    // A colleague signed in before from this address and carries the device cookie.
    const first = await signIn(cluster.base, TOKENS.kenko);
    const device = `mokuhyo_device=${first.cookies.get('mokuhyo_device')}`;
    expect(first.cookies.get('mokuhyo_device')).toBeTruthy();
    // Someone without one mistypes ten times, on either process.
    for (let i = 0; i < 10; i++)
      expect((await signIn(i % 2 ? secondBase : cluster.base, `wrong-token-${i}-abcdefgh`)).status).toBe(401);
    expect((await signIn(cluster.base, 'wrong-token-x-abcdefgh')).status).toBe(429);
    expect((await signIn(secondBase, TOKENS.chiiki)).status).toBe(429);
    // The colleague's browser signs in at once, on both.
    expect((await signIn(cluster.base, TOKENS.kenko, device)).status).toBe(200);
    expect((await signIn(secondBase, TOKENS.kenko, device)).status).toBe(200);
  }, 60_000);

  it('brakes bearer guesses on every route per address, and a token in use there goes on working', async () => {
    // In use from this address before the guessing starts.
    expect(await bearer(cluster.base, TOKENS.sangyo)).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++)
      statuses.push(await bearer(i % 2 ? secondBase : cluster.base, `guess-${i}-0123456789abcdef`));
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true); // GET /api/session: "not signed in"
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    const status = await fetch(`${cluster.base}/api/console/history`, {
      headers: { authorization: 'Bearer guess-x-0123456789abcdef' },
    });
    expect(status.status).toBe(429);
    expect(Number(status.headers.get('retry-after'))).toBeGreaterThan(0);
    // The token already in use here is not shut out; one never seen here waits like a guess.
    expect(await bearer(secondBase, TOKENS.sangyo)).toBe(200);
    expect(await bearer(cluster.base, TOKENS.nishiSub)).toBe(429);
  }, 60_000);
});

// Its own cluster: the brakes above count this address's wrong tokens and failed sign-ins, which a revoked
// token's refusals would add to.
describe.skipIf(!binary)('two serve processes on one Redis share tokens issued at runtime', () => {
  let cluster: Cluster;
  let second: Proc | null = null;
  let secondBase = '';
  beforeAll(async () => {
    cluster = await startCluster(binary!, { workers: 0 });
    ({ proc: second, base: secondBase } = await startSecondServe(cluster));
  }, 120_000);
  afterAll(async () => {
    if (second) await kill(second);
    await cluster?.stop();
  });

  it('shares tokens issued at runtime: issued on one serve, it works at once on the second; revoked there, it stops on both', async () => {
    const json = { 'content-type': 'application/json' };
    const admin = { ...json, authorization: `Bearer ${TOKENS.admin}` };
    const made = await fetch(`${cluster.base}/api/admin/tokens`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ role: 'coordinator', ward: 'akiha', name: '二台目 確認' }),
    });
    expect(made.status).toBe(201);
    const { token, id } = (await made.json()) as { token: string; id: string };
    // At once on the second process: as a Bearer token and to sign in.
    expect(await bearer(secondBase, token)).toBe(200);
    const status = await fetch(`${secondBase}/api/console/status`, { headers: { authorization: `Bearer ${token}` } });
    expect(status.status).toBe(200);
    await status.arrayBuffer();
    const second = await signIn(secondBase, token);
    expect(second.status).toBe(200);
    const cookie = `mokuhyo_session=${second.cookies.get('mokuhyo_session')}`;
    expect(await me(cluster.base, cookie)).toBe(true);
    // Revoked on the second process: refused at once on the first, and the session ends on both.
    const gone = await fetch(`${secondBase}/api/admin/tokens/${id}`, {
      method: 'DELETE',
      headers: { authorization: admin.authorization },
    });
    expect(((await gone.json()) as { sessionsEnded: number }).sessionsEnded).toBe(1);
    const after = await fetch(`${cluster.base}/api/console/status`, { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
    await after.arrayBuffer();
    expect(await me(cluster.base, cookie)).toBe(false);
    expect(await me(secondBase, cookie)).toBe(false);
    expect((await signIn(cluster.base, token)).status).toBe(401);
  }, 60_000);
});
