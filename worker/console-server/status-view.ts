// The console's 提出状況 and a submission's summary, as the ward-year's ledger decides them: the page shows
// the same word, counted version and reason as the intake's verdict, the ledger route and the summary.
import { versionOf } from '../../shared/ledger/build-ledger.ts';
import type { Ledger, LedgerRow, LedgerStatus } from '../../shared/ledger/types.ts';
import { eraFiscalYear } from '../../shared/values/index.ts';
import type { WardConfig } from '../config/index.ts';
import type { SubmissionMeta } from '../storage/index.ts';
import type { DivisionRow, StatusCode, SubmissionSummary, WardInfo, WardStatus } from './api-types.ts';

const CODE_OF: Record<LedgerStatus, StatusCode> = {
  未提出: 'missing',
  処理中: 'processing',
  受理: 'accepted',
  差戻し: 'rejected',
  読込不可: 'unreadable',
};

export function statusCode(status: LedgerStatus): StatusCode {
  return CODE_OF[status];
}

export function wardInfo(ward: WardConfig): WardInfo {
  return { id: ward.id, name: ward.name, fiscalYear: ward.fiscalYear, fiscalYearLabel: eraFiscalYear(ward.fiscalYear) };
}

/** A submission's word, reason and whether it counts, from the ledger (处理中 while it has no decision yet). */
export function ledgerStanding(
  ledger: Ledger,
  meta: SubmissionMeta,
): Pick<SubmissionSummary, 'status' | 'reason' | 'counted'> {
  const found = versionOf(ledger, meta.id);
  if (!found) return { status: 'processing', reason: null, counted: false };
  const { version } = found;
  return {
    status: CODE_OF[version.status] as SubmissionSummary['status'],
    reason: version.reason,
    counted: version.counted,
  };
}

/** One row of 提出状況 from its ledger row: the word, reason, 期限超過, and its latest and counted submissions. */
export async function rowView(
  row: LedgerRow,
  byId: ReadonlyMap<string, SubmissionMeta>,
  summary: (meta: SubmissionMeta) => Promise<SubmissionSummary>,
): Promise<DivisionRow> {
  const latest = row.submission ? byId.get(row.submission) : undefined;
  const counted = row.counted && row.counted !== row.submission ? byId.get(row.counted) : undefined;
  return {
    division: row.division,
    expected: row.expected,
    status: CODE_OF[row.status],
    reason: row.reason,
    latest: latest ? await summary(latest) : null,
    counted: counted ? await summary(counted) : null,
    overdue: row.overdue,
  };
}

/** 提出状況: the ward sheet's row, one row per division in the ledger's order, the ledger's counts. */
export async function wardStatus(
  ward: WardConfig,
  ledger: Ledger,
  metas: readonly SubmissionMeta[],
  summary: (meta: SubmissionMeta) => Promise<SubmissionSummary>,
  today: string,
): Promise<WardStatus> {
  const byId = new Map(metas.map((m) => [m.id, m]));
  const view = (row: LedgerRow) => rowView(row, byId, summary);
  const c = ledger.counts;
  return {
    ward: wardInfo(ward),
    counts: {
      expected: c.expected,
      submitted: c.submitted,
      accepted: c.受理,
      missing: c.未提出,
      processing: c.処理中,
      rejected: c.差戻し,
      unreadable: c.読込不可,
      overdue: ledger.divisions.filter((r) => r.expected && r.overdue).length,
    },
    wardSheet: await view(ledger.wardSheet),
    rows: await Promise.all(ledger.divisions.map(view)),
    deadline: ledger.deadline,
    today,
    pastDeadline: ledger.pastDeadline,
    busy: metas.some((m) => m.status === 'queued' || m.status === 'processing'),
  };
}
