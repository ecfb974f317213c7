// The console's routes through the real intake server (fastify inject) with a private Redis and real
// workers: sign-in and sessions, CSRF, role checks, statuses, the check that stores nothing, downloads.
import ExcelJS from 'exceljs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CheckResult,
  HistoryEntry,
  OwnStatus,
  SubmissionDetail,
  SummaryList,
  TemplateList,
  WardStatus,
} from '../../worker/console-server/api-types.ts';
import { findRedisServer, startRedis, type PrivateRedis } from '../worker/queue/redis-server.ts';
import { TOKENS, until, world, type World } from '../worker/queue/test-world.ts';

const SEEDS = resolve(import.meta.dirname, '../../seeds/org-goals');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HOST = 'mokuhyo.test:8080';
const ORIGIN = `http://${HOST}`;
const binary = await findRedisServer();

describe.skipIf(!binary)('web console routes', () => {
  let redis: PrivateRedis;
  let w: World;
  let chiiki: Buffer;

  let pageDir: string;

  beforeAll(async () => {
    // The console's files from a folder made here (a build made elsewhere), so no Vite build runs.
    pageDir = await mkdtemp(join(tmpdir(), 'mokuhyo-console-page-'));
    await mkdir(join(pageDir, 'assets'));
    await writeFile(
      join(pageDir, 'index.html'),
      '<!doctype html><html lang="ja"><title>目標シート</title><script type="module" src="/assets/app-1a2b.js"></script></html>',
    );
    await writeFile(join(pageDir, 'assets/app-1a2b.js'), 'console.log(1)');
    await writeFile(join(pageDir, 'secret.txt'), 'not for the web');
    process.env['MOKUHYO_CONSOLE_DIR'] = pageDir;
    redis = await startRedis(binary!);
    w = await world(redis.url, { workers: true, extra: { consolidationDelayMs: 60_000 } });
    chiiki = await readFile(join(SEEDS, 'akiha-2020-chiiki-somu.xlsx'));
  }, 60_000);
  afterAll(async () => {
    delete process.env['MOKUHYO_CONSOLE_DIR'];
    await w?.close();
    await redis?.stop();
    await rm(pageDir, { recursive: true, force: true });
  });

  const login = async (token: string, address = '127.0.0.1') => {
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/session',
      remoteAddress: address,
      headers: { host: HOST, origin: ORIGIN },
      payload: { token },
    });
    const cookie = String(res.headers['set-cookie'] ?? '').split(';')[0] ?? '';
    return { res, cookie };
  };
  const get = (url: string, cookie: string) => w.app.inject({ method: 'GET', url, headers: { host: HOST, cookie } });
  const submitAs = (token: string, body: Buffer, name: string) =>
    w.app.inject({
      method: 'POST',
      url: '/api/submissions',
      payload: body,
      headers: {
        host: HOST,
        'content-type': XLSX,
        authorization: `Bearer ${token}`,
        'x-mokuhyo-filename': encodeURIComponent(name),
      },
    });

  it('signs in with a token into an HttpOnly, SameSite=Strict session, and ログアウト ends it', async () => {
    const { res, cookie } = await login(TOKENS.akiha);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      role: 'coordinator',
      ward: { id: 'akiha', name: '秋葉区', fiscalYearLabel: '令和2年度' },
      division: null,
    });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^mokuhyo_session=[A-Za-z0-9_-]{43}; /);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain('Secure'); // plain http here
    expect((await get('/api/session', cookie)).json()).toMatchObject({ signedIn: true, me: { role: 'coordinator' } });
    expect((await get('/api/console/status', cookie)).statusCode).toBe(200);
    const out = await w.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { host: HOST, origin: ORIGIN, cookie },
    });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toContain('Max-Age=0');
    expect((await get('/api/console/status', cookie)).statusCode).toBe(401);
    expect((await get('/api/session', cookie)).json()).toEqual({ signedIn: false, me: null });
  });

  it('marks the cookie Secure over https only when a trusted proxy says so', async () => {
    const viaProxy = await w.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { host: HOST, 'x-forwarded-proto': 'https' },
      payload: { token: TOKENS.kenko },
    });
    expect(String(viaProxy.headers['set-cookie'])).not.toContain('Secure');
  });

  it('answers a wrong token with the same generic Japanese error, and slows down an address that keeps trying', async () => {
    const wrong = await login('not-a-token-of-this-service', '10.1.1.1');
    const almost = await login(`${TOKENS.akiha}x`, '10.1.1.1');
    expect(wrong.res.statusCode).toBe(401);
    expect(wrong.res.json()).toEqual(almost.res.json());
    expect(wrong.res.json().error.message).toMatch(/ログインできませんでした/);
    expect(wrong.res.headers['set-cookie']).toBeUndefined();
    for (let i = 0; i < 8; i++) await login('still-not-a-token', '10.1.1.1');
    // Past 10 failures the address is slowed, a right token as much as a wrong one, never refused.
    const timed = async (token: string, address: string) => {
      const t0 = performance.now();
      const { res } = await login(token, address);
      return { status: res.statusCode, ms: performance.now() - t0 };
    };
    const slowWrong = await timed('still-not-a-token', '10.1.1.1');
    expect(slowWrong.status).toBe(401);
    expect(slowWrong.ms).toBeGreaterThanOrEqual(950);
    const slowRight = await timed(TOKENS.akiha, '10.1.1.1');
    expect(slowRight.status).toBe(200);
    expect(slowRight.ms).toBeGreaterThanOrEqual(950);
    const elsewhere = await timed(TOKENS.akiha, '10.1.1.2');
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.ms).toBeLessThan(950);
  });

  it('refuses a cookie-authenticated POST from another origin or without one (CSRF), and a cross-site sign-in', async () => {
    const { cookie } = await login(TOKENS.akiha);
    const post = (headers: Record<string, string>) =>
      w.app.inject({
        method: 'POST',
        url: '/api/consolidations',
        headers: { host: HOST, cookie, ...headers },
        payload: { ward: 'akiha', fiscalYear: 2020 },
      });
    const evil = await post({ origin: 'https://evil.example' });
    expect(evil.statusCode).toBe(403);
    expect((await post({})).statusCode).toBe(403);
    expect((await post({ referer: 'https://evil.example/page' })).statusCode).toBe(403);
    expect((await post({ referer: `${ORIGIN}/#/summary` })).statusCode).toBe(202);
    const cross = await w.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { host: HOST, origin: 'https://evil.example' },
      payload: { token: TOKENS.akiha },
    });
    expect(cross.statusCode).toBe(403);
    expect(cross.json().error.message).toMatch(/目標シートの画面/);
  });

  it("serves the page without a token, with a strict CSP, and only the build's own files", async () => {
    const page = await w.app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(page.body).toContain('目標シート');
    const asset = await w.app.inject({ method: 'GET', url: '/assets/app-1a2b.js' });
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
    expect(asset.headers['cache-control']).toContain('immutable');
    for (const url of ['/assets/..%2Fsecret.txt', '/assets/../secret.txt', '/assets/missing.js']) {
      const res = await w.app.inject({ method: 'GET', url });
      expect(res.body).not.toContain('not for the web');
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
    }
    expect((await w.app.inject({ method: 'GET', url: '/secret.txt' })).statusCode).toBe(401);
  });

  it('answers unknown API routes in Japanese', async () => {
    const { cookie } = await login(TOKENS.akiha);
    const res = await get('/api/nothing-here', cookie);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not-found', message: 'その API はありません。' } });
  });

  it('lists every expected division with its status, file name and counts; statuses move as files are processed', async () => {
    const { cookie } = await login(TOKENS.akiha);
    const before = (await get('/api/console/status', cookie)).json() as WardStatus;
    expect(before.rows.map((r) => [r.division, r.status])).toEqual([
      ['地域総務課', 'missing'],
      ['健康福祉課', 'missing'],
      ['産業振興課', 'missing'],
    ]);
    expect(before.counts).toMatchObject({ expected: 3, accepted: 0, missing: 3 });

    const sent = await submitAs(TOKENS.chiiki, chiiki, '地域総務課_令和2年度.xlsx');
    expect(sent.statusCode).toBe(202);
    const id = (sent.json() as { id: string }).id;
    const during = (await get('/api/console/status', cookie)).json() as WardStatus;
    expect(['processing', 'accepted']).toContain(during.rows[0]!.status);
    const after = await until(
      async () => {
        const s = (await get('/api/console/status', cookie)).json() as WardStatus;
        return s.rows[0]!.status === 'accepted' ? s : undefined;
      },
      60_000,
      'accepted',
    );
    expect(after.rows[0]!.latest).toMatchObject({
      id,
      division: '地域総務課',
      fileName: '地域総務課_令和2年度.xlsx',
      errors: 0,
      warnings: 1,
    });
    expect(after.counts).toMatchObject({ expected: 3, accepted: 1, missing: 2 });

    const detail = (await get(`/api/console/submissions/${id}`, cookie)).json() as SubmissionDetail;
    expect(detail.findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        cell: 'D15',
        sheet: '地域総務課',
        code: 'common/bracket-mismatch',
      }),
    ]);
    expect(detail.findings[0]!.message).toMatch(/括弧/);
    const stored = await get(`/api/console/submissions/${id}/workbook`, cookie);
    expect(stored.rawPayload.equals(chiiki)).toBe(true);
    expect(stored.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('地域総務課_令和2年度.xlsx')}`,
    );
    const marked = await get(`/api/console/submissions/${id}/annotated`, cookie);
    expect(marked.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(marked.rawPayload as unknown as Parameters<typeof book.xlsx.load>[0]);
    expect(book.getWorksheet('検証結果')).toBeDefined();
    expect(
      String(
        book.getWorksheet('地域総務課')!.getCell('D15').note ??
          JSON.stringify(book.getWorksheet('地域総務課')!.getCell('D15').note),
      ),
    ).toContain('目標シート');

    // A later submission of the same division supersedes the first in the history.
    const again = (await submitAs(TOKENS.chiiki, chiiki, '地域総務課_再提出.xlsx').then((r) => r.json())) as {
      id: string;
    };
    const history = (await get('/api/console/history', cookie)).json() as HistoryEntry[];
    expect(history.find((h) => h.id === id)?.supersededBy).toBe(again.id);
    expect(history.find((h) => h.id === again.id)?.supersededBy).toBeNull();
    expect(history.every((h) => /^[0-9a-f]{64}$/.test(h.sha256))).toBe(true);
  }, 90_000);

  it('shows a division its own row as 提出状況 has it: an unreadable re-submission leaves the older 受理 version counted', async () => {
    const chiikiSession = (await login(TOKENS.chiiki)).cookie;
    const coordinator = (await login(TOKENS.akiha)).cookie;
    const counted = ((await get('/api/console/history', coordinator)).json() as HistoryEntry[]).find(
      (h) => h.division === '地域総務課',
    )!;
    const broken = await readFile(resolve(import.meta.dirname, '../fixtures/error.corrupt-sheet.xlsx'));
    const sentBad = await submitAs(TOKENS.chiiki, broken, '地域総務課_壊れた.xlsx');
    expect(sentBad.statusCode, sentBad.body).toBe(202);
    const bad = (sentBad.json() as { id: string }).id;
    const own = await until(
      async () => {
        const o = (await get('/api/console/own-status', chiikiSession)).json() as OwnStatus;
        return o.row.status === 'processing' ? undefined : o;
      },
      60_000,
      'decided',
    );
    expect(own.row).toMatchObject({ division: '地域総務課', status: 'unreadable', latest: { id: bad } });
    expect(own.row.counted?.id).toBe(counted.id);
    expect(own.row.reason).toMatch(/読み込めません|読込/);
    // The same row, word for word, on the coordinator's 提出状況.
    const status = (await get('/api/console/status', coordinator)).json() as WardStatus;
    expect(status.rows.find((r) => r.division === '地域総務課')).toEqual(own.row);
    // The history says which version counts, not merely which came last.
    const history = (await get('/api/console/history', chiikiSession)).json() as HistoryEntry[];
    expect(history.find((h) => h.id === counted.id)).toMatchObject({ counted: true, supersededBy: bad });
    expect(history.find((h) => h.id === bad)).toMatchObject({ counted: false, supersededBy: null });
    expect(history.every((h) => !h.byCoordinator)).toBe(true);
    // A division that sent nothing sees 未提出; the coordinator sees the ward sheet's row.
    const kenko = (await get('/api/console/own-status', (await login(TOKENS.kenko)).cookie)).json() as OwnStatus;
    expect(kenko.row).toMatchObject({ division: '健康福祉課', status: 'missing', latest: null, counted: null });
    const ward = (await get('/api/console/own-status', coordinator)).json() as OwnStatus;
    expect(ward.row).toEqual(status.wardSheet);
  }, 90_000);

  it("shows a division only itself, and another ward's coordinator nothing of this ward", async () => {
    const kenkoSession = (await login(TOKENS.kenko)).cookie;
    const chiikiId = (
      (await get('/api/console/history', (await login(TOKENS.akiha)).cookie)).json() as HistoryEntry[]
    )[0]!.id;
    expect((await get('/api/console/status', kenkoSession)).statusCode).toBe(403);
    expect((await get(`/api/console/submissions/${chiikiId}`, kenkoSession)).statusCode).toBe(403);
    expect((await get(`/api/console/submissions/${chiikiId}/workbook`, kenkoSession)).statusCode).toBe(403);
    expect((await get('/api/console/history', kenkoSession)).json()).toEqual([]);
    expect((await get('/api/console/templates', kenkoSession)).statusCode).toBe(403);
    expect((await get('/api/summaries/akiha/2020', kenkoSession)).statusCode).toBe(403);

    const nishi = (await login(TOKENS.nishi)).cookie;
    const status = (await get('/api/console/status', nishi)).json() as WardStatus;
    expect(status.ward.id).toBe('nishi');
    expect(status.rows.map((r) => r.division)).toEqual(['地域課']);
    expect((await get(`/api/console/submissions/${chiikiId}`, nishi)).statusCode).toBe(403);
    expect((await get('/api/console/history', nishi)).json()).toEqual([]);
    expect((await get('/api/summaries/akiha/2020', nishi)).statusCode).toBe(403);
  });

  it("checks a workbook with the worker's rules without storing it, and returns a marked copy", async () => {
    const { cookie } = await login(TOKENS.chiiki);
    const before = (await w.runtime.store.list()).length;
    const post = (url: string, body: Buffer | string) =>
      w.app.inject({
        method: 'POST',
        url,
        payload: body,
        headers: {
          host: HOST,
          origin: ORIGIN,
          cookie,
          'content-type': XLSX,
          'x-mokuhyo-filename': encodeURIComponent('地域総務課.xlsx'),
        },
      });
    const checked = (await post('/api/console/check', chiiki)).json() as CheckResult;
    expect(checked.status).toBe('accepted');
    expect(checked.findings.map((f) => [f.severity, f.cell])).toEqual([['warning', 'D15']]);
    const marked = await post('/api/console/check/annotated', chiiki);
    expect(marked.statusCode).toBe(200);
    expect(marked.headers['content-disposition']).toContain(encodeURIComponent('地域総務課_確認結果.xlsx'));
    const notABook = (await post('/api/console/check', 'just some text')).json() as CheckResult;
    expect(notABook.status).toBe('unreadable');
    expect(notABook.reason).toMatch(/[ぁ-んァ-ン一-龠]/);
    expect((await w.runtime.store.list()).length).toBe(before);
  }, 60_000);

  it("checks whose sheet it is as 提出 would: another division's sheet is 差戻し with the cell of its 組織名", async () => {
    const { cookie } = await login(TOKENS.chiiki);
    const kenko = await readFile(join(SEEDS, 'akiha-2020-kenko-fukushi.xlsx'));
    const checked = (
      await w.app.inject({
        method: 'POST',
        url: '/api/console/check',
        payload: kenko,
        headers: { host: HOST, origin: ORIGIN, cookie, 'content-type': XLSX },
      })
    ).json() as CheckResult;
    expect(checked.status).toBe('rejected');
    const mismatch = checked.findings.filter((f) => f.severity === 'error');
    expect(mismatch).toHaveLength(1);
    expect(mismatch[0]!.message).toMatch(/組織名「健康福祉課」が、提出した課「地域総務課」と一致しません/);
    expect(mismatch[0]!.cell).toBeTruthy();
    // The division's own sheet stays clean.
    const own = await login(TOKENS.kenko);
    const ok = (
      await w.app.inject({
        method: 'POST',
        url: '/api/console/check',
        payload: kenko,
        headers: { host: HOST, origin: ORIGIN, cookie: own.cookie, 'content-type': XLSX },
      })
    ).json() as CheckResult;
    expect(ok.status).toBe('accepted');
  }, 60_000);

  it('builds the summary, downloads it with a Japanese name and no-store, and keeps earlier builds listed', async () => {
    const { cookie } = await login(TOKENS.akiha);
    const post = () =>
      w.app.inject({
        method: 'POST',
        url: '/api/consolidations',
        headers: { host: HOST, origin: ORIGIN, cookie },
        payload: { ward: 'akiha', fiscalYear: 2020 },
      });
    for (let i = 0; i < 2; i++) {
      const { id } = (await post()).json() as { id: string };
      await until(
        async () => ((await get(`/api/consolidations/${id}`, cookie)).json().status === 'done' ? true : undefined),
        60_000,
        'summary',
      );
    }
    const summary = await get('/api/summaries/akiha/2020', cookie);
    expect(summary.statusCode).toBe(200);
    expect(summary.headers['content-disposition']).toBe(
      `attachment; filename="summary-akiha-2020.xlsx"; filename*=UTF-8''${encodeURIComponent('秋葉区_令和2年度_集計.xlsx')}`,
    );
    expect(summary.headers['cache-control']).toBe('no-store');
    const list = (await get('/api/console/summaries', cookie)).json() as SummaryList;
    expect(list.versions.length).toBeGreaterThanOrEqual(2);
    expect(list.latest).toBe(list.versions[0]!.builtAt);
    const older = await get(`/api/console/summaries/${list.versions[1]!.id}`, cookie);
    expect(older.statusCode).toBe(200);
    expect(older.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await get('/api/console/summaries/..%2F..%2Fetc', cookie)).statusCode).toBe(404);
  }, 90_000);

  it("offers each division its blank forms for the ward's year with its name filled in", async () => {
    const { cookie } = await login(TOKENS.akiha);
    const list = (await get('/api/console/templates', cookie)).json() as TemplateList;
    expect(list.divisions).toEqual(['地域総務課', '健康福祉課', '産業振興課']);
    expect(list.forms.map((f) => `${f.family}/${f.variant}`)).toContain('org-goals/division');
    const res = await get(
      `/api/console/templates/org-goals/division?division=${encodeURIComponent('健康福祉課')}`,
      cookie,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('健康福祉課_'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as Parameters<typeof book.xlsx.load>[0]);
    const values: string[] = [];
    book.worksheets[0]!.eachRow((row) => row.eachCell((cell) => values.push(String(cell.value))));
    expect(values).toContain('健康福祉課');
    expect(values.some((v) => v.includes('令和2年度'))).toBe(true);
    expect(
      (await get(`/api/console/templates/org-goals/division?division=${encodeURIComponent('よその課')}`, cookie))
        .statusCode,
    ).toBe(404);
  }, 60_000);
});
