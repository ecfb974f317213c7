import { UnrecoverableError, type Job } from 'bullmq';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scrubPaths, withoutPaths } from '../../../worker/queue/run-workers.ts';
import { MINIMAL_XLSX_PARTS, zip } from '../../helpers/zip-writer.ts';
import { findRedisServer, startRedis, type PrivateRedis } from '../queue/redis-server.ts';
import { TOKENS, until, world, type World } from '../queue/test-world.ts';

const SEEDS = resolve(import.meta.dirname, '../../../seeds/org-goals');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const binary = await findRedisServer();

describe.skipIf(!binary)('intake API', () => {
  let redis: PrivateRedis;
  let w: World;
  const seed: Record<string, Buffer> = {};

  beforeAll(async () => {
    redis = await startRedis(binary!);
    w = await world(redis.url, { workers: true, extra: { maxUploadBytes: 100_000 } });
    for (const [k, f] of Object.entries({
      kenko: 'akiha-2020-kenko-fukushi.xlsx',
      chiiki: 'akiha-2020-chiiki-somu.xlsx',
      sangyo: 'akiha-2020-sangyo-shinko.xlsx',
    }))
      seed[k] = await readFile(join(SEEDS, f));
  });
  afterAll(async () => {
    await w?.close();
    await redis?.stop();
  });

  const submit = (token: string | null, body: Buffer | string, url = '/api/submissions') =>
    w.app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: { 'content-type': XLSX, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
  const get = (url: string, token: string) =>
    w.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const final = (id: string, token: string) =>
    until(
      async () => {
        const body = (await get(`/api/submissions/${id}`, token)).json() as { status: string };
        return body.status === 'accepted' || body.status === 'rejected' ? body : undefined;
      },
      90_000,
      `submission ${id}`,
    );

  it('answers /healthz without a token when Redis is up', async () => {
    expect((await w.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it("answers the task pane's CORS preflight for an allowed origin only, before authentication", async () => {
    const preflight = (origin: string) =>
      w.app.inject({
        method: 'OPTIONS',
        url: '/api/submissions',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    const allowed = await preflight('https://localhost:3000');
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://localhost:3000');
    expect(String(allowed.headers['access-control-allow-headers'])).toMatch(/authorization/i);
    const other = await preflight('https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const get = await w.app.inject({ method: 'GET', url: '/healthz', headers: { origin: 'https://localhost:3000' } });
    expect(get.headers['access-control-allow-origin']).toBe('https://localhost:3000');
  });

  it('refuses a missing or wrong token with 401', async () => {
    expect((await submit(null, seed['kenko']!)).statusCode).toBe(401);
    expect((await submit('not-a-real-token-at-all', seed['kenko']!)).statusCode).toBe(401);
    expect((await w.app.inject({ method: 'GET', url: '/api/summaries/akiha/2020' })).statusCode).toBe(401);
  });

  it('lets a submitter submit only for its own division', async () => {
    const other = await submit(
      TOKENS.kenko,
      seed['kenko']!,
      `/api/submissions?division=${encodeURIComponent('地域総務課')}`,
    );
    expect(other.statusCode).toBe(403);
    expect(
      (await submit(TOKENS.nishi, seed['kenko']!, `/api/submissions?division=${encodeURIComponent('地域総務課')}`))
        .statusCode,
    ).toBe(403);
    expect((await submit(TOKENS.admin, seed['kenko']!)).statusCode).toBe(403);
  });

  it('refuses too large (413), non-workbooks (415) and empty files (422) before storing them', async () => {
    expect((await submit(TOKENS.kenko, Buffer.alloc(200_000, 1))).statusCode).toBe(413);
    expect((await submit(TOKENS.kenko, 'just text')).statusCode).toBe(415);
    expect((await submit(TOKENS.kenko, Buffer.alloc(0))).statusCode).toBe(422);
    const dtd = zip([
      ...MINIMAL_XLSX_PARTS.slice(0, 1),
      {
        name: 'xl/workbook.xml',
        content: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><workbook>&e;</workbook>',
      },
    ]);
    const refused = await submit(TOKENS.kenko, dtd);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ error: { code: 'dtd' } });
    expect(await w.runtime.store.list({ ward: 'akiha' })).toEqual([]);
  });

  it('accepts good submissions next to a hostile one and builds the ward summary', async () => {
    const ids: Record<string, string> = {};
    for (const [k, token] of [
      ['kenko', TOKENS.kenko],
      ['chiiki', TOKENS.chiiki],
      ['sangyo', TOKENS.sangyo],
    ] as const) {
      const res = await submit(token, seed[k]!);
      expect(res.statusCode).toBe(202);
      expect(res.json()).toMatchObject({ status: 'queued' });
      ids[k] = (res.json() as { id: string }).id;
    }
    const corrupt = zip([
      ...MINIMAL_XLSX_PARTS.filter((p) => !p.name.includes('worksheets/')),
      { name: 'xl/worksheets/sheet1.xml', content: '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>9999' },
    ]);
    const hostile = await submit(TOKENS.kenko, corrupt);
    expect(hostile.statusCode).toBe(202);
    const hostileId = (hostile.json() as { id: string }).id;

    for (const [k, id] of Object.entries(ids)) {
      const token = k === 'kenko' ? TOKENS.kenko : k === 'chiiki' ? TOKENS.chiiki : TOKENS.sangyo;
      expect(await final(id, token)).toMatchObject({ status: 'accepted', error: null });
    }
    const bad = (await final(hostileId, TOKENS.kenko)) as { status: string; error: { code: string; message: string } };
    expect(bad.status).toBe('rejected');
    expect(bad.error.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    const job = await w.runtime.queues.ingest.getJob(hostileId);
    if (bad.error.code !== 'no-form') expect(job?.attemptsMade).toBe(1);
    // Even an admin's bull-board shows the failed job's Japanese reason, never a stack trace with server paths.
    if ((await job?.getState()) === 'failed') {
      const board = await get('/admin/queues/api/queues?activeQueue=mokuhyo-ingest&status=failed&page=1', TOKENS.admin);
      expect(board.statusCode).toBe(200);
      expect(board.body).toContain(hostileId);
      expect(board.body).toContain(bad.error.message);
      expect(board.body).not.toMatch(/ {4}at |node_modules|\/work\/|\/tmp\/|file:\/\//);
    }

    const started = await w.app.inject({
      method: 'POST',
      url: '/api/consolidations',
      payload: { ward: 'akiha', fiscalYear: 2020 },
      headers: { authorization: `Bearer ${TOKENS.akiha}` },
    });
    expect(started.statusCode).toBe(202);
    const { id } = started.json() as { id: string };
    const done = await until(
      async () => {
        const s = (await get(`/api/consolidations/${id}`, TOKENS.akiha)).json() as { status: string };
        return s.status === 'done' || s.status === 'failed' ? s : undefined;
      },
      60_000,
      'consolidation',
    );
    expect(done).toMatchObject({ status: 'done', progress: 100, summary: '/api/summaries/akiha/2020' });

    const summary = await get('/api/summaries/akiha/2020', TOKENS.akiha);
    expect(summary.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(summary.rawPayload as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const status = wb.getWorksheet('提出状況')!;
    const rows: string[][] = [];
    status.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(
      rows
        .filter((r) => r[1] === '受理')
        .map((r) => r[0])
        .sort(),
    ).toEqual(['健康福祉課', '産業振興課', '地域総務課'].sort());
    expect(rows.some((r) => r[1] === '読込不可' || r[1] === '差戻し')).toBe(true);
    const family = wb.getWorksheet('組織目標管理シート')!;
    expect(family.rowCount - 2).toBe(21);
  }, 150_000);

  it('keeps submissions and summaries within their division and ward', async () => {
    const [own] = (await w.runtime.store.list({ ward: 'akiha' })).filter((m) => m.division !== '秋葉区');
    expect(own).toBeDefined();
    const ownerToken =
      own!.division === '健康福祉課' ? TOKENS.kenko : own!.division === '地域総務課' ? TOKENS.chiiki : TOKENS.sangyo;
    const strangerToken = ownerToken === TOKENS.kenko ? TOKENS.chiiki : TOKENS.kenko;
    expect((await get(`/api/submissions/${own!.id}`, ownerToken)).statusCode).toBe(200);
    expect((await get(`/api/submissions/${own!.id}`, strangerToken)).statusCode).toBe(403);
    expect((await get(`/api/submissions/${own!.id}`, TOKENS.nishi)).statusCode).toBe(403);
    expect((await get(`/api/submissions/${own!.id}`, TOKENS.akiha)).statusCode).toBe(200);
    expect((await get('/api/summaries/akiha/2020', TOKENS.nishi)).statusCode).toBe(403);
    expect((await get('/api/summaries/akiha/2020', TOKENS.kenko)).statusCode).toBe(403);
    expect((await get('/api/submissions/..%2F..%2Fetc%2Fpasswd', TOKENS.akiha)).statusCode).toBe(404);
    const foreign = await w.app.inject({
      method: 'POST',
      url: '/api/consolidations',
      payload: { ward: 'akiha', fiscalYear: 2020 },
      headers: { authorization: `Bearer ${TOKENS.nishi}` },
    });
    expect(foreign.statusCode).toBe(403);
  });

  it('shows bull-board to admins only', async () => {
    expect((await w.app.inject({ method: 'GET', url: '/admin/queues' })).statusCode).toBe(401);
    expect((await get('/admin/queues', TOKENS.kenko)).statusCode).toBe(403);
    expect((await get('/admin/queues', TOKENS.akiha)).statusCode).toBe(403);
    expect((await get('/admin/queues', TOKENS.admin)).statusCode).toBe(200);
  });
});

describe('failed reasons shown on bull-board', () => {
  it('name no server path: an error thrown by a processor keeps only the file name, and is rethrown as itself', async () => {
    const failing = withoutPaths(async () => {
      throw new UnrecoverableError(
        "EACCES: permission denied, open '/srv/mokuhyo/data/summaries/akiha/2020.xlsx' (file:///opt/app/chunk.mjs)",
      );
    });
    const err = await failing({} as Job<unknown>).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnrecoverableError);
    expect((err as Error).message).toBe("EACCES: permission denied, open '…/2020.xlsx' (…/chunk.mjs)");
    expect(scrubPaths('ブックの内容が壊れています（1/2 シート）。')).toBe('ブックの内容が壊れています（1/2 シート）。');
  });
});
