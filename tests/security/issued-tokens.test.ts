// Issue 22 "People": an admin issues a token for a named person and revokes it, without a restart; only its
// SHA-256 is stored; its sessions end with it; config tokens keep working.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kill, startCluster, TOKENS, type Cluster } from '../faults/cluster.ts';
import { findRedisServer } from '../worker/queue/redis-server.ts';

const binary = await findRedisServer();

const call = async (base: string, method: string, path: string, token: string | null, body?: unknown) => {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> };
};

describe.skipIf(!binary)('tokens issued and revoked in the running service', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(binary!, { workers: 0 });
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it('issues a named coordinator token that works at once and after a restart, and revokes it with its sessions', async () => {
    const base = cluster.base;
    expect(
      (await call(base, 'POST', '/api/admin/tokens', TOKENS.akiha, { role: 'admin', name: '乗っ取り' })).status,
    ).toBe(403);
    const made = await call(base, 'POST', '/api/admin/tokens', TOKENS.admin, {
      role: 'coordinator',
      ward: 'akiha',
      name: '山田 花子',
    });
    expect(made.status).toBe(201);
    const token = String(made.body['token']);
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(made.body).toMatchObject({ role: 'coordinator', ward: 'akiha', name: '山田 花子' });
    // Works at once, as a Bearer token and for signing in.
    expect((await call(base, 'GET', '/api/console/status', token)).status).toBe(200);
    const signIn = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ token }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers
      .getSetCookie()
      .find((c) => c.startsWith('mokuhyo_session='))!
      .split(';')[0]!;
    // The list names the person, never the token; Redis holds only its hash.
    const list = await call(base, 'GET', '/api/admin/tokens', TOKENS.admin);
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(token);
    expect(JSON.stringify(list.body)).toContain('山田 花子');
    const redis = new Redis(cluster.redis.url);
    const stored = await redis.hgetall('mokuhyo:tokens');
    await redis.quit();
    expect(Object.keys(stored)).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);
    // A restart of serve keeps the token and the session.
    await kill(cluster.serve);
    await cluster.startServe();
    expect((await call(base, 'GET', '/api/console/status', token)).status).toBe(200);
    const me = await fetch(`${base}/api/session`, { headers: { cookie } });
    expect(((await me.json()) as { signedIn: boolean }).signedIn).toBe(true);
    // Revoked: the token and its sessions stop at once; config tokens are untouched.
    const revoked = await call(base, 'DELETE', `/api/admin/tokens/${String(made.body['id'])}`, TOKENS.admin);
    expect(revoked).toMatchObject({ status: 200, body: { sessionsEnded: 1 } });
    expect((await call(base, 'GET', '/api/console/status', token)).status).toBe(401);
    const after = await fetch(`${base}/api/session`, { headers: { cookie } });
    expect(((await after.json()) as { signedIn: boolean }).signedIn).toBe(false);
    expect((await call(base, 'GET', '/api/console/status', TOKENS.akiha)).status).toBe(200);
  }, 90_000);

  it('refuses a token for a ward or division that is not configured', async () => {
    const base = cluster.base;
    expect(
      (await call(base, 'POST', '/api/admin/tokens', TOKENS.admin, { role: 'coordinator', ward: 'nowhere', name: 'x' }))
        .status,
    ).toBe(400);
    expect(
      (
        await call(base, 'POST', '/api/admin/tokens', TOKENS.admin, {
          role: 'submitter',
          ward: 'akiha',
          division: '架空課',
          name: 'x',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call(base, 'POST', '/api/admin/tokens', TOKENS.admin, {
          role: 'submitter',
          ward: 'akiha',
          division: '健康福祉課',
        })
      ).status,
    ).toBe(400);
  }, 30_000);
});
