import { access, readdir } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zip } from '../helpers/zip-writer.ts';
import { readZipEntries } from '../helpers/zip-reader.ts';
import { findRedisServer, startRedis, type PrivateRedis } from '../worker/queue/redis-server.ts';
import { TOKENS, until, world, type World } from '../worker/queue/test-world.ts';

const SEEDS = resolve(import.meta.dirname, '../../seeds/org-goals');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const binary = await findRedisServer();

describe.skipIf(!binary)('intake access control', () => {
  let redis: PrivateRedis;
  let w: World;
  let kenko: Buffer;
  let kenkoId: string;
  let nishiId: string;
  let consolidationId: string;

  const request = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    token: string | null,
    payload?: Buffer | object,
    headers: Record<string, string> = {},
  ) =>
    w.app.inject({
      method,
      url,
      ...(payload !== undefined ? { payload: Buffer.isBuffer(payload) ? payload : JSON.stringify(payload) } : {}),
      headers: {
        ...(payload !== undefined ? { 'content-type': Buffer.isBuffer(payload) ? XLSX : 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
    });

  beforeAll(async () => {
    redis = await startRedis(binary!);
    w = await world(redis.url, { workers: true, extra: { maxUploadBytes: 200_000 } });
    kenko = await readFile(join(SEEDS, 'akiha-2020-kenko-fukushi.xlsx'));
    kenkoId = (await request('POST', '/api/submissions', TOKENS.kenko, kenko)).json<{ id: string }>().id;
    nishiId = (await request('POST', '/api/submissions', TOKENS.nishiSub, kenko)).json<{ id: string }>().id;
    consolidationId = (
      await request('POST', '/api/consolidations', TOKENS.akiha, { ward: 'akiha', fiscalYear: 2020 })
    ).json<{ id: string }>().id;
    await until(
      async () => ((await w.runtime.summaries.get('akiha', 2020)) ? true : undefined),
      60_000,
      'akiha summary',
    );
  });
  afterAll(async () => {
    await w?.close();
    await redis?.stop();
  });

  it('refuses a missing, wrong, truncated or padded token with 401', async () => {
    const tries = [null, 'x', `${TOKENS.kenko}x`, TOKENS.kenko.slice(0, -1), TOKENS.kenko.toUpperCase()];
    for (const token of tries)
      expect((await request('POST', '/api/submissions', token, kenko)).statusCode, String(token)).toBe(401);
    expect(
      (await request('GET', `/api/submissions/${kenkoId}`, null, undefined, { authorization: `Token ${TOKENS.kenko}` }))
        .statusCode,
    ).toBe(401);
    const basicWrong = Buffer.from(`${TOKENS.kenko}:`).toString('base64');
    expect(
      (await request('GET', '/admin/queues', null, undefined, { authorization: `Basic ${basicWrong}` })).statusCode,
    ).toBe(401);
  });

  it('lets a submitter submit only as its own division, whatever it claims', async () => {
    const other = encodeURIComponent('地域総務課');
    expect((await request('POST', `/api/submissions?division=${other}`, TOKENS.kenko, kenko)).statusCode).toBe(403);
    expect(
      (await request('POST', '/api/submissions', TOKENS.kenko, kenko, { 'x-mokuhyo-division': other })).statusCode,
    ).toBe(403);
    expect((await request('POST', '/api/submissions', TOKENS.admin, kenko)).statusCode).toBe(403);
    expect((await request('POST', `/api/submissions?division=${other}`, TOKENS.akiha, kenko)).statusCode).toBe(403);
    const own = await request('POST', `/api/submissions?ward=nishi&fiscalYear=2021`, TOKENS.kenko, kenko);
    expect(own.statusCode).toBe(202);
    const meta = await w.runtime.store.get(own.json<{ id: string }>().id);
    expect(meta).toMatchObject({ ward: 'akiha', division: '健康福祉課', fiscalYear: 2020 });
  });

  it('shows a submission to its own division and its ward coordinator only', async () => {
    const url = `/api/submissions/${kenkoId}`;
    expect((await request('GET', url, TOKENS.kenko)).statusCode).toBe(200);
    expect((await request('GET', url, TOKENS.akiha)).statusCode).toBe(200);
    for (const token of [TOKENS.chiiki, TOKENS.sangyo, TOKENS.nishi, TOKENS.nishiSub])
      expect((await request('GET', url, token)).statusCode, token).toBe(403);
    expect((await request('GET', `/api/submissions/${nishiId}`, TOKENS.akiha)).statusCode).toBe(403);
    expect((await request('GET', `/api/submissions/${nishiId}`, TOKENS.nishi)).statusCode).toBe(200);
  });

  it('keeps consolidations and summaries to the coordinator of that ward', async () => {
    for (const token of [TOKENS.kenko, TOKENS.nishiSub]) {
      expect(
        (await request('POST', '/api/consolidations', token, { ward: 'akiha', fiscalYear: 2020 })).statusCode,
      ).toBe(403);
      expect((await request('GET', `/api/consolidations/${consolidationId}`, token)).statusCode).toBe(403);
      expect((await request('GET', '/api/summaries/akiha/2020', token)).statusCode).toBe(403);
    }
    expect(
      (await request('POST', '/api/consolidations', TOKENS.nishi, { ward: 'akiha', fiscalYear: 2020 })).statusCode,
    ).toBe(403);
    expect((await request('GET', `/api/consolidations/${consolidationId}`, TOKENS.nishi)).statusCode).toBe(403);
    expect((await request('GET', '/api/summaries/akiha/2020', TOKENS.nishi)).statusCode).toBe(403);
    expect((await request('GET', '/api/summaries/akiha/2020', TOKENS.akiha)).statusCode).toBe(200);
  });

  it('serves bull-board to admins only, read-only', async () => {
    for (const url of [
      '/admin/queues',
      '/admin/queues/',
      '/admin/queues/api/queues',
      '/admin/queues/api/queues?activeQueue=mokuhyo-ingest&status=completed',
    ]) {
      const anonymous = await request('GET', url, null);
      expect(anonymous.statusCode, url).toBe(401);
      expect(anonymous.headers['www-authenticate']).toMatch(/^Basic/);
      expect((await request('GET', url, TOKENS.kenko)).statusCode, url).toBe(403);
      expect((await request('GET', url, TOKENS.akiha)).statusCode, url).toBe(403);
    }
    expect((await request('GET', '/admin/queues/api/queues', TOKENS.admin)).statusCode).toBe(200);
    const basic = Buffer.from(`admin:${TOKENS.admin}`).toString('base64');
    expect(
      (await request('GET', '/admin/queues/api/queues', null, undefined, { authorization: `Basic ${basic}` }))
        .statusCode,
    ).toBe(200);
    // Read-only: cleaning or retrying queues is refused even for a coordinator.
    const clean = await request('PUT', '/admin/queues/api/queues/mokuhyo-ingest/clean/completed', TOKENS.admin);
    expect(clean.statusCode).toBeGreaterThanOrEqual(400);
    expect(await w.runtime.queues.ingest.getJob(kenkoId)).toBeTruthy();
    for (const url of [
      '/ADMIN/queues/api/queues',
      '/admin//queues/api/queues',
      '/admin/queues/../queues/api/queues',
      '/admin/%71ueues/api/queues',
      '/x/../admin/queues/api/queues',
    ]) {
      expect((await request('GET', url, TOKENS.kenko)).statusCode, url).not.toBe(200);
      expect((await request('GET', url, TOKENS.akiha)).statusCode, url).not.toBe(200);
    }
  });

  it('never lets an id, ward, year or file name reach a path', async () => {
    const ids = [
      '../../../../etc/passwd',
      '..%2F..%2Fconfig',
      `${kenkoId}/../${nishiId}`,
      `${kenkoId}.json`,
      '%00',
      `${kenkoId}%00`,
    ];
    for (const id of ids)
      expect([400, 403, 404], id).toContain((await request('GET', `/api/submissions/${id}`, TOKENS.akiha)).statusCode);
    for (const [ward, year] of [
      ['..%2F..%2Fetc', '2020'],
      ['akiha', '..%2F2020'],
      ['akiha', '2020.xlsx'],
      ['..', '2020'],
      ['akiha%2F..%2Fnishi', '2021'],
    ]) {
      const res = await request('GET', `/api/summaries/${ward}/${year}`, TOKENS.akiha);
      expect([400, 403, 404], `${ward}/${year}`).toContain(res.statusCode);
    }
    expect(
      (await request('POST', '/api/consolidations', TOKENS.akiha, { ward: '../../tmp', fiscalYear: 2020 })).statusCode,
    ).toBe(403);
    const named = await request('POST', '/api/submissions', TOKENS.kenko, kenko, {
      'content-disposition': 'attachment; filename="../../../../tmp/mokuhyo-pwned.xlsx"',
      'x-file-name': '../../../../tmp/mokuhyo-pwned.xlsx',
    });
    expect(named.statusCode).toBe(202);
    expect(
      await access('/tmp/mokuhyo-pwned.xlsx').then(
        () => true,
        () => false,
      ),
    ).toBe(false);
    const files = await readdir(w.config.dataDir, { recursive: true });
    expect(files.filter((f) => !/^(blobs|submissions|summaries|content)(\/|$)/.test(f))).toEqual([]);
  });

  it('never writes a zip entry named with ../ anywhere (zip-slip)', async () => {
    const parts = await readZipEntries(kenko);
    const slip = zip([
      ...parts,
      { name: '../../../../tmp/mokuhyo-zipslip.txt', content: 'pwned' },
      { name: '/tmp/mokuhyo-zipslip-abs.txt', content: 'pwned' },
    ]);
    const res = await request('POST', '/api/submissions', TOKENS.kenko, slip);
    if (res.statusCode === 202) {
      await until(
        async () => {
          const m = await w.runtime.store.get(res.json<{ id: string }>().id);
          return m?.status === 'accepted' || m?.status === 'rejected' ? true : undefined;
        },
        60_000,
        'zip-slip submission',
      );
    } else expect([415, 422]).toContain(res.statusCode);
    for (const path of ['/tmp/mokuhyo-zipslip.txt', '/tmp/mokuhyo-zipslip-abs.txt'])
      expect(
        await access(path).then(
          () => true,
          () => false,
        ),
        path,
      ).toBe(false);
  });

  it('refuses a body over the limit with 413 before storing it, also when streamed without a length', async () => {
    const before = (await w.runtime.store.list()).length;
    expect(
      (await request('POST', '/api/submissions', TOKENS.kenko, Buffer.concat([kenko, Buffer.alloc(300_000)])))
        .statusCode,
    ).toBe(413);
    const address = await w.app.listen({ port: 0, host: '127.0.0.1' });
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 40) controller.enqueue(new Uint8Array(10_000));
        else controller.close();
      },
    });
    const res = await fetch(`${address}/api/submissions`, {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { 'content-type': XLSX, authorization: `Bearer ${TOKENS.kenko}` },
    } as RequestInit);
    expect(res.status).toBe(413);
    expect((await w.runtime.store.list()).length).toBe(before);
  });
});
