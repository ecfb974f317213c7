// Defects from the acceptance pass of the coordinator's year (issue 22), through the real intake server
// (fastify inject), a private Redis, real workers and a local SMTP server that is down, then up.
import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditList, ReminderPreview, SummaryList } from '../../worker/console-server/api-types.ts';
import { mailFailureReason } from '../../worker/console-server/reminders.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { readZipEntries } from '../helpers/zip-reader.ts';
import { findRedisServer, startRedis, type PrivateRedis } from '../worker/queue/redis-server.ts';
import { TOKENS, until, world, type World } from '../worker/queue/test-world.ts';

const SEEDS = resolve(import.meta.dirname, '../../seeds/org-goals');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const binary = await findRedisServer();
const run = promisify(execFile);

/** A loopback port nobody listens on (taken, then let go). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

describe('督促メール: the reason a send failed, in words for a clerk', () => {
  it('names what went wrong without the SMTP client’s raw message', () => {
    const cases: [object, RegExp][] = [
      [{ code: 'ECONNECTION', message: 'connect ECONNREFUSED 127.0.0.1:2531' }, /メールサーバーに接続できませんでした/],
      [{ code: 'EAUTH', responseCode: 535, message: 'Invalid login: 535 5.7.8 bad' }, /認証に失敗しました/],
      [
        { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550, message: '550 no such user' },
        /宛先.*拒否されました/,
      ],
      [{ code: 'ETIMEDOUT', message: 'Connection timeout' }, /時間内に応答しませんでした/],
      [{ code: 'EDNS', message: 'getaddrinfo ENOTFOUND smtp.example' }, /名前が見つかりませんでした/],
      [new Error('something else entirely'), /メールサーバーでエラーが起きました/],
    ];
    for (const [err, words] of cases) {
      const reason = mailFailureReason(err);
      expect(reason).toMatch(words);
      // No error code, reply code, address or English words of the client's message.
      expect(reason).not.toMatch(/E[A-Z]{3,}|\d{3}|Invalid|timeout|login|else/i);
    }
  });
});

describe.skipIf(!binary)('the coordinator’s year, after the acceptance pass', () => {
  let redis: PrivateRedis;
  let smtp: SmtpSink | null = null;
  let port: number;
  let w: World;

  beforeAll(async () => {
    redis = await startRedis(binary!);
    port = await freePort();
    w = await world(redis.url, {
      workers: true,
      extra: {
        consolidationDelayMs: 60_000,
        autoSummaries: false,
        mail: { smtp: `smtp://127.0.0.1:${port}`, from: 'mokuhyo@example.lg.jp', cc: ['akiha-kikaku@example.lg.jp'] },
        wards: [
          {
            id: 'akiha',
            name: '秋葉区',
            fiscalYear: 2020,
            deadline: '2021-04-30',
            divisions: [
              '地域総務課',
              { name: '健康福祉課', email: ['kenko@example.lg.jp', 'kenko-kacho@example.lg.jp'] },
              { name: '産業振興課', email: 'sangyo@example.lg.jp' },
            ],
          },
          { id: 'nishi', name: '西区', fiscalYear: 2021, divisions: ['地域課'] },
        ],
      },
    });
  }, 60_000);
  afterAll(async () => {
    await w?.close();
    await smtp?.close();
    await redis?.stop();
  });

  const call = (method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, token: string, payload?: unknown) =>
    w.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const upload = async (token: string, file: string, headers: Record<string, string> = {}) =>
    w.app.inject({
      method: 'POST',
      url: '/api/submissions',
      payload: await readFile(join(SEEDS, file)),
      headers: { 'content-type': XLSX, authorization: `Bearer ${token}`, ...headers },
    });
  const submit = async (token: string, file: string) => {
    const res = await upload(token, file, { 'x-mokuhyo-filename': encodeURIComponent(file) });
    expect(res.statusCode).toBe(202);
    const id = res.json<{ id: string }>().id;
    await until(async () => {
      const s = (await call('GET', `/api/submissions/${id}`, token)).json<{ status: string }>().status;
      return s === 'accepted' || s === 'rejected' ? s : undefined;
    });
    return id;
  };
  const stored = async () => (await w.runtime.store.list({ ward: 'akiha' })).length;

  it('records a failed 督促メール in Japanese, and lets the coordinator retry at once when nothing was delivered', async () => {
    const first = await call('POST', '/api/console/reminders', TOKENS.akiha);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ sent: 0, failed: 2 });
    const log = (await call('GET', '/api/console/reminders', TOKENS.akiha)).json<ReminderPreview>().log;
    expect(log.map((l) => [l.division, l.ok])).toEqual([
      ['産業振興課', false],
      ['健康福祉課', false],
    ]);
    for (const l of log) {
      expect(l.error).toContain('メールサーバーに接続できませんでした');
      expect(l.error).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|connect/);
      expect(l.cc).toEqual(['akiha-kikaku@example.lg.jp']);
    }
    // Nothing went out: the one-minute guard does not hold the retry.
    const again = await call('POST', '/api/console/reminders', TOKENS.akiha);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ sent: 0, failed: 2 });

    // The server is back: two presses at once still send once.
    smtp = await startSmtpSink({ port });
    const [a, b] = await Promise.all([
      call('POST', '/api/console/reminders', TOKENS.akiha),
      call('POST', '/api/console/reminders', TOKENS.akiha),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 429]);
    const ok = a.statusCode === 200 ? a : b;
    expect(ok.json()).toMatchObject({ sent: 2, failed: 0 });
    expect(smtp.mails).toHaveLength(2);
    // Delivered: the minute now holds.
    expect((await call('POST', '/api/console/reminders', TOKENS.akiha)).statusCode).toBe(429);
    // The preview shows the CC too.
    expect((await call('GET', '/api/console/reminders', TOKENS.akiha)).json<ReminderPreview>().cc).toEqual([
      'akiha-kikaku@example.lg.jp',
    ]);
  }, 60_000);

  it('sends back once: a second 差戻す of the same submission is refused with 409, and the 理由 stays', async () => {
    const id = await submit(TOKENS.chiiki, 'akiha-2020-chiiki-somu.xlsx');
    expect((await call('GET', `/api/submissions/${id}`, TOKENS.chiiki)).json<{ status: string }>().status).toBe(
      'accepted',
    );
    const [a, b] = await Promise.all([
      call('POST', `/api/console/submissions/${id}/send-back`, TOKENS.akiha, { reason: '指標2が空欄です。' }),
      call('POST', `/api/console/submissions/${id}/send-back`, TOKENS.akiha, { reason: '指標3が空欄です。' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([204, 409]);
    const refused = a.statusCode === 409 ? a : b;
    expect(refused.json()).toMatchObject({ error: { code: 'already-sent-back' } });
    expect(refused.json<{ error: { message: string } }>().error.message).toContain('差戻しを取り消してから');
    const trail = (await call('GET', '/api/audit', TOKENS.akiha)).json<AuditList>();
    expect(trail.entries.filter((e) => e.action === 'send-back')).toHaveLength(1);

    // One truth: the submission's status is the ledger's word, 差戻し → rejected, taken back → accepted.
    const view = (await call('GET', `/api/submissions/${id}`, TOKENS.chiiki)).json<{
      status: string;
      verdict: { status: string };
    }>();
    expect([view.status, view.verdict.status]).toEqual(['rejected', '差戻し']);
    expect((await call('DELETE', `/api/console/submissions/${id}/send-back`, TOKENS.akiha)).statusCode).toBe(204);
    const back = (await call('GET', `/api/submissions/${id}`, TOKENS.chiiki)).json<{
      status: string;
      verdict: { status: string };
    }>();
    expect([back.status, back.verdict.status]).toEqual(['accepted', '受理']);
    // Taken back, it can be sent back again (with another 理由).
    expect(
      (await call('POST', `/api/console/submissions/${id}/send-back`, TOKENS.akiha, { reason: '指標3が空欄です。' }))
        .statusCode,
    ).toBe(204);
  }, 90_000);

  it('refuses a 提出メモ over 500 characters or a malformed header with 400, storing nothing', async () => {
    const before = await stored();
    const long = await upload(TOKENS.kenko, 'akiha-2020-kenko-fukushi.xlsx', {
      'x-mokuhyo-memo': encodeURIComponent('あ'.repeat(600)),
    });
    expect(long.statusCode).toBe(400);
    expect(long.json()).toMatchObject({ error: { code: 'bad-memo' } });
    expect(long.json<{ error: { message: string } }>().error.message).toContain('提出メモは 500 文字以内');
    const broken = await upload(TOKENS.kenko, 'akiha-2020-kenko-fukushi.xlsx', { 'x-mokuhyo-memo': '%E3%81' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json<{ error: { message: string } }>().error.message).toContain('提出メモ');
    expect(await stored()).toBe(before);
    // Exactly 500 (what the add-in sends at most) is kept whole.
    const memo = `修正版です。${'い'.repeat(494)}`;
    const ok = await upload(TOKENS.kenko, 'akiha-2020-kenko-fukushi.xlsx', {
      'x-mokuhyo-memo': encodeURIComponent(memo),
    });
    expect(ok.statusCode).toBe(202);
    const meta = await w.runtime.store.get(ok.json<{ id: string }>().id);
    expect(meta?.memo).toBe(memo);
  }, 60_000);

  it('answers a second 集計を作成 for the same ward-year with the build already under way', async () => {
    const ask = () => call('POST', '/api/consolidations', TOKENS.akiha, { ward: 'akiha', fiscalYear: 2020 });
    const [a, b] = await Promise.all([ask(), ask()]);
    expect([a.statusCode, b.statusCode]).toEqual([202, 202]);
    const id = a.json<{ id: string }>().id;
    expect(b.json<{ id: string }>().id).toBe(id);
    await until(async () =>
      (await call('GET', `/api/consolidations/${id}`, TOKENS.akiha)).json<{ status: string }>().status === 'done'
        ? true
        : undefined,
    );
    const list = (await call('GET', '/api/console/summaries', TOKENS.akiha)).json<SummaryList>();
    expect(list.versions).toHaveLength(1);
    const trail = (await call('GET', '/api/audit', TOKENS.akiha)).json<AuditList>();
    expect(trail.entries.filter((e) => e.action === 'summary-build')).toHaveLength(1);
    // Once that build is done, the next press builds again.
    const next = await ask();
    expect(next.json<{ id: string }>().id).not.toBe(id);
    await until(async () =>
      (await call('GET', `/api/consolidations/${next.json<{ id: string }>().id}`, TOKENS.akiha)).json<{
        status: string;
      }>().status === 'done'
        ? true
        : undefined,
    );
  }, 90_000);

  it('pre-fills the 実施計画 of the 様式 zip with the ward in its title and the plan period, so extract names both', async () => {
    const zip = await call(
      'GET',
      `/api/console/templates.zip?division=${encodeURIComponent('健康福祉課')}`,
      TOKENS.akiha,
    );
    const plan = (await readZipEntries(zip.rawPayload)).find((f) => f.name.includes('実施計画'))!;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(plan.content as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getCell('A1').value)).toBe('秋葉区 区ビジョンまちづくり計画 実施計画');
    const cells = sheet.getSheetValues().flat().map(String);
    expect(cells).toContain('令和2年度～令和3年度');
    const dir = await mkdtemp(join(tmpdir(), 'mokuhyo-plan-'));
    try {
      const file = join(dir, 'plan.xlsx');
      await writeFile(file, plan.content);
      const { stdout } = await run(process.execPath, [
        resolve(import.meta.dirname, '../../bin/mokuhyo.js'),
        'extract',
        file,
      ]);
      expect(stdout).toContain('組織: 秋葉区');
      expect(stdout).toContain('年度: 2020');
      expect(stdout).not.toContain('（不明）');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("lists a previous fiscal year's summaries when asked, and only that year's", async () => {
    const build = async (fiscalYear: number) => {
      const id = (await call('POST', '/api/consolidations', TOKENS.nishi, { ward: 'nishi', fiscalYear })).json<{
        id: string;
      }>().id;
      await until(async () =>
        (await call('GET', `/api/consolidations/${id}`, TOKENS.nishi)).json<{ status: string }>().status === 'done'
          ? true
          : undefined,
      );
    };
    await build(2020);
    await build(2021);
    const current = (await call('GET', '/api/console/summaries', TOKENS.nishi)).json<SummaryList>();
    const past = (await call('GET', '/api/console/summaries?fiscalYear=2020', TOKENS.nishi)).json<SummaryList>();
    expect(current.versions).toHaveLength(1);
    expect(past.versions).toHaveLength(1);
    expect(past.versions[0]!.id).not.toBe(current.versions[0]!.id);
    expect((await call('GET', '/api/summaries/nishi/2020', TOKENS.nishi)).statusCode).toBe(200);
    const file = await call('GET', `/api/console/summaries/${past.versions[0]!.id}?fiscalYear=2020`, TOKENS.nishi);
    expect(file.statusCode).toBe(200);
    expect(decodeURIComponent(String(file.headers['content-disposition']))).toContain('西区_令和2年度_集計_');
    expect((await call('GET', '/api/console/summaries?fiscalYear=20x0', TOKENS.nishi)).statusCode).toBe(400);
  }, 90_000);
});
