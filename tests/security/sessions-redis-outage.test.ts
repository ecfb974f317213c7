// Sessions while Redis is away (issue 21, sessions): sign-in fails closed with a Japanese 503 instead of keeping
// a session in one process's memory that no other serve knows and that is lost when Redis returns; a ログアウト
// that cannot reach Redis is refused at once by its own process and sent to Redis when it answers again.
// A real serve and the test's own redis-server, SIGKILLed and restarted, or SIGSTOPped and continued.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kill, startCluster, TOKENS, type Cluster } from '../faults/cluster.ts';
import { findRedisServer } from '../worker/queue/redis-server.ts';

const binary = await findRedisServer();
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

interface Answer {
  status: number;
  ms: number;
  body: { signedIn?: boolean; error?: { code: string; message: string } } | null;
  headers: Headers;
  session: string | null;
}

async function call(base: string, method: string, path: string, init: { token?: string; cookie?: string } = {}) {
  const t0 = performance.now();
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      origin: base,
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...(init.token !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(init.token !== undefined ? { body: JSON.stringify({ token: init.token }) } : {}),
  });
  const text = await res.text();
  const set = res.headers.getSetCookie().find((c) => c.startsWith('mokuhyo_session='));
  const answer: Answer = {
    status: res.status,
    ms: performance.now() - t0,
    body: text ? (JSON.parse(text) as Answer['body']) : null,
    headers: res.headers,
    session: set ? set.split(';')[0]! : null,
  };
  return answer;
}

const signIn = (base: string, token: string) => call(base, 'POST', '/api/session', { token });
const signedIn = async (base: string, cookie: string) =>
  (await call(base, 'GET', '/api/session', { cookie })).body?.signedIn === true;

async function healthy(base: string, want: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const status = await fetch(`${base}/healthz`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === want) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`/healthz never answered ${want}`);
}

describe.skipIf(!binary)('sessions while Redis is away', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(binary!, { workers: 0 });
  }, 120_000);
  afterAll(async () => {
    cluster?.redis.resume();
    await cluster?.stop();
  });

  it('refuses sign-in with a Japanese 503 while Redis is down, keeps nothing in memory, and signs in again once it is back', async () => {
    const before = await signIn(cluster.base, TOKENS.kenko);
    expect(before.status).toBe(200);
    await cluster.redis.kill();
    await healthy(cluster.base, 503);
    const refused = await signIn(cluster.base, TOKENS.chiiki);
    expect(refused.status).toBe(503);
    expect(refused.body?.error?.code).toBe('session-store-unavailable');
    expect(refused.body?.error?.message).toMatch(JAPANESE);
    expect(refused.body?.error?.message).toMatch(/ログインできません/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.session).toBeNull();
    expect(refused.ms).toBeLessThan(2000);
    // A wrong token is still just wrong.
    expect((await signIn(cluster.base, 'wrong-token-while-down-0123')).status).toBe(401);
    await cluster.redis.restart();
    await healthy(cluster.base, 200);
    const after = await signIn(cluster.base, TOKENS.chiiki);
    expect(after.status).toBe(200);
    expect(await signedIn(cluster.base, after.session!)).toBe(true);
    // It lives in Redis: a restarted serve knows it.
    await kill(cluster.serve);
    await cluster.startServe();
    expect(await signedIn(cluster.base, after.session!)).toBe(true);
  }, 120_000);

  it('ends a session at ログアウト while Redis does not answer, at once on that serve and in Redis when it answers again', async () => {
    const { session } = await signIn(cluster.base, TOKENS.sangyo);
    expect(await signedIn(cluster.base, session!)).toBe(true);
    cluster.redis.pause();
    try {
      const out = await call(cluster.base, 'DELETE', '/api/session', { cookie: session! });
      expect(out.status).toBe(204);
      expect(await signedIn(cluster.base, session!)).toBe(false);
      const refused = await signIn(cluster.base, TOKENS.sangyo);
      expect(refused.status).toBe(503);
      expect(refused.session).toBeNull();
    } finally {
      cluster.redis.resume();
    }
    // Redis kept its keys; the ログアウト reaches it within a few seconds, so a new serve refuses the session too.
    await new Promise((r) => setTimeout(r, 3000));
    await kill(cluster.serve);
    await cluster.startServe();
    expect(await signedIn(cluster.base, session!)).toBe(false);
    expect((await signIn(cluster.base, TOKENS.sangyo)).status).toBe(200);
  }, 120_000);
});
