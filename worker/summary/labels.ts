import type { Severity } from '../../shared/model/finding.ts';
import type { FamilyId } from '../../shared/model/record.ts';
import type { DivisionState, StatusRow } from '../../shared/summary/index.ts';

export const SEVERITY_LABELS: Record<Severity, string> = { error: 'エラー', warning: '警告', info: '情報' };

export const STATE_LABELS: Record<StatusRow['state'], string> = {
  used: '受理',
  superseded: '差し替え済み',
  rejected: '差戻し',
  unreadable: '読込不可',
  missing: '未提出',
  processing: '処理中',
  'out-of-scope': '対象外',
};

/** Short Japanese names of the forms, as the 概要 lists them. */
export const FAMILY_SHORT: Record<FamilyId, string> = {
  'org-goals': '組織目標',
  'action-plan': '実施計画',
  'policy-review': '自己評価',
  'policy-statement': '方針書',
  'plan-measures': '施策シート',
};

/** A division's standing on the 概要. */
export const DIVISION_STATE_LABELS: Record<DivisionState, string> = {
  accepted: '受理',
  rejected: '差戻し',
  unreadable: '読込不可',
  missing: '未提出',
  processing: '処理中',
};

/** An ISO time as Japan Standard Time, as staff read it ("2020/05/01 09:30"). */
export function jst(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  // Japan has kept UTC+9 without daylight saving since 1952: add nine hours and read the UTC fields, which
  // spares every run the ≈ 15 ms an ICU time-zone formatter costs to create. Older times go through ICU.
  if (d.getTime() < SINCE_1952) return historicJst().format(d);
  const t = new Date(d.getTime() + 9 * 3_600_000);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${t.getUTCFullYear()}/${two(t.getUTCMonth() + 1)}/${two(t.getUTCDate())} ${two(t.getUTCHours())}:${two(t.getUTCMinutes())}`;
}

const SINCE_1952 = Date.UTC(1952, 0, 1);
let historic: Intl.DateTimeFormat | undefined;

function historicJst(): Intl.DateTimeFormat {
  historic ??= new Intl.DateTimeFormat('ja-JP', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  return historic;
}
