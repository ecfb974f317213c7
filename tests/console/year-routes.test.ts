// The coordinator's year through the real intake server (fastify inject), a private Redis, real workers
// and a local SMTP server: 提出期限 and 期限超過, 提出メモ, 差戻す with a 理由 everywhere, 督促メール.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReminderPreview, WardStatus, YearInfo } from '../../worker/console-server/api-types.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { findRedisServer, startRedis, type PrivateRedis } from '../worker/queue/redis-server.ts';
import { TOKENS, until, world, type World } from '../worker/queue/test-world.ts';

const SEEDS = resolve(import.meta.dirname, '../../seeds/org-goals');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const binary = await findRedisServer();

describe.skipIf(!binary)("the coordinator's year", () => {
  let redis: PrivateRedis;
  let smtp: SmtpSink;
  let w: World;

  beforeAll(async () => {
    redis = await startRedis(binary!);
    smtp = await startSmtpSink();
    w = await world(redis.url, {
      workers: true,
      extra: {
        consolidationDelayMs: 60_000,
        publicUrl: 'https://mokuhyo.example.lg.jp',
        mail: { smtp: smtp.url, from: 'mokuhyo@example.lg.jp', cc: ['akiha-kikaku@example.lg.jp'] },
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
  const status = async () => (await call('GET', '/api/console/status', TOKENS.akiha)).json<WardStatus>();
  const row = async (division: string) => (await status()).rows.find((r) => r.division === division)!;
  const submit = async (token: string, file: string, memo?: string) => {
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/submissions',
      payload: await readFile(join(SEEDS, file)),
      headers: {
        'content-type': XLSX,
        authorization: `Bearer ${token}`,
        'x-mokuhyo-filename': encodeURIComponent(file),
        ...(memo ? { 'x-mokuhyo-memo': encodeURIComponent(memo) } : {}),
      },
    });
    expect(res.statusCode).toBe(202);
    const id = res.json<{ id: string }>().id;
    await until(async () => {
      const s = (await call('GET', `/api/submissions/${id}`, token)).json<{ status: string }>().status;
      return s === 'accepted' || s === 'rejected' ? s : undefined;
    });
    return id;
  };

  it('marks every division still 未提出 after the configured deadline as 期限超過', async () => {
    const s = await status();
    expect([s.deadline, s.pastDeadline, s.counts.overdue]).toEqual(['2021-04-30', true, 3]);
    expect(s.rows.map((r) => r.overdue)).toEqual([true, true, true]);
    const ledger = (await call('GET', '/api/wards/akiha/2020/status', TOKENS.akiha)).json<{
      pastDeadline: boolean;
      divisions: { overdue: boolean }[];
    }>();
    expect([ledger.pastDeadline, ledger.divisions.every((d) => d.overdue)]).toEqual([true, true]);
  });

  it('lets the coordinator move the deadline (and only them), and clearing it brings back the config’s', async () => {
    expect((await call('PUT', '/api/console/year/deadline', TOKENS.akiha, { deadline: '2099-03-31' })).statusCode).toBe(
      204,
    );
    const s = await status();
    expect([s.deadline, s.pastDeadline, s.counts.overdue]).toEqual(['2099-03-31', false, 0]);
    const year = (await call('GET', '/api/console/year', TOKENS.kenko)).json<YearInfo>();
    expect(year).toMatchObject({
      deadline: '2099-03-31',
      configuredDeadline: '2021-04-30',
      pastDeadline: false,
      own: { status: 'missing', overdue: false },
    });
    const bad = await call('PUT', '/api/console/year/deadline', TOKENS.akiha, { deadline: '2021-02-30' });
    expect([bad.statusCode, bad.json<{ error: { message: string } }>().error.message]).toEqual([
      400,
      '提出期限は 2021-04-30 のように実在する年-月-日で指定してください。',
    ]);
    expect((await call('PUT', '/api/console/year/deadline', TOKENS.kenko, { deadline: '2099-01-01' })).statusCode).toBe(
      403,
    );
    // Another ward's coordinator changes only their own ward.
    await call('PUT', '/api/console/year/deadline', TOKENS.nishi, { deadline: '2000-01-01' });
    expect((await status()).deadline).toBe('2099-03-31');
    await call('PUT', '/api/console/year/deadline', TOKENS.akiha, { deadline: null });
    expect((await status()).deadline).toBe('2021-04-30');
  });

  it('keeps a 提出メモ with the submission and shows it to the coordinator', async () => {
    await submit(TOKENS.chiiki, 'akiha-2020-chiiki-somu.xlsx', '修正版です。指標3の目標値を直しました。\u0007');
    const r = await row('地域総務課');
    expect([r.status, r.overdue, r.latest?.memo]).toEqual([
      'accepted',
      false,
      '修正版です。指標3の目標値を直しました。',
    ]);
  });

  it('sends back an accepted submission with a required 理由, and every touchpoint then says 差戻し', async () => {
    const id = (await row('地域総務課')).latest!.id;
    const empty = await call('POST', `/api/console/submissions/${id}/send-back`, TOKENS.akiha, { reason: '  ' });
    expect([empty.statusCode, empty.json<{ error: { message: string } }>().error.message]).toEqual([
      400,
      '差し戻す理由を入力してください。',
    ]);
    expect(
      (await call('POST', `/api/console/submissions/${id}/send-back`, TOKENS.chiiki, { reason: 'x' })).statusCode,
    ).toBe(403);
    expect(
      (await call('POST', `/api/console/submissions/${id}/send-back`, TOKENS.nishi, { reason: 'x' })).statusCode,
    ).toBe(404);
    const reason = '指標2の実績値が空欄です。';
    expect((await call('POST', `/api/console/submissions/${id}/send-back`, TOKENS.akiha, { reason })).statusCode).toBe(
      204,
    );
    const said = `取りまとめ担当が差し戻しました: ${reason}`;
    const r = await row('地域総務課');
    expect([r.status, r.reason, r.overdue, r.latest?.sentBack?.reason]).toEqual(['rejected', said, true, reason]);
    const verdict = (await call('GET', `/api/submissions/${id}`, TOKENS.chiiki)).json<{
      verdict: { status: string; reason: string; counted: boolean; deadline: string };
    }>().verdict;
    expect(verdict).toMatchObject({ status: '差戻し', reason: said, counted: false, deadline: '2021-04-30' });
    const own = (await call('GET', '/api/console/year', TOKENS.chiiki)).json<YearInfo>().own;
    expect(own).toEqual({ status: 'rejected', reason: said, overdue: true });
    const ledger = (await call('GET', '/api/wards/akiha/2020/status', TOKENS.akiha)).json<{
      divisions: { division: string; status: string; reason: string }[];
    }>();
    expect(ledger.divisions[0]).toMatchObject({ division: '地域総務課', status: '差戻し', reason: said });
  });

  it('mails exactly the 未提出 and 差戻し divisions that have an address, and records what was sent', async () => {
    const preview = (await call('GET', '/api/console/reminders', TOKENS.akiha)).json<ReminderPreview>();
    expect(preview.mails.map((m) => [m.division, m.to, m.status])).toEqual([
      ['健康福祉課', ['kenko@example.lg.jp', 'kenko-kacho@example.lg.jp'], '未提出（期限超過）'],
      ['産業振興課', ['sangyo@example.lg.jp'], '未提出（期限超過）'],
    ]);
    expect(preview.noAddress).toEqual(['地域総務課']);
    expect((await call('POST', '/api/console/reminders', TOKENS.kenko)).statusCode).toBe(403);
    const sent = await call('POST', '/api/console/reminders', TOKENS.akiha);
    expect(sent.json()).toMatchObject({ sent: 2, failed: 0 });
    await until(async () => (smtp.mails.length >= 2 ? true : undefined), 10_000, 'two mails');
    expect(smtp.mails.map((m) => [m.to.sort(), m.subject])).toEqual([
      [
        ['akiha-kikaku@example.lg.jp', 'kenko-kacho@example.lg.jp', 'kenko@example.lg.jp'],
        '【提出のお願い】令和2年度 目標シート（健康福祉課）',
      ],
      [['akiha-kikaku@example.lg.jp', 'sangyo@example.lg.jp'], '【提出のお願い】令和2年度 目標シート（産業振興課）'],
    ]);
    expect(smtp.mails[0]!.text).toContain('秋葉区の令和2年度の目標シートが、まだ提出されていません。');
    expect(smtp.mails[0]!.text).toMatch(/提出期限: 2021年4月30日（期限を\d+日過ぎています）/);
    expect(smtp.mails[0]!.text).toContain('https://mokuhyo.example.lg.jp/');
    const log = (await call('GET', '/api/console/reminders', TOKENS.akiha)).json<ReminderPreview>().log;
    expect(log.map((l) => [l.division, l.ok, l.by])).toEqual([
      ['産業振興課', true, '集計担当'],
      ['健康福祉課', true, '集計担当'],
    ]);
  });

  it('undoing 差戻す gives back 受理', async () => {
    const id = (await row('地域総務課')).latest!.id;
    expect((await call('DELETE', `/api/console/submissions/${id}/send-back`, TOKENS.akiha)).statusCode).toBe(204);
    expect((await row('地域総務課')).status).toBe('accepted');
  });
});
