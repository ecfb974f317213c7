import { dateText, daysLeftText } from '../../../ui/deadline-text.ts';
import type { UserSettings } from '../excel/user-settings.ts';
import { intakeBase } from './submit-workbook.ts';

/** The ward-year's 提出期限 as the web console shows it to the division, for the pane to show before 提出. */
export interface CollectionDeadline {
  /** YYYY-MM-DD (Japan time). */
  deadline: string;
  /** Days until it (0 on the day, negative after). */
  daysLeft: number | null;
  /** This division's row is 期限超過 (the ledger's word). */
  overdue: boolean;
}

/**
 * Asks the intake (`GET /api/console/year`, the division's token) for the deadline in force. Null when there is
 * none, when the pane is not set up yet, or when the intake cannot be reached: the deadline is a reminder, so
 * nothing here ever stands in the way of checking or submitting.
 */
export async function fetchDeadline(deps: {
  settings: UserSettings;
  fetch: typeof fetch;
  timeoutMs?: number;
}): Promise<CollectionDeadline | null> {
  const { settings } = deps;
  if (!settings.intakeUrl.trim() || !settings.token.trim()) return null;
  let base: string;
  try {
    base = intakeBase(settings.intakeUrl);
  } catch {
    return null;
  }
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), deps.timeoutMs ?? 10_000);
  try {
    const res = await deps.fetch(`${base}/api/console/year`, {
      headers: { authorization: `Bearer ${settings.token.trim()}` },
      signal: abort.signal,
    });
    if (!res.ok) return null;
    const body = (await res.json()) as { deadline?: unknown; daysLeft?: unknown; own?: { overdue?: unknown } | null };
    if (typeof body.deadline !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(body.deadline)) return null;
    return {
      deadline: body.deadline,
      daysLeft: typeof body.daysLeft === 'number' && Number.isInteger(body.daysLeft) ? body.daysLeft : null,
      overdue: body.own?.overdue === true,
    };
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** 提出期限 2021年4月30日（あと3日）, or （期限超過） for a row the ledger marks late: the console's words. */
export function deadlineText(d: CollectionDeadline): string {
  const when = d.overdue ? '期限超過' : daysLeftText(d.daysLeft);
  return `提出期限 ${dateText(d.deadline)}${when ? `（${when}）` : ''}`;
}
