import { judgeSubmission } from '../../shared/ledger/judge-submission.ts';
import type { JudgedSubmission, LedgerScope, Sender } from '../../shared/ledger/types.ts';
import { renderFinding } from '../../shared/messages/render.ts';
import type { WardConfig } from '../config/index.ts';
import type { ContentEntry } from '../storage/content-index.ts';
import type { SubmissionMeta } from '../storage/index.ts';
import type { IngestResult } from './ingest-workbook.ts';

/** The ward-year a ward's submissions are judged against: its name, year, divisions and 提出期限. */
export function scopeOf(ward: WardConfig): LedgerScope {
  return {
    ward: ward.name,
    fiscalYear: ward.fiscalYear,
    divisions: ward.divisions,
    wardSheetDivision: ward.wardSheetDivision ?? null,
    deadline: ward.deadline ?? null,
  };
}

/**
 * Who sent a stored submission: the role recorded at intake, or — for records written before roles were
 * kept — the coordinator when it was filed under the ward's own name.
 */
export function senderOf(meta: Pick<SubmissionMeta, 'division' | 'role'>, ward: WardConfig | undefined): Sender {
  const coordinator =
    meta.role === 'coordinator' ||
    (meta.role === undefined &&
      ward !== undefined &&
      meta.division === ward.name &&
      !ward.divisions.includes(ward.name));
  return coordinator ? { role: 'coordinator', division: null } : { role: 'submitter', division: meta.division };
}

/**
 * The intake's decision on a read submission: the shared judgement (whose and which sheet, against this
 * ward-year), plus a warning for the coordinator when another division of the ward-year sent the same bytes.
 */
export function decideSubmission(
  result: IngestResult,
  ward: WardConfig,
  meta: Pick<SubmissionMeta, 'division' | 'role'>,
  sameContent: readonly ContentEntry[] = [],
): JudgedSubmission {
  const sender = senderOf(meta, ward);
  const judged = judgeSubmission(result, scopeOf(ward), sender);
  const others = [
    ...new Set(sameContent.filter((e) => e.ward === ward.id && e.division !== meta.division).map((e) => e.division)),
  ];
  if (others.length === 0) return judged;
  const warning = renderFinding({
    code: 'identity.duplicate-content',
    severity: 'warning',
    cell: null,
    params: { divisions: others.join('、') },
  });
  return {
    ...judged,
    sheets: judged.sheets.map((s) => (s.family ? { ...s, findings: [warning, ...s.findings] } : s)),
  };
}
