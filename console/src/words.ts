import type { StatusCode } from './api.ts';

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

/** A submission as a clerk names it: 健康福祉課.xlsx（2021/04/30 09:30 受付）. */
export function versionText(s: { fileName: string | null; receivedAt: string }): string {
  return `${s.fileName ?? '（名前なし）'}（${jst(s.receivedAt)} 受付）`;
}
