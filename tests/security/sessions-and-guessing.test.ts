// Issue 21 item 4 and issue 22 "People": sessions, the guess brakes and tokens issued at runtime live in Redis,
// shared by every `serve` on it and kept across a restart; wrong guesses from an address slow every attempt from it
// (right tokens too, equally) but never refuse a right token; the same wrong value repeated is refused; sessions
// are never braked; sessions per token are capped; the sign-in body is tiny.
import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kill, ROOT, startCluster, TOKENS, type Cluster, type Proc } from '../faults/cluster.ts';
import { pollHealthz } from '../helpers/healthz-poller.ts';
import { findRedisServer, freePort } from '../worker/queue/redis-server.ts';

const binary = await findRedisServer();

/** Slack over a stated wait for the answer itself on a shared 2-core machine. */
const SLACK_MS = 1500;

interface Reply {
  status: number;
  ms: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
  setCookie: string[];
}

/** One request on a fresh connection from a chosen loopback address (each test guesses from its own). */
function call(
  base: string,
  path: string,
  opts: { method?: string; from: string; token?: string; cookie?: string; json?: unknown },
): Promise<Reply> {
  const url = new URL(path, base);
  const body = opts.json === undefined ? undefined : JSON.stringify(opts.json);
  const headers: Record<string, string> = {
    ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
    ...(opts.cookie ? { cookie: opts.cookie } : {}),
    ...(body
      ? { 'content-type': 'application/json', origin: base, 'content-length': String(Buffer.byteLength(body)) }
      : {}),
  };
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: opts.method ?? 'GET',
        headers,
        localAddress: opts.from,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - t0,
            body: Buffer.concat(chunks).toString('utf8'),
            headers: res.headers,
            setCookie: res.headers['set-cookie'] ?? [],
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const get = (base: string, path: string, opts: { from: string; token?: string; cookie?: string }) =>
  call(base, path, opts);
const post = (base: string, path: string, json: unknown, opts: { from: string; cookie?: string }) =>
  call(base, path, { ...opts, method: 'POST', json });

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
  it('slows sign-in from an address past its failures, for a right and a wrong token alike, and refuses only the browser that mistyped', async () => {
    const from = '127.0.0.15';
    // A colleague signed in before from this address and carries the device cookie.
    const first = await post(cluster.base, '/api/session', { token: TOKENS.kenko }, { from });
    expect(first.status).toBe(200);
    const deviceId = /mokuhyo_device=([^;]+)/.exec(first.setCookie.join('\n'))?.[1];
    expect(deviceId).toBeTruthy();
    const device = `mokuhyo_device=${deviceId}`;
    // Someone without one mistypes ten times, on either process: answered 401 at once.
    for (let i = 0; i < 10; i++) {
      const r = await post(
        i % 2 ? secondBase : cluster.base,
        '/api/session',
        { token: `wrong-token-${i}-abcdefgh` },
        { from },
      );
      expect(r.status).toBe(401);
    }
    // Past the address's limit every sign-in without a device cookie waits the same (1 s): a wrong one is 401
    // no sooner than a right one is 200, and a right token never used here gets in.
    const wrong = await post(cluster.base, '/api/session', { token: 'wrong-token-x-abcdefgh' }, { from });
    expect(wrong.status).toBe(401);
    expect(wrong.ms).toBeGreaterThanOrEqual(950);
    const right = await post(secondBase, '/api/session', { token: TOKENS.chiiki }, { from });
    expect(right.status).toBe(200);
    expect(right.ms).toBeGreaterThanOrEqual(950);
    expect(right.ms).toBeLessThan(1000 + SLACK_MS);
    // The colleague's browser is braked on its own failures only: it signs in at once, on both processes.
    for (const base of [cluster.base, secondBase]) {
      const r = await post(base, '/api/session', { token: TOKENS.kenko }, { from, cookie: device });
      expect(r.status).toBe(200);
      expect(r.ms).toBeLessThan(SLACK_MS);
    }
    // A browser that mistypes ten times itself is refused, before its body is read — its own failures only.
    for (let i = 0; i < 10; i++)
      expect(
        (await post(cluster.base, '/api/session', { token: `typo-${i}-abcdefghij` }, { from, cookie: device })).status,
      ).toBe(401);
    const own = await post(secondBase, '/api/session', { token: TOKENS.kenko }, { from, cookie: device });
    expect(own.status).toBe(429);
    expect(Number(own.headers['retry-after'])).toBeGreaterThan(0);
    expect((await get(cluster.base, '/healthz', { from })).ms).toBeLessThan(500);
  }, 90_000);

  it('slows every Bearer attempt from an address past 20 wrong tokens, and a right token never used there still gets in', async () => {
    const from = '127.0.0.11';
    // A session made elsewhere, then used from the guessing address: sessions are never braked.
    const signedIn = await post(cluster.base, '/api/session', { token: TOKENS.sangyo }, { from: '127.0.0.12' });
    const session = /mokuhyo_session=([^;]+)/.exec(signedIn.setCookie.join('\n'))?.[1];
    expect(session).toBeTruthy();
    for (let i = 0; i < 20; i++) {
      const r = await get(i % 2 ? secondBase : cluster.base, '/api/console/history', {
        from,
        token: `guess-${i}-0123456789abcdef`,
      });
      expect(r.status).toBe(401);
    }
    // Over the limit: a wrong token waits 1 s on every route and serve, and so does a right one.
    const wrong = await get(secondBase, '/api/console/history', { from, token: 'guess-x-0123456789abcdef' });
    expect(wrong.status).toBe(401);
    expect(wrong.ms).toBeGreaterThanOrEqual(950);
    // A token never used from this address before (today's main answered 429 for 5 minutes).
    const right = await get(cluster.base, '/api/console/history', { from, token: TOKENS.nishiSub });
    expect(right.status).toBe(200);
    expect(right.ms).toBeGreaterThanOrEqual(950);
    expect(right.ms).toBeLessThan(1000 + SLACK_MS);
    const me = await get(secondBase, '/api/session', { from, token: TOKENS.akiha });
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body)).toMatchObject({ signedIn: true });
    const cookie = await get(cluster.base, '/api/session', { from, cookie: `mokuhyo_session=${session}` });
    expect(JSON.parse(cookie.body)).toMatchObject({ signedIn: true });
    expect(cookie.ms).toBeLessThan(500);
    // One budget per address, not one per route: the sign-in form from there waits as well, and still signs in.
    const form = await post(secondBase, '/api/session', { token: TOKENS.chiiki }, { from });
    expect(form.status).toBe(200);
    expect(form.ms).toBeGreaterThanOrEqual(950);
  }, 90_000);

  it('refuses the same wrong value repeated with 429 at once, and the address is only slowed', async () => {
    const from = '127.0.0.14';
    for (let i = 0; i < 20; i++)
      expect((await get(cluster.base, '/api/console/history', { from, token: 'stale-token-0123456789' })).status).toBe(
        401,
      );
    const again = await get(secondBase, '/api/console/history', { from, token: 'stale-token-0123456789' });
    expect(again.status).toBe(429);
    expect(JSON.parse(again.body).error.code).toBe('too-many-attempts');
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
    expect(again.ms).toBeLessThan(500);
    // The same value is refused at sign-in too.
    expect((await post(cluster.base, '/api/session', { token: 'stale-token-0123456789' }, { from })).status).toBe(429);
    expect((await get(cluster.base, '/api/console/history', { from, token: TOKENS.kenko })).status).toBe(200);
  }, 60_000);

  it('bounds a guesser to one answer per open connection per wait, while /healthz stays under 0.5 s', async () => {
    const from = '127.0.0.13';
    for (let i = 0; i < 20; i++)
      expect((await get(cluster.base, '/api/console/history', { from, token: `warm-${i}-0123456789ab` })).status).toBe(
        401,
      );
    const connections = 16;
    const runMs = 6000;
    const end = Date.now() + runMs;
    const answers: { status: number; ms: number }[] = [];
    const health: number[] = [];
    let n = 0;
    const guesser = async () => {
      while (Date.now() < end) {
        const r = await get(n % 2 ? secondBase : cluster.base, '/api/console/history', {
          from,
          token: `flood-${n++}-0123456789ab`,
        });
        answers.push(r);
      }
    };
    const poll = async () => {
      while (Date.now() < end) {
        health.push((await get(cluster.base, '/healthz', { from })).ms);
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    await Promise.all([...Array.from({ length: connections }, guesser), poll()]);
    expect(answers.every((a) => a.status === 401)).toBe(true);
    // No wrong token is answered sooner than the wait, and the wait grows with the failures (1 s per 20, ≤ 5 s):
    // at most one answer per connection per second — about 2,000 a second before the brake.
    expect(Math.min(...answers.map((a) => a.ms))).toBeGreaterThanOrEqual(950);
    expect(answers.length).toBeLessThanOrEqual(connections * (runMs / 1000 + 1));
    expect(Math.max(...health)).toBeLessThan(500);
    // At the longest wait a right token from that address is answered within 5 s plus its ordinary time.
    const right = await get(cluster.base, '/api/console/history', { from, token: TOKENS.akiha });
    expect(right.status).toBe(200);
    expect(right.ms).toBeLessThan(5000 + SLACK_MS);
  }, 90_000);
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

  it('bounds a sign-in guesser the same way, while /healthz polled from its own process stays under 0.5 s', async () => {
    const from = '127.0.0.16';
    for (let i = 0; i < 10; i++)
      expect((await post(cluster.base, '/api/session', { token: `warm-signin-${i}-abcdef` }, { from })).status).toBe(
        401,
      );
    const connections = 8;
    const runMs = 4000;
    const end = Date.now() + runMs;
    const answers: { status: number; ms: number }[] = [];
    const poller = pollHealthz(cluster.base, 100);
    let n = 0;
    const guesser = async () => {
      while (Date.now() < end)
        answers.push(
          await post(n % 2 ? secondBase : cluster.base, '/api/session', { token: `flood-signin-${n++}-abc` }, { from }),
        );
    };
    await Promise.all(Array.from({ length: connections }, guesser));
    const health = await poller.stop();
    expect(answers.every((a) => a.status === 401)).toBe(true);
    expect(Math.min(...answers.map((a) => a.ms))).toBeGreaterThanOrEqual(950);
    expect(answers.length).toBeLessThanOrEqual(connections * (runMs / 1000 + 1));
    expect(health.every((h) => h.status === 200 && h.ms < 500)).toBe(true);
    const right = await post(cluster.base, '/api/session', { token: TOKENS.sangyo }, { from });
    expect(right.status).toBe(200);
    expect(right.ms).toBeLessThan(5000 + SLACK_MS);
  }, 90_000);
});
