import { versionOf } from '../../shared/ledger/build-ledger.ts';
import type { Ledger, LedgerRow, LedgerStatus } from '../../shared/ledger/types.ts';
import type { WardConfig } from '../config/index.ts';
import type { SubmissionMeta, SubmissionStore, YearStore } from '../storage/index.ts';
import { wardLedger } from './ward-ledger.ts';

/** A ledger row as the HTTP API answers it. */
export interface LedgerRowDocument {
  division: string;
  expected: boolean;
  status: LedgerStatus;
  submission: string | null;
  counted: string | null;
  reason: string | null;
  /** 期限超過: past the deadline and still 未提出, 差戻し or 読込不可. */
  overdue: boolean;
}

/** `GET /api/wards/:ward/:fiscalYear/status`: the ward-year's ledger. */
export interface LedgerDocument {
  ward: string;
  wardName: string;
  fiscalYear: number | null;
  deadline: string | null;
  /** The deadline has passed (Japan time). */
  pastDeadline: boolean;
  wardSheet: Omit<LedgerRowDocument, 'division' | 'expected'>;
  divisions: LedgerRowDocument[];
  counts: Ledger['counts'];
}

function rowDocument(row: LedgerRow): LedgerRowDocument {
  return {
    division: row.division,
    expected: row.expected,
    status: row.status,
    submission: row.submission,
    counted: row.counted,
    reason: row.reason,
    overdue: row.overdue,
  };
}

export function ledgerDocument(ward: WardConfig, ledger: Ledger): LedgerDocument {
  const { status, submission, counted, reason, overdue } = ledger.wardSheet;
  return {
    ward: ward.id,
    wardName: ward.name,
    fiscalYear: ledger.fiscalYear,
    deadline: ledger.deadline,
    pastDeadline: ledger.pastDeadline,
    wardSheet: { status, submission, counted, reason, overdue },
    divisions: ledger.divisions.map(rowDocument),
    counts: ledger.counts,
  };
}

/** What `GET /api/submissions/:id` adds: the ledger's word for this submission and for its row. */
export interface SubmissionVerdictDocument {
  /** This submission's word: 処理中, 受理, 差戻し or 読込不可. */
  status: Exclude<LedgerStatus, '未提出'>;
  reason: string | null;
  /** Its figures are the ones the summary uses. */
  counted: boolean;
  /** It is the latest submission of its row. */
  latest: boolean;
  /** The row it fills (the division, or the ward's own sheet) as the console shows it. */
  row: LedgerRowDocument & { wardSheet: boolean };
  /** 提出期限 of the ward-year (YYYY-MM-DD), or null. */
  deadline: string | null;
}

export async function submissionVerdict(
  store: SubmissionStore,
  ward: WardConfig,
  meta: SubmissionMeta,
  years?: YearStore | null,
): Promise<SubmissionVerdictDocument | null> {
  const { ledger } = await wardLedger(store, ward, meta.fiscalYear, years);
  const found = versionOf(ledger, meta.id);
  if (!found) return null;
  const { row, version, wardSheet } = found;
  return {
    status: version.status,
    reason: version.reason,
    counted: version.counted,
    latest: version.latest,
    row: { ...rowDocument(row), wardSheet },
    deadline: ledger.deadline,
  };
}
