import type { AuditAction, StatusCode } from './api.ts';

/** The one status word a clerk sees for each state (docs/console.md). */
export const STATUS_WORD: Record<StatusCode, string> = {
  missing: '未提出',
  processing: '処理中',
  accepted: '受理',
  rejected: '差戻し',
  unreadable: '読込不可',
};

export const STATUS_COLOR: Record<StatusCode, 'informative' | 'warning' | 'success' | 'danger' | 'severe'> = {
  missing: 'informative',
  processing: 'warning',
  accepted: 'success',
  rejected: 'danger',
  unreadable: 'severe',
};

const JST = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant as Japan time, e.g. 2020/06/01 09:30. */
export function jst(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '—' : JST.format(date);
}

export function bytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
}

export { dateText, daysLeftText } from '../../ui/deadline-text.ts';

/**
 * A submission's file name as everywhere in the console, 操作履歴 and downloads: the name it came with, or,
 * for a file sent without one (the API), `<課>_提出.xlsx` — the name its download and 操作履歴 carry.
 */
export function fileNameOf(s: { fileName: string | null; division?: string | null }): string {
  return s.fileName ?? (s.division ? `${s.division}_提出.xlsx` : '（名前なし）');
}

/** A submission as a clerk names it: 健康福祉課.xlsx（2021/04/30 09:30 受付）. */
export function versionText(s: { fileName: string | null; receivedAt: string; division?: string | null }): string {
  return `${fileNameOf(s)}（${jst(s.receivedAt)} 受付）`;
}

/** The role words the console uses (sign-in hint, header, トークン, 操作履歴). */
export const ROLE_WORD: Record<'submitter' | 'coordinator' | 'admin' | 'system', string> = {
  submitter: '提出担当',
  coordinator: '集計担当',
  admin: '管理者',
  system: '自動',
};

/** What an 操作履歴 entry did, as a clerk reads it. */
export const AUDIT_WORD: Record<AuditAction, string> = {
  submit: '提出',
  'send-back': '差戻し',
  'undo-send-back': '差戻しの取り消し',
  'summary-build': '集計の作成',
  'summary-download': '集計のダウンロード',
  'workbook-download': 'ブックのダウンロード',
  'status-download': '提出状況のダウンロード',
  'token-issue': 'トークンの発行',
  'token-revoke': 'トークンの取り消し',
  reminders: '督促メールの送信',
  deadline: '提出期限の変更',
};
