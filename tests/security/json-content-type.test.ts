// Every route that takes a body other than a workbook takes JSON: a form, plain text or no type is 415 before the
// body is read, in the API's shape — never a 400 or a failed sign-in that would count against the brake.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRedisServer, startRedis, type PrivateRedis } from '../worker/queue/redis-server.ts';
import { TOKENS, world, type World } from '../worker/queue/test-world.ts';

const binary = await findRedisServer();
const HOST = 'mokuhyo.test:8080';
const ORIGIN = `http://${HOST}`;

describe.skipIf(!binary)('JSON routes and the Content-Type', () => {
  let redis: PrivateRedis;
  let w: World;
  beforeAll(async () => {
    redis = await startRedis(binary!);
    w = await world(redis.url, { workers: false });
  }, 60_000);
  afterAll(async () => {
    await w?.close();
    await redis?.stop();
  });

  it.each([
    ['POST', '/api/session', { origin: ORIGIN }],
    ['POST', '/api/consolidations', { authorization: `Bearer ${TOKENS.akiha}` }],
    ['PUT', '/api/console/year/deadline', { authorization: `Bearer ${TOKENS.akiha}` }],
  ] as const)('%s %s answers 415 to text/plain and to a form', async (method, url, headers) => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const res = await w.app.inject({
        method,
        url,
        headers: { host: HOST, 'content-type': type, ...headers },
        payload: type === 'text/plain' ? '{"token":"x"}' : 'token=x',
      });
      expect(res.statusCode, `${type}: ${res.body}`).toBe(415);
      expect(res.json()).toMatchObject({ error: { code: 'unsupported-media-type' } });
    }
  });

  it('still takes JSON there, and answers a non-workbook upload in its own words', async () => {
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { host: HOST, origin: ORIGIN },
      payload: { token: TOKENS.akiha },
    });
    expect(res.statusCode).toBe(200);
    const sent = await w.app.inject({
      method: 'POST',
      url: '/api/submissions',
      headers: { host: HOST, authorization: `Bearer ${TOKENS.kenko}`, 'content-type': 'text/plain' },
      payload: 'just text',
    });
    // The upload route keeps its own answer for what is not a workbook (its message speaks of a workbook).
    expect(sent.statusCode).toBe(415);
    expect(sent.json().error.message).not.toContain('JSON');
  });
});
