// The coordinator's year: 提出期限 (set in the console), 差戻す with a 理由, 督促メール with a preview and a
// record of what was sent, and automatic reminders N days before the deadline. See docs/console.md.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { daysUntil, isCalendarDate } from '../../shared/ledger/deadline.ts';
import { eraFiscalYear } from '../../shared/values/index.ts';
import type { Config, WardConfig } from '../config/index.ts';
import type { Principal } from '../intake/auth.ts';
import { audit } from '../intake/request-log.ts';
import { wardLedger } from '../queue/ward-ledger.ts';
import { isSubmissionId, jstStamp, type SubmissionStore, type YearStore } from '../storage/index.ts';
import type { MailLogEntry, ReminderPreview, WardStatus, YearInfo } from './api-types.ts';
import { contentDisposition } from './cookies.ts';
import { statusWorkbook } from './status-workbook.ts';
import { deadlineText, reminderMails, sendMails } from './reminders.ts';
import { statusCode } from './status-view.ts';
import { actorOf, recordAudit, submissionTarget } from './audit-routes.ts';
import type { AuditTrail } from '../storage/audit-trail.ts';

export interface YearRouteDeps {
  config: Config;
  store: SubmissionStore;
  years: YearStore | null;
  /** 提出状況 as the console shows it (the download uses the same rows and words). */
  statusOf: (ward: WardConfig) => Promise<WardStatus>;
  /** Starts a summary build (the queue's consolidation), for the daily schedule; absent: no schedule. */
  enqueueSummary?: ((ward: string, fiscalYear: number, by: string) => Promise<unknown>) | undefined;
  /** 操作履歴: deadline changes, 差戻し, the status download and reminders are recorded there. */
  trail?: AuditTrail | null;
}

/** Longest 理由 of a 差戻す. */
const REASON_MAX = 500;
/** How often serve looks whether an automatic reminder is due. */
const SCHEDULE_EVERY_MS = 10 * 60_000;

function fail(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).send({ error: { code, message } });
}

export { actorOf };

export function registerYearRoutes(app: FastifyInstance, deps: YearRouteDeps): void {
  const { config, store, years, trail } = deps;
  // 差戻す and its undoing on one submission run one after another in this process (read, then write).
  const running = new Map<string, Promise<unknown>>();
  const onePerSubmission = async <T>(id: string, work: () => Promise<T>): Promise<T> => {
    const before = running.get(id) ?? Promise.resolve();
    const next = before.catch(() => undefined).then(work);
    running.set(id, next);
    try {
      return await next;
    } finally {
      if (running.get(id) === next) running.delete(id);
    }
  };
  const wardOf = (p: Principal | null): WardConfig | undefined =>
    p && p.role !== 'admin' ? config.wards.find((w) => w.id === p.ward) : undefined;
  const coordinatorWard = (req: FastifyRequest, reply: FastifyReply, what: string): WardConfig | null => {
    const p = req.principal;
    const ward = p?.role === 'coordinator' ? wardOf(p) : undefined;
    if (!ward) void fail(reply, 403, 'forbidden', `${what}は区の集計担当だけが行えます。`);
    return ward ?? null;
  };
  const needYears = (reply: FastifyReply): YearStore | null => {
    if (!years) void fail(reply, 503, 'no-storage', '設定を保存する場所（Redis）がありません。');
    return years;
  };

  app.get('/api/console/year', async (req, reply) => {
    const p = req.principal;
    const ward = wardOf(p);
    if (!p || !ward) return fail(reply, 403, 'forbidden', '年度の情報を見る権限がありません。');
    const { ledger, facts } = await wardLedger(store, ward, ward.fiscalYear, years);
    const settings = years ? await years.settings(ward.id, ward.fiscalYear).catch(() => null) : null;
    const row = p.role === 'submitter' ? ledger.divisions.find((r) => r.division === p.division) : undefined;
    const info: YearInfo = {
      fiscalYear: ward.fiscalYear,
      fiscalYearLabel: eraFiscalYear(ward.fiscalYear),
      deadline: facts.deadline,
      configuredDeadline: ward.deadline ?? null,
      today: facts.today,
      pastDeadline: ledger.pastDeadline,
      daysLeft: facts.deadline ? daysUntil(facts.deadline, facts.today) : null,
      own: row ? { status: statusCode(row.status), reason: row.reason, overdue: row.overdue } : null,
      reminderDaysBefore: settings?.reminderDaysBefore ?? null,
      summaryTime: settings?.summaryTime ?? null,
      mailEnabled: config.mail !== undefined,
    };
    return reply.header('cache-control', 'no-store').send(info);
  });

  // The fiscal years this ward has collected (with the configured one), newest first, to look back at.
  app.get('/api/console/years', async (req, reply) => {
    const ward = coordinatorWard(req, reply, '年度の一覧');
    if (!ward) return reply;
    const seen = new Set((await store.list({ ward: ward.id })).map((m) => m.fiscalYear));
    seen.add(ward.fiscalYear);
    const list = [...seen]
      .sort((a, b) => b - a)
      .map((y) => ({ fiscalYear: y, label: eraFiscalYear(y), current: y === ward.fiscalYear }));
    return reply.header('cache-control', 'no-store').send(list);
  });

  // 提出期限: the coordinator sets (or clears, back to the config's) the deadline of their ward's year.
  app.put('/api/console/year/deadline', async (req, reply) => {
    const ward = coordinatorWard(req, reply, '提出期限の変更');
    if (!ward) return reply;
    const store = needYears(reply);
    if (!store) return reply;
    const deadline = (req.body as { deadline?: unknown } | null)?.deadline;
    if (deadline !== null && (typeof deadline !== 'string' || !isCalendarDate(deadline)))
      return fail(reply, 400, 'bad-deadline', '提出期限は 2021-04-30 のように実在する年-月-日で指定してください。');
    await store.update(ward.id, ward.fiscalYear, { deadline });
    audit(req, { deadline: deadline ?? 'config' });
    await recordAudit(trail, req, 'deadline', {
      ward: ward.id,
      detail: deadline ? `提出期限を ${deadlineText(deadline)} に変更` : '提出期限を設定ファイルの日付に戻す',
    });
    return reply.code(204).send();
  });

  // Automatic reminders: N days before the deadline (0 = on the day), or null for none.
  app.put('/api/console/year/reminders', async (req, reply) => {
    const ward = coordinatorWard(req, reply, '督促の予定の変更');
    if (!ward) return reply;
    const store = needYears(reply);
    if (!store) return reply;
    const days = (req.body as { daysBefore?: unknown } | null)?.daysBefore;
    if (days !== null && (typeof days !== 'number' || !Number.isInteger(days) || days < 0 || days > 60))
      return fail(reply, 400, 'bad-days', '督促は期限の 0〜60 日前の整数で指定してください（止めるときは空に）。');
    if (days !== null && !config.mail)
      return fail(reply, 409, 'no-mail', 'メールの設定（mail）がないため、督促メールは送れません。');
    await store.update(ward.id, ward.fiscalYear, { reminderDaysBefore: days, lastAutoReminder: null });
    return reply.code(204).send();
  });

  // A daily summary build at a Japan time (HH:MM), or null for builds on request only.
  app.put('/api/console/year/summary-schedule', async (req, reply) => {
    const ward = coordinatorWard(req, reply, '集計の予定の変更');
    if (!ward) return reply;
    const store = needYears(reply);
    if (!store) return reply;
    const time = (req.body as { time?: unknown } | null)?.time;
    if (time !== null && (typeof time !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)))
      return fail(reply, 400, 'bad-time', '集計の時刻は 07:30 のように 24 時間制の時:分で指定してください。');
    await store.update(ward.id, ward.fiscalYear, { summaryTime: time });
    return reply.code(204).send();
  });

  // 差戻す: the coordinator sends back a submission the checks let through, with a required 理由.
  app.post('/api/console/submissions/:id/send-back', async (req, reply) => {
    const ward = coordinatorWard(req, reply, '差戻し');
    if (!ward) return reply;
    const { id } = req.params as { id: string };
    const meta = isSubmissionId(id) ? await store.get(id) : null;
    if (!meta || meta.ward !== ward.id) return fail(reply, 404, 'not-found', '提出が見つかりません。');
    if (meta.status !== 'accepted' && meta.status !== 'rejected')
      return fail(reply, 409, 'not-final', 'この提出はまだ処理中です。処理が終わってから差し戻してください。');
    const raw = (req.body as { reason?: unknown } | null)?.reason;
    const reason = typeof raw === 'string' ? raw.replace(/\s+/g, ' ').trim() : '';
    if (reason === '') return fail(reply, 400, 'reason-required', '差し戻す理由を入力してください。');
    if ([...reason].length > REASON_MAX)
      return fail(reply, 400, 'reason-too-long', `理由は ${REASON_MAX} 文字以内で入力してください。`);
    // Once only: a double click or a second tab neither sends back twice nor silently replaces the 理由.
    const done = await onePerSubmission(id, async () => {
      const now = await store.get(id);
      if (now?.sentBack) return false;
      await store.update(id, { sentBack: { reason, by: actorOf(req.principal!), at: new Date().toISOString() } });
      return true;
    });
    if (!done)
      return fail(
        reply,
        409,
        'already-sent-back',
        'この提出はすでに差し戻しています。理由を変えるときは、差戻しを取り消してから差し戻し直してください。',
      );
    audit(req, { submission: id, action: 'send-back' });
    await recordAudit(trail, req, 'send-back', {
      ward: ward.id,
      division: meta.division,
      target: submissionTarget(meta),
      detail: `理由: ${reason}`,
    });
    return reply.code(204).send();
  });

  app.delete('/api/console/submissions/:id/send-back', async (req, reply) => {
    const ward = coordinatorWard(req, reply, '差戻しの取り消し');
    if (!ward) return reply;
    const { id } = req.params as { id: string };
    const meta = isSubmissionId(id) ? await store.get(id) : null;
    if (!meta || meta.ward !== ward.id) return fail(reply, 404, 'not-found', '提出が見つかりません。');
    await onePerSubmission(id, () => store.update(id, { sentBack: null }));
    audit(req, { submission: id, action: 'undo-send-back' });
    await recordAudit(trail, req, 'undo-send-back', {
      ward: ward.id,
      division: meta.division,
      target: submissionTarget(meta),
    });
    return reply.code(204).send();
  });

  // 提出状況をダウンロード: the same rows and words as the screen, as an .xlsx named in Japan time.
  app.get('/api/console/status.xlsx', async (req, reply) => {
    const ward = coordinatorWard(req, reply, '提出状況のダウンロード');
    if (!ward) return reply;
    const now = new Date();
    const bytes = await statusWorkbook(await deps.statusOf(ward), now);
    const stamp = jstStamp(now);
    audit(req, { action: 'status-download' });
    await recordAudit(trail, req, 'status-download', {
      ward: ward.id,
      target: `${ward.name}_${eraFiscalYear(ward.fiscalYear)}_提出状況_${stamp}.xlsx`,
    });
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header(
        'content-disposition',
        contentDisposition(
          `${ward.name}_${eraFiscalYear(ward.fiscalYear)}_提出状況_${stamp}.xlsx`,
          `status-${ward.id}-${ward.fiscalYear}-${stamp}.xlsx`,
        ),
      )
      .header('cache-control', 'no-store')
      .send(bytes);
  });

  // 督促メールを送る: the preview (what would go to whom) and the record of what was sent.
  const preview = async (ward: WardConfig) => {
    const { ledger, facts } = await wardLedger(store, ward, ward.fiscalYear, years);
    return reminderMails(ward, ledger, facts.today, config.publicUrl);
  };
  const mailLog = async (ward: WardConfig): Promise<MailLogEntry[]> =>
    years ? await years.mails(ward.id, ward.fiscalYear).catch(() => []) : [];

  app.get('/api/console/reminders', async (req, reply) => {
    const ward = coordinatorWard(req, reply, '督促メール');
    if (!ward) return reply;
    const answer: ReminderPreview = {
      ...(await preview(ward)),
      cc: config.mail?.cc ?? [],
      log: await mailLog(ward),
    };
    return reply.header('cache-control', 'no-store').send(answer);
  });

  app.post('/api/console/reminders', async (req, reply) => {
    const ward = coordinatorWard(req, reply, '督促メール');
    if (!ward) return reply;
    if (!config.mail)
      return fail(
        reply,
        409,
        'no-mail',
        'メールの設定（mail）がないため、督促メールは送れません。管理者に設定を依頼してください。',
      );
    const store = needYears(reply);
    if (!store) return reply;
    // One send per ward a minute, across every serve: a double click or a second tab mails nobody twice.
    // Only a send that delivered at least one mail keeps the minute; one where every mail failed gives it back.
    // The claim lasts 60 s from the press (not the calendar minute), so a press just after a minute boundary waits too.
    const task = 'send';
    if (!(await store.claim(ward.id, ward.fiscalYear, task, 60)))
      return fail(
        reply.header('retry-after', '60'),
        429,
        'just-sent',
        '督促メールは 1 分以内に送ったばかりです。送信の記録を確かめてから、必要なら 1 分後に送り直してください。',
      );
    let records: Awaited<ReturnType<typeof sendMails>>;
    try {
      const { mails } = await preview(ward);
      records = await sendMails(config.mail, mails, actorOf(req.principal!), undefined, (division, err) =>
        req.log.warn({ err: err instanceof Error ? err.message : String(err), division }, 'reminder mail failed'),
      );
    } catch (err) {
      await store.release(ward.id, ward.fiscalYear, task);
      throw err;
    }
    if (!records.some((r) => r.ok)) await store.release(ward.id, ward.fiscalYear, task);
    for (const r of records) await store.addMail(ward.id, ward.fiscalYear, r);
    audit(req, { action: 'reminders', sent: records.filter((r) => r.ok).length });
    await recordAudit(trail, req, 'reminders', {
      ward: ward.id,
      target: records.map((r) => r.division).join('、') || null,
      detail: reminderDetail(records),
    });
    return reply.send({
      sent: records.filter((r) => r.ok).length,
      failed: records.filter((r) => !r.ok).length,
      records,
    });
  });

  // Scheduled work: every serve looks every 10 minutes; a task claimed in Redis runs once a day, on one process.
  if (years) {
    const mail = config.mail;
    const tick = async () => {
      const now = new Date();
      for (const ward of config.wards) {
        const settings = await years.settings(ward.id, ward.fiscalYear);
        const { ledger, facts } = await wardLedger(store, ward, ward.fiscalYear, years);
        if (
          deps.enqueueSummary &&
          settings.summaryTime !== null &&
          jstStamp(now).slice(11) >= settings.summaryTime.replace(':', '') &&
          (await years.claim(ward.id, ward.fiscalYear, `summary:${facts.today}`))
        ) {
          const by = `自動（毎日 ${settings.summaryTime}）`;
          await deps.enqueueSummary(ward.id, ward.fiscalYear, by);
          await trail?.record({
            ...systemEntry(ward.id, by),
            action: 'summary-build',
            target: eraFiscalYear(ward.fiscalYear),
          });
        }
        if (!mail || settings.reminderDaysBefore === null || !facts.deadline) continue;
        const left = daysUntil(facts.deadline, facts.today);
        if (left !== settings.reminderDaysBefore || settings.lastAutoReminder === facts.today) continue;
        if (!(await years.claim(ward.id, ward.fiscalYear, `reminder:${facts.today}`))) continue;
        await years.update(ward.id, ward.fiscalYear, { lastAutoReminder: facts.today });
        const { mails } = reminderMails(ward, ledger, facts.today, config.publicUrl);
        const by = `自動（期限の${settings.reminderDaysBefore}日前）`;
        const sent = await sendMails(mail, mails, by, undefined, (division, err) =>
          app.log.warn({ err: err instanceof Error ? err.message : String(err), division }, 'reminder mail failed'),
        );
        for (const r of sent) await years.addMail(ward.id, ward.fiscalYear, r);
        if (sent.length > 0)
          await trail?.record({
            ...systemEntry(ward.id, by),
            action: 'reminders',
            target: sent.map((r) => r.division).join('、'),
            detail: reminderDetail(sent),
          });
      }
    };
    let timer: NodeJS.Timeout | null = null;
    app.addHook('onReady', async () => {
      const run = () => void tick().catch((err: Error) => app.log.warn({ err: err.message }, 'year schedule'));
      timer = setInterval(run, Number(process.env['MOKUHYO_SCHEDULE_CHECK_MS']) || SCHEDULE_EVERY_MS);
      timer.unref();
      run();
    });
    app.addHook('onClose', async () => {
      if (timer) clearInterval(timer);
    });
  }
}

/** 督促メール n 件送信（m 件は送れず）. */
function reminderDetail(records: readonly { ok: boolean }[]): string {
  const failed = records.filter((r) => !r.ok).length;
  return `督促メール ${records.length - failed} 件送信${failed > 0 ? `（${failed} 件は送れず）` : ''}`;
}

/** An entry for what the service did by itself (a scheduled build or reminder). */
function systemEntry(ward: string, by: string) {
  return { by, role: 'system' as const, ward, division: null, target: null, detail: null };
}
