// The coordinator's year through the real intake server (fastify inject), a private Redis, real workers
// and a local SMTP server: 提出期限 and 期限超過, 提出メモ, 差戻す with a 理由 everywhere, 督促メール.
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AuditList,
  ReminderPreview,
  SummaryList,
  WardStatus,
  YearInfo,
} from '../../worker/console-server/api-types.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { jstDate } from '../../worker/storage/index.ts';
import { readZipEntries } from '../helpers/zip-reader.ts';
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
    // The schedule (automatic reminders and summaries) looks every 200 ms here instead of every 10 minutes.
    process.env['MOKUHYO_SCHEDULE_CHECK_MS'] = '200';
    redis = await startRedis(binary!);
    smtp = await startSmtpSink();
    w = await world(redis.url, {
      workers: true,
      extra: {
        consolidationDelayMs: 60_000,
        autoSummaries: false,
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
    delete process.env['MOKUHYO_SCHEDULE_CHECK_MS'];
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
    // The summary's 提出状況 says the same.
    const started = await w.app.inject({
      method: 'POST',
      url: '/api/consolidations',
      headers: { authorization: `Bearer ${TOKENS.akiha}` },
      payload: { ward: 'akiha', fiscalYear: 2020 },
    });
    const job = started.json<{ id: string }>().id;
    await until(async () =>
      (await call('GET', `/api/consolidations/${job}`, TOKENS.akiha)).json<{ status: string }>().status === 'done'
        ? true
        : undefined,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await call('GET', '/api/summaries/akiha/2020', TOKENS.akiha)).rawPayload as unknown as ArrayBuffer,
    );
    const texts: string[] = [];
    book
      .getWorksheet('提出状況')!
      .eachRow((r) => texts.push((r.values as unknown[]).map((v) => String(v ?? '')).join('|')));
    const line = texts.find((t) => t.includes('地域総務課') && t.includes('差戻し'));
    expect(line).toContain(reason);
  });

  it('downloads 提出状況 as .xlsx in the words of the screen, named in Japan time', async () => {
    const res = await call('GET', '/api/console/status.xlsx', TOKENS.akiha);
    expect(res.statusCode).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toMatch(
      /秋葉区_令和2年度_提出状況_\d{4}-\d{2}-\d{2}_\d{4}\.xlsx/,
    );
    expect((await call('GET', '/api/console/status.xlsx', TOKENS.kenko)).statusCode).toBe(403);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('提出状況')!;
    const rows: string[][] = [];
    sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
    expect(rows[0]![0]).toMatch(/^秋葉区 令和2年度 提出状況（\d{4}\/\d{2}\/\d{2} \d{2}:\d{2} 現在）$/);
    expect(rows[1]).toContain('提出期限: 2021年4月30日');
    expect(rows[1]).toContain('期限超過 3');
    expect(rows[2]).toEqual(['課', '状況', '期限', '受付日時', 'ファイル', '理由', '提出メモ', 'エラー', '警告']);
    const chiiki = rows.find((r) => r[0] === '地域総務課')!;
    expect(chiiki.slice(1, 3)).toEqual(['差戻し', '期限超過']);
    expect(chiiki[5]).toBe('取りまとめ担当が差し戻しました: 指標2の実績値が空欄です。');
    expect(chiiki[6]).toBe('修正版です。指標3の目標値を直しました。');
    expect(rows.find((r) => r[0] === '健康福祉課')!.slice(1, 3)).toEqual(['未提出', '期限超過']);
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
    // A second press within the minute mails nobody twice.
    const again = await call('POST', '/api/console/reminders', TOKENS.akiha);
    expect([again.statusCode, again.json<{ error: { code: string } }>().error.code]).toEqual([429, 'just-sent']);
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
    // 操作履歴 says who sent which, once (the refused second press is not there).
    const trail = (await call('GET', '/api/audit', TOKENS.akiha)).json<AuditList>();
    expect(trail.entries.filter((e) => e.action === 'reminders')).toEqual([
      expect.objectContaining({
        by: '集計担当',
        role: 'coordinator',
        ward: 'akiha',
        target: '健康福祉課、産業振興課',
        detail: '督促メール 2 件送信',
      }),
    ]);
  });

  it('undoing 差戻す gives back 受理', async () => {
    const id = (await row('地域総務課')).latest!.id;
    expect((await call('DELETE', `/api/console/submissions/${id}/send-back`, TOKENS.akiha)).statusCode).toBe(204);
    expect((await row('地域総務課')).status).toBe('accepted');
  });

  it('builds summaries only when asked, each listed with who asked and what it covers, named in Japan time', async () => {
    const jobs = async () =>
      Object.values(
        await w.runtime.queues.consolidate.getJobCounts('waiting', 'delayed', 'active', 'completed'),
      ).reduce((a, b) => a + b, 0);
    const before = await jobs();
    await w.runtime.queues.requestConsolidation('akiha', 2020);
    expect(await jobs()).toBe(before);
    const started = await w.app.inject({
      method: 'POST',
      url: '/api/consolidations',
      headers: { authorization: `Bearer ${TOKENS.akiha}` },
      payload: { ward: 'akiha', fiscalYear: 2020 },
    });
    const { id } = started.json<{ id: string }>();
    await until(async () =>
      (await call('GET', `/api/consolidations/${id}`, TOKENS.akiha)).json<{ status: string }>().status === 'done'
        ? true
        : undefined,
    );
    const list = (await call('GET', '/api/console/summaries', TOKENS.akiha)).json<SummaryList>();
    expect(list.versions).toHaveLength(2);
    expect(list.versions.map((v) => v.about)).toEqual([
      { by: '集計担当', counts: { expected: 3, submitted: 1, accepted: 1, rejected: 0, unreadable: 0, missing: 2 } },
      { by: '集計担当', counts: { expected: 3, submitted: 1, accepted: 0, rejected: 1, unreadable: 0, missing: 2 } },
    ]);
    const file = await call('GET', `/api/console/summaries/${list.versions[0]!.id}`, TOKENS.akiha);
    const name = decodeURIComponent(String(file.headers['content-disposition']));
    const built = new Date(list.versions[0]!.builtAt);
    const jst = new Date(built.getTime() + 9 * 3600_000).toISOString();
    expect(name).toContain(`秋葉区_令和2年度_集計_${jst.slice(0, 10)}_${jst.slice(11, 13)}${jst.slice(14, 16)}.xlsx`);
  });

  it('hands out 様式 as one zip per division or for all, pre-filled with the year, the ward and the division', async () => {
    const one = await call(
      'GET',
      `/api/console/templates.zip?division=${encodeURIComponent('健康福祉課')}`,
      TOKENS.akiha,
    );
    expect(one.statusCode).toBe(200);
    expect(decodeURIComponent(String(one.headers['content-disposition']))).toContain('健康福祉課_様式_令和2年度.zip');
    const files = await readZipEntries(one.rawPayload);
    expect(files.map((f) => f.name).sort()).toEqual(
      [
        '健康福祉課_課の組織目標管理シート_令和2年度.xlsx',
        '健康福祉課_区ビジョンまちづくり計画 実施計画_令和2年度.xlsx',
        '健康福祉課_総合計画 施策シート_令和2年度.xlsx',
        '健康福祉課_方針書_令和2年度.xlsx',
      ].sort(),
    );
    const cell = async (name: string, address: string) => {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(files.find((f) => f.name === name)!.content as unknown as ArrayBuffer);
      return String(book.worksheets[0]!.getCell(address).value ?? '');
    };
    expect(await cell('健康福祉課_方針書_令和2年度.xlsx', 'A1')).toBe('令和2年度\u3000健康福祉課の方針書');
    expect(await cell('健康福祉課_方針書_令和2年度.xlsx', 'G2')).toBe('健康福祉課');
    expect(await cell('健康福祉課_総合計画 施策シート_令和2年度.xlsx', 'A1')).toBe('秋葉区総合計画\u3000施策シート');
    const all = await readZipEntries((await call('GET', '/api/console/templates.zip', TOKENS.akiha)).rawPayload);
    const folders = [...new Set(all.map((f) => f.name.split('/')[0]))];
    expect(folders).toEqual(['地域総務課', '健康福祉課', '産業振興課', '秋葉区（区の様式）']);
    expect(all.filter((f) => f.name.startsWith('秋葉区（区の様式）/')).map((f) => f.name)).toContain(
      '秋葉区（区の様式）/秋葉区_組織目標管理シート（区の組織目標）_令和2年度.xlsx',
    );
    expect((await call('GET', '/api/console/templates.zip', TOKENS.kenko)).statusCode).toBe(403);
    expect((await call('GET', '/api/console/templates.zip?division=x', TOKENS.akiha)).statusCode).toBe(404);
  });

  it('recognises a pre-filled 方針書 as this ward-year and division, and its blank body as blank', async () => {
    const one = await call(
      'GET',
      `/api/console/templates/policy-statement/statement?division=${encodeURIComponent('健康福祉課')}`,
      TOKENS.akiha,
    );
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/console/check',
      payload: one.rawPayload,
      headers: { authorization: `Bearer ${TOKENS.kenko}`, 'content-type': XLSX },
    });
    const result = res.json<{
      status: string;
      reason: string;
      recognised: { fiscalYear: number; division: string }[];
    }>();
    expect(result.recognised[0]).toMatchObject({ fiscalYear: 2020, division: '健康福祉課' });
    expect([result.status, result.reason]).toEqual(['rejected', expect.stringContaining('記入がありません')]);
  });

  it("shows a previous fiscal year's collection when asked, labelled as that year", async () => {
    const bytes = await readFile(join(SEEDS, 'akiha-2020-kenko-fukushi.xlsx'));
    const old = await w.runtime.store.put(bytes, {
      ward: 'akiha',
      fiscalYear: 2019,
      division: '健康福祉課',
      role: 'submitter',
      receivedAt: '2020-04-20T01:00:00.000Z',
      fileName: '健康福祉課_令和元年度.xlsx',
    });
    await w.runtime.store.update(old.id, { status: 'accepted', finishedAt: '2020-04-20T01:00:05.000Z' });
    expect((await call('GET', '/api/console/years', TOKENS.akiha)).json()).toEqual([
      { fiscalYear: 2020, label: '令和2年度', current: true },
      { fiscalYear: 2019, label: '令和元年度', current: false },
    ]);
    const past = (await call('GET', '/api/console/status?fiscalYear=2019', TOKENS.akiha)).json<WardStatus>();
    expect([past.ward.fiscalYearLabel, past.deadline, past.counts.accepted, past.counts.missing]).toEqual([
      '令和元年度',
      null,
      1,
      2,
    ]);
    expect(past.rows.find((r) => r.division === '健康福祉課')?.latest?.fileName).toBe('健康福祉課_令和元年度.xlsx');
    const history = (await call('GET', '/api/console/history?fiscalYear=2019', TOKENS.akiha)).json<{ id: string }[]>();
    expect(history.map((h) => h.id)).toEqual([old.id]);
    expect((await call('GET', '/api/console/status?fiscalYear=19', TOKENS.akiha)).statusCode).toBe(400);
    expect((await call('GET', '/api/console/years', TOKENS.kenko)).statusCode).toBe(403);
  });

  it('sends the automatic reminder once, on the day N days before the deadline', async () => {
    const inTwoDays = jstDate(new Date(Date.now() + 2 * 86_400_000));
    await call('PUT', '/api/console/year/deadline', TOKENS.akiha, { deadline: inTwoDays });
    const before = smtp.mails.length;
    const bad = await call('PUT', '/api/console/year/reminders', TOKENS.akiha, { daysBefore: -1 });
    expect(bad.statusCode).toBe(400);
    expect((await call('PUT', '/api/console/year/reminders', TOKENS.akiha, { daysBefore: 2 })).statusCode).toBe(204);
    await until(async () => (smtp.mails.length >= before + 2 ? true : undefined), 10_000, 'automatic reminders');
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.mails.slice(before).map((m) => m.subject)).toEqual([
      '【提出のお願い】令和2年度 目標シート（健康福祉課）',
      '【提出のお願い】令和2年度 目標シート（産業振興課）',
    ]);
    expect(smtp.mails.at(-1)!.text).toContain('（あと2日です）');
    const log = (await call('GET', '/api/console/reminders', TOKENS.akiha)).json<ReminderPreview>().log;
    expect(log.slice(0, 2).map((l) => l.by)).toEqual(['自動（期限の2日前）', '自動（期限の2日前）']);
    const sent = (await call('GET', '/api/audit', TOKENS.akiha)).json<AuditList>().entries[0];
    expect(sent).toMatchObject({ action: 'reminders', by: '自動（期限の2日前）', role: 'system', ward: 'akiha' });
    await call('PUT', '/api/console/year/reminders', TOKENS.akiha, { daysBefore: null });
    await call('PUT', '/api/console/year/deadline', TOKENS.akiha, { deadline: null });
  });

  it('builds the summary once a day at the time the coordinator set', async () => {
    const bad = await call('PUT', '/api/console/year/summary-schedule', TOKENS.akiha, { time: '25:00' });
    expect(bad.statusCode).toBe(400);
    const before = (await call('GET', '/api/console/summaries', TOKENS.akiha)).json<SummaryList>().versions.length;
    await call('PUT', '/api/console/year/summary-schedule', TOKENS.akiha, { time: '00:00' });
    expect((await call('GET', '/api/console/year', TOKENS.akiha)).json<YearInfo>().summaryTime).toBe('00:00');
    const list = await until(async () => {
      const l = (await call('GET', '/api/console/summaries', TOKENS.akiha)).json<SummaryList>();
      return l.versions.length > before ? l : undefined;
    }, 30_000);
    expect(list.versions[0]!.about?.by).toBe('自動（毎日 00:00）');
    const built = (await call('GET', '/api/audit', TOKENS.akiha)).json<AuditList>().entries;
    expect(built.filter((e) => e.action === 'summary-build' && e.role === 'system')).toEqual([
      expect.objectContaining({ by: '自動（毎日 00:00）', ward: 'akiha', target: '令和2年度' }),
    ]);
    await new Promise((r) => setTimeout(r, 1000));
    expect((await call('GET', '/api/console/summaries', TOKENS.akiha)).json<SummaryList>().versions).toHaveLength(
      before + 1,
    );
    await call('PUT', '/api/console/year/summary-schedule', TOKENS.akiha, { time: null });
  });
});
