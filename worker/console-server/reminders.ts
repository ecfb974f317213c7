// 督促メール: one mail per division still 未提出 or sent back (差戻し, 読込不可) that has an address,
// saying what is missing or wrong, sent through the ward's SMTP server with nodemailer.
import { daysUntil } from '../../shared/ledger/deadline.ts';
import type { Ledger } from '../../shared/ledger/types.ts';
import { eraFiscalYear } from '../../shared/values/index.ts';
import type { Config, WardConfig } from '../config/index.ts';
import type { MailRecord } from '../storage/index.ts';
import type { ReminderMail } from './api-types.ts';

/** The statuses a reminder is about: nothing usable has arrived. */
const REMIND = new Set(['未提出', '差戻し', '読込不可']);

/** A YYYY-MM-DD deadline as 2021年4月30日. */
export function deadlineText(deadline: string): string {
  const [y, m, d] = deadline.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function deadlineLine(deadline: string | null, today: string): string {
  if (!deadline) return '';
  const left = daysUntil(deadline, today);
  const when =
    left < 0 ? `（期限を${-left}日過ぎています）` : left === 0 ? '（本日が期限です）' : `（あと${left}日です）`;
  return `提出期限: ${deadlineText(deadline)}${when}\n`;
}

/** The mails 督促メールを送る would send now, and the divisions that would get one but have no address. */
export function reminderMails(
  ward: WardConfig,
  ledger: Ledger,
  today: string,
  publicUrl: string | undefined,
): { mails: ReminderMail[]; noAddress: string[] } {
  const year = eraFiscalYear(ledger.fiscalYear ?? ward.fiscalYear);
  const mails: ReminderMail[] = [];
  const noAddress: string[] = [];
  for (const row of ledger.divisions) {
    if (!row.expected || !REMIND.has(row.status)) continue;
    const to = ward.divisionEmails?.[row.division] ?? [];
    if (to.length === 0) {
      noAddress.push(row.division);
      continue;
    }
    const missing = row.status === '未提出';
    const status = row.overdue ? `${row.status}（期限超過）` : row.status;
    const subject = missing
      ? `【提出のお願い】${year} 目標シート（${row.division}）`
      : `【再提出のお願い】${year} 目標シート（${row.division}）`;
    const what = missing
      ? `${ward.name}の${year}の目標シートが、まだ提出されていません。`
      : row.status === '読込不可'
        ? `提出された目標シートを読み込めませんでした。修正したファイルを提出し直してください。`
        : `提出された目標シートが差し戻されています。修正して提出し直してください。`;
    const reason = row.reason ? `理由: ${row.reason}\n` : '';
    const where = publicUrl ? `提出は目標シートの画面から行えます: ${publicUrl.replace(/\/+$/, '')}/\n` : '';
    const body =
      `${row.division} ご担当者様\n\n${what}\n${reason}${deadlineLine(ledger.deadline, today)}\n` +
      `${where}Excel のアドイン、または目標シートの画面（確認と提出）から提出してください。\n\n` +
      `${ward.name} 目標シート 集計担当\n（このメールは目標シートのシステムから送信しています）\n`;
    mails.push({ division: row.division, to, subject, body, status });
  }
  return { mails, noAddress };
}

/**
 * Why a mail could not be sent, in words for a clerk: nodemailer's error code (ECONNECTION, EAUTH,
 * EENVELOPE…) and the SMTP reply code, never the raw message (that goes to the server log only).
 */
export function mailFailureReason(err: unknown): string {
  const e = (typeof err === 'object' && err !== null ? err : {}) as {
    code?: unknown;
    responseCode?: unknown;
    command?: unknown;
    message?: unknown;
  };
  const code = typeof e.code === 'string' ? e.code : '';
  const reply = typeof e.responseCode === 'number' ? e.responseCode : 0;
  const command = typeof e.command === 'string' ? e.command.toUpperCase() : '';
  const message = typeof e.message === 'string' ? e.message : '';
  const prefix = '送信できませんでした: ';
  if (code === 'EAUTH' || code === 'ENOAUTH' || reply === 535 || reply === 530 || command.startsWith('AUTH'))
    return `${prefix}メールサーバーの認証に失敗しました。設定（mail の利用者名とパスワード）を管理者に確かめてもらってください。`;
  if (code === 'EENVELOPE' || command.startsWith('RCPT') || /recipient/i.test(message))
    return `${prefix}宛先がメールサーバーに拒否されました。宛先のアドレスが正しいか確かめてください。`;
  if (code === 'ETLS' || /certificate|TLS|SSL/i.test(message))
    return `${prefix}メールサーバーとの暗号化（TLS）の接続に失敗しました。管理者に設定を確かめてもらってください。`;
  if (code === 'EDNS' || /ENOTFOUND|EAI_AGAIN/.test(message))
    return `${prefix}メールサーバーの名前が見つかりませんでした。管理者に設定を確かめてもらってください。`;
  if (code === 'ETIMEDOUT' || /timed? ?out/i.test(message))
    return `${prefix}メールサーバーが時間内に応答しませんでした。しばらくしてから送り直してください。`;
  if (code === 'ECONNECTION' || code === 'ESOCKET' || /ECONNREFUSED|ECONNRESET|EHOSTUNREACH/.test(message))
    return `${prefix}メールサーバーに接続できませんでした。しばらくしてから送り直し、続くときは管理者に連絡してください。`;
  if (code === 'EMESSAGE' || (reply >= 500 && command.startsWith('DATA')))
    return `${prefix}メールサーバーがメールの受け取りを拒否しました。管理者に連絡してください。`;
  if (reply >= 400 && reply < 500)
    return `${prefix}メールサーバーが一時的に受け付けませんでした。しばらくしてから送り直してください。`;
  return `${prefix}メールサーバーでエラーが起きました。管理者に連絡してください。`;
}

/** Sends the mails one by one (one failure does not stop the rest) and answers what happened to each. */
export async function sendMails(
  mail: NonNullable<Config['mail']>,
  mails: readonly ReminderMail[],
  by: string,
  now: () => Date = () => new Date(),
  /** Where the raw SMTP error goes (the server log); the record keeps only the Japanese reason. */
  logFailure: (division: string, err: unknown) => void = () => undefined,
): Promise<MailRecord[]> {
  const { createTransport } = await import('nodemailer');
  const transport = createTransport(mail.smtp, { from: mail.from });
  const records: MailRecord[] = [];
  try {
    for (const m of mails) {
      const base = { by, division: m.division, to: m.to, cc: [...mail.cc], subject: m.subject, status: m.status };
      try {
        await transport.sendMail({
          to: m.to,
          ...(mail.cc.length > 0 ? { cc: mail.cc } : {}),
          subject: m.subject,
          text: m.body,
        });
        records.push({ at: now().toISOString(), ...base, ok: true, error: null });
      } catch (err) {
        logFailure(m.division, err);
        records.push({ at: now().toISOString(), ...base, ok: false, error: mailFailureReason(err) });
      }
    }
  } finally {
    transport.close();
  }
  return records;
}
