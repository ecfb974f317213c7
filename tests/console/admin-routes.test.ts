// Issue 22 "The coordinator's year", admin part: an admin signs in to the console; only an admin lists, issues and
// revokes tokens; an issued token works at once and a revoked one is refused at once (its sessions end);
// 操作履歴 (GET /api/audit) is written by the routes that act and read fail-closed: a coordinator sees their own
// ward's only, a submitter none, an admin every ward (or one). Through the real intake server (fastify inject),
// a private Redis and real workers.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditList, TokenList } from '../../worker/console-server/api-types.ts';
import { AUDIT_KEEP_PER_WARD, AuditTrail } from '../../worker/storage/audit-trail.ts';
import { findRedisServer, startRedis, type PrivateRedis } from '../worker/queue/redis-server.ts';
import { TOKENS, until, world, type World } from '../worker/queue/test-world.ts';

const SEEDS = resolve(import.meta.dirname, '../../seeds/org-goals');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const binary = await findRedisServer();

describe.skipIf(!binary)('admin: tokens in the console and 操作履歴', () => {
  let redis: PrivateRedis;
  let w: World;

  beforeAll(async () => {
    redis = await startRedis(binary!);
    w = await world(redis.url, { workers: true, extra: { autoSummaries: false, consolidationDelayMs: 60_000 } });
  }, 60_000);
  afterAll(async () => {
    await w?.close();
    await redis?.stop();
  });

  const call = (method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, token: string | null, payload?: unknown) =>
    w.app.inject({
      method,
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const audit = async (token: string, query = '') => (await call('GET', `/api/audit${query}`, token)).json<AuditList>();
  const submit = async (token: string, file: string) => {
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/submissions',
      payload: await readFile(join(SEEDS, file)),
      headers: {
        'content-type': XLSX,
        authorization: `Bearer ${token}`,
        'x-mokuhyo-filename': encodeURIComponent(file),
      },
    });
    return res;
  };
  const settled = (id: string, token: string) =>
    until(async () => {
      const s = (await call('GET', `/api/submissions/${id}`, token)).json<{ status: string }>().status;
      return s === 'accepted' || s === 'rejected' ? s : undefined;
    });
  const signIn = async (token: string) => {
    const res = await w.app.inject({ method: 'POST', url: '/api/session', payload: { token } });
    const cookie = String(res.headers['set-cookie'] ?? '')
      .split(/,(?=\s*mokuhyo_)/)
      .map((c) => c.split(';')[0]!.trim())
      .find((c) => c.startsWith('mokuhyo_session='));
    return { status: res.statusCode, body: res.json<Record<string, unknown>>(), cookie: cookie ?? '' };
  };
  const signedIn = async (cookie: string) =>
    (await w.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).json<{
      signedIn: boolean;
      me: { role: string } | null;
    }>();

  it('signs an admin in to the console (no ward), as the same トークン form does for everyone', async () => {
    const admin = await signIn(TOKENS.admin);
    expect(admin.status).toBe(200);
    expect(admin.body).toEqual({ role: 'admin', ward: null, division: null, name: null });
    expect(await signedIn(admin.cookie)).toMatchObject({ signedIn: true, me: { role: 'admin' } });
    // The admin's session reaches the token list, as a Bearer token does.
    const list = await w.app.inject({ method: 'GET', url: '/api/admin/tokens', headers: { cookie: admin.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.json<TokenList>().wards.map((x) => x.id)).toEqual(['akiha', 'nishi']);
    // A wrong token is still refused with the one generic message.
    expect((await signIn('admin-operations-wrong-0123456789')).status).toBe(401);
  });

  it('lets only an admin list, issue and revoke tokens', async () => {
    for (const token of [TOKENS.akiha, TOKENS.kenko, TOKENS.nishi]) {
      expect((await call('GET', '/api/admin/tokens', token)).statusCode).toBe(403);
      expect(
        (await call('POST', '/api/admin/tokens', token, { role: 'coordinator', ward: 'akiha', name: '乗っ取り' }))
          .statusCode,
      ).toBe(403);
      expect((await call('DELETE', '/api/admin/tokens/0123456789abcdef', token)).statusCode).toBe(403);
    }
    expect((await call('GET', '/api/admin/tokens', null)).statusCode).toBe(401);
    // Nothing was issued by those attempts.
    expect((await call('GET', '/api/admin/tokens', TOKENS.admin)).json<TokenList>().issued).toEqual([]);
  });

  it('names the field of a refused issue in Japanese, so the console shows it beside that field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ role: 'submitter', ward: 'akiha', division: '健康福祉課', name: '  ' }, 'name'],
      [{ role: 'chief', ward: 'akiha', name: '田中' }, 'role'],
      [{ role: 'coordinator', ward: 'nowhere', name: '田中' }, 'ward'],
      [{ role: 'submitter', ward: 'akiha', division: '西区の課', name: '田中' }, 'division'],
    ];
    for (const [body, field] of cases) {
      const res = await call('POST', '/api/admin/tokens', TOKENS.admin, body);
      const error = res.json<{ error: { code: string; message: string; field: string } }>().error;
      expect([res.statusCode, error.code, error.field]).toEqual([400, 'bad-request', field]);
      expect(error.message).toMatch(/[ぁ-んァ-ン一-龥]/);
    }
  });

  it('issues a division token that works at once, revokes it so it is refused at once, and records both', async () => {
    const made = await call('POST', '/api/admin/tokens', TOKENS.admin, {
      role: 'submitter',
      ward: 'akiha',
      division: '健康福祉課',
      name: '佐藤 健',
    });
    expect(made.statusCode).toBe(201);
    const { token, id, issuedBy } = made.json<{ token: string; id: string; issuedBy: string }>();
    expect(issuedBy).toBe('管理者');
    // Works at once: it submits, and signs in.
    const sent = await submit(token, 'akiha-2020-kenko-fukushi.xlsx');
    expect(sent.statusCode).toBe(202);
    await settled(sent.json<{ id: string }>().id, token);
    const session = await signIn(token);
    expect(session.body).toMatchObject({ role: 'submitter', division: '健康福祉課', name: '佐藤 健' });
    // The list shows it as issued in the console, with when and by whom; the config's are read-only.
    const list = (await call('GET', '/api/admin/tokens', TOKENS.admin)).json<TokenList>();
    expect(list.issued).toEqual([
      expect.objectContaining({ id, name: '佐藤 健', role: 'submitter', source: 'issued', issuedBy: '管理者' }),
    ]);
    expect(list.config.every((t) => t.source === 'config')).toBe(true);
    // A config token cannot be revoked here, and says so.
    const configId = list.config[0]!.id;
    const refused = await call('DELETE', `/api/admin/tokens/${configId}`, TOKENS.admin);
    expect(refused.statusCode).toBe(404);
    expect(refused.json<{ error: { message: string } }>().error.message).toContain('設定ファイル');
    // Revoked: the Bearer token and the session are refused at once.
    const revoked = await call('DELETE', `/api/admin/tokens/${id}`, TOKENS.admin);
    expect(revoked.json()).toMatchObject({ revoked: id, name: '佐藤 健', sessionsEnded: 1 });
    expect((await submit(token, 'akiha-2020-kenko-fukushi.xlsx')).statusCode).toBe(401);
    expect((await call('GET', '/api/console/own-status', token)).statusCode).toBe(401);
    expect((await signedIn(session.cookie)).signedIn).toBe(false);
    expect((await signIn(token)).status).toBe(401);
    // 操作履歴: the issue, the submission by the person's name, the revocation.
    const trail = await audit(TOKENS.akiha);
    const mine = trail.entries.filter((e) => e.by === '佐藤 健' || e.action.startsWith('token-'));
    expect(mine.map((e) => [e.action, e.by, e.role, e.ward, e.division])).toEqual([
      ['token-revoke', '管理者', 'admin', 'akiha', '健康福祉課'],
      ['submit', '佐藤 健', 'submitter', 'akiha', '健康福祉課'],
      ['token-issue', '管理者', 'admin', 'akiha', '健康福祉課'],
    ]);
    expect(mine[0]!.target).toContain('佐藤 健');
    expect(mine[1]!.target).toBe('akiha-2020-kenko-fukushi.xlsx');
    expect(JSON.stringify(trail)).not.toContain(token);
  }, 90_000);

  it('records 差戻し, the deadline, downloads and summaries, by whom, in the ward they belong to', async () => {
    const sent = await submit(TOKENS.chiiki, 'akiha-2020-chiiki-somu.xlsx');
    const id = sent.json<{ id: string }>().id;
    await settled(id, TOKENS.chiiki);
    expect((await call('PUT', '/api/console/year/deadline', TOKENS.akiha, { deadline: '2099-03-31' })).statusCode).toBe(
      204,
    );
    expect(
      (await call('POST', `/api/console/submissions/${id}/send-back`, TOKENS.akiha, { reason: '指標2が空欄です。' }))
        .statusCode,
    ).toBe(204);
    expect((await call('GET', `/api/console/submissions/${id}/workbook`, TOKENS.akiha)).statusCode).toBe(200);
    expect((await call('GET', '/api/console/status.xlsx', TOKENS.akiha)).statusCode).toBe(200);
    const built = await call('POST', '/api/consolidations', TOKENS.akiha, { ward: 'akiha', fiscalYear: 2020 });
    expect(built.statusCode).toBe(202);
    await until(async () => {
      const s = (await call('GET', `/api/consolidations/${built.json<{ id: string }>().id}`, TOKENS.akiha)).json<{
        status: string;
      }>().status;
      return s === 'done' ? s : undefined;
    });
    expect((await call('GET', '/api/summaries/akiha/2020', TOKENS.akiha)).statusCode).toBe(200);
    // Another ward's coordinator acts in their own ward only.
    await call('PUT', '/api/console/year/deadline', TOKENS.nishi, { deadline: '2099-01-31' });

    const akiha = await audit(TOKENS.akiha);
    const actions = akiha.entries.map((e) => e.action);
    for (const a of [
      'summary-download',
      'summary-build',
      'status-download',
      'workbook-download',
      'send-back',
      'deadline',
      'submit',
    ])
      expect(actions).toContain(a);
    // Newest first.
    const times = akiha.entries.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(akiha.entries.every((e) => e.ward === 'akiha')).toBe(true);
    const back = akiha.entries.find((e) => e.action === 'send-back')!;
    expect(back).toMatchObject({
      by: '集計担当',
      role: 'coordinator',
      division: '地域総務課',
      target: 'akiha-2020-chiiki-somu.xlsx',
      detail: '理由: 指標2が空欄です。',
    });
    expect(akiha.entries.find((e) => e.action === 'deadline')!.detail).toBe('提出期限を 2099年3月31日 に変更');
    // No raw ids to clerks: a submission is its file name and short 提出番号.
    const submitted = akiha.entries.find((e) => e.action === 'submit')!;
    expect(submitted.target).toBe('akiha-2020-chiiki-somu.xlsx');
    expect(submitted.detail).toBe(`提出番号 ${id.split('-')[0]!.slice(0, 8).toUpperCase()}`);
    expect(JSON.stringify(akiha.entries)).not.toContain(id);
    expect(akiha.entries.find((e) => e.action === 'summary-download')!.target).toBe('秋葉区_令和2年度_集計.xlsx');
  }, 120_000);

  it('shows a coordinator their own ward only, a submitter nothing, an admin every ward or one', async () => {
    // Coordinator: own ward; asking for another is refused, not answered empty.
    const nishi = await audit(TOKENS.nishi);
    expect(nishi.entries.length).toBeGreaterThan(0);
    expect(nishi.entries.every((e) => e.ward === 'nishi')).toBe(true);
    expect(nishi.wards).toEqual([{ id: 'nishi', name: '西区' }]);
    expect((await call('GET', '/api/audit?ward=akiha', TOKENS.nishi)).statusCode).toBe(403);
    expect((await call('GET', '/api/audit?ward=nishi', TOKENS.nishi)).statusCode).toBe(200);
    // Submitters, of any ward, see none; nor does anyone without a token.
    for (const token of [TOKENS.kenko, TOKENS.nishiSub])
      expect((await call('GET', '/api/audit', token)).statusCode).toBe(403);
    expect((await call('GET', '/api/audit', null)).statusCode).toBe(401);
    // Admin: every ward, or one; an unknown ward is a mistake, not an empty page.
    const all = await audit(TOKENS.admin);
    expect(new Set(all.entries.map((e) => e.ward))).toEqual(new Set(['akiha', 'nishi']));
    const onlyNishi = await audit(TOKENS.admin, '?ward=nishi');
    expect(onlyNishi.entries).toEqual(nishi.entries);
    expect((await call('GET', '/api/audit?ward=nowhere', TOKENS.admin)).statusCode).toBe(400);
    // Paged: limit and offset, with `more`.
    const first = await audit(TOKENS.admin, '?limit=2');
    const second = await audit(TOKENS.admin, '?limit=2&offset=2');
    expect([first.entries.length, first.more]).toEqual([2, true]);
    expect(second.entries[0]).toEqual(all.entries[2]);
    for (const bad of ['?limit=0', '?limit=501', '?limit=abc', '?offset=-1'])
      expect((await call('GET', `/api/audit${bad}`, TOKENS.admin)).statusCode).toBe(400);
  });

  it('keeps the newest entries per ward only (the cap), and an admin token issued lands in no ward', async () => {
    const made = await call('POST', '/api/admin/tokens', TOKENS.admin, { role: 'admin', name: '運用 太郎' });
    expect(made.statusCode).toBe(201);
    const service = await audit(TOKENS.admin, '?ward=_service');
    expect(service.entries[0]).toMatchObject({ action: 'token-issue', ward: null, by: '管理者' });
    expect((await audit(TOKENS.akiha)).entries.some((e) => e.target?.includes('運用 太郎'))).toBe(false);

    const client = new Redis(redis.url);
    try {
      const trail = new AuditTrail(client, 'mokuhyo:audit-cap-test');
      await new Promise((r) => client.once('ready', r));
      const base = Date.parse('2021-04-01T00:00:00Z');
      const pipeline = client.pipeline();
      for (let i = 0; i < AUDIT_KEEP_PER_WARD; i++)
        pipeline.lpush(
          'mokuhyo:audit-cap-test:akiha',
          JSON.stringify({ at: new Date(base + i).toISOString(), action: 'submit', by: `old ${i}`, ward: 'akiha' }),
        );
      await pipeline.exec();
      expect(
        await trail.record({
          action: 'deadline',
          by: '集計担当',
          role: 'coordinator',
          ward: 'akiha',
          division: null,
          target: null,
          detail: null,
        }),
      ).toBe(true);
      expect(await client.llen('mokuhyo:audit-cap-test:akiha')).toBe(AUDIT_KEEP_PER_WARD);
      const page = (await trail.page(['akiha'], 0, 2))!;
      expect(page.entries.map((e) => e.by)).toEqual(['集計担当', `old ${AUDIT_KEEP_PER_WARD - 1}`]);
      // The oldest one is gone.
      const last = await client.lrange('mokuhyo:audit-cap-test:akiha', -1, -1);
      expect(last[0]).toContain('"old 1"');
    } finally {
      await client.quit();
    }
  }, 60_000);
});
