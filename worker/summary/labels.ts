import type { Severity } from '../../shared/model/finding.ts';
import type { StatusRow } from '../../shared/summary/index.ts';

export const SEVERITY_LABELS: Record<Severity, string> = { error: 'エラー', warning: '警告', info: '情報' };

export const STATE_LABELS: Record<StatusRow['state'], string> = {
  used: '採用',
  superseded: '差し替え済み',
  rejected: '差戻し',
  unreadable: '読込不可',
  missing: '未提出',
  'out-of-scope': '対象外',
};

/** An ISO time as Japan Standard Time, as staff read it ("2020/05/01 09:30"). */
export function jst(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return JST.format(d);
}

// One formatter for every call: each new Intl.DateTimeFormat holds native ICU memory until collected.
const JST = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
