// 提出期限: whether a ward-year's deadline has passed and which rows are late. Dates are plain
// YYYY-MM-DD strings in Japan time; "today" is always given by the caller (shared/ never reads the clock).
import type { LedgerStatus } from './types.ts';

const DAY = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A YYYY-MM-DD string that names a real day. */
export function isCalendarDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
}

/** True once `today` is after the deadline (the deadline day itself is still on time). */
export function pastDeadline(deadline: string | null | undefined, today: string | null | undefined): boolean {
  return Boolean(deadline && today && today > deadline);
}

/** Days from `today` to the deadline: 0 on the day, negative once past. */
export function daysUntil(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY);
}

/** A row is 期限超過 when the deadline has passed and it still has no usable sheet (未提出, 差戻し, 読込不可). */
export function overdueStatus(status: LedgerStatus, late: boolean): boolean {
  return late && (status === '未提出' || status === '差戻し' || status === '読込不可');
}
