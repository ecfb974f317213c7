import type { Ledger, LedgerRow, LedgerVersion, Slot } from '../ledger/types.ts';
import type { KeptSheet } from './latest.ts';
import type { StatusRow, SubmissionInput } from './types.ts';

/** The ledger's rows of divisions, the ward's own sheet first, then files no division can be told from. */
export function allRows(ledger: Ledger): LedgerRow[] {
  return [ledger.wardSheet, ...ledger.divisions, ...ledger.unattributed];
}

function slotOfRow(ledger: Ledger, row: LedgerRow): Slot {
  if (row === ledger.wardSheet) return { kind: 'ward' };
  return ledger.unattributed.includes(row) ? { kind: 'unattributed' } : { kind: 'division', division: row.division };
}

function sameSlot(a: Slot, b: Slot): boolean {
  return a.kind === b.kind && (a.kind !== 'division' || a.division === (b as { division: string }).division);
}

/** The sheets of a submission that fill a row (its verdict for that row names them). */
export function sheetsOfRow(
  ledger: Ledger,
  row: LedgerRow,
  id: string | null,
  byId: ReadonlyMap<string, SubmissionInput>,
): KeptSheet[] {
  const submission = id === null ? undefined : byId.get(id);
  if (!submission) return [];
  const slot = slotOfRow(ledger, row);
  const verdict = submission.verdicts?.find((v) => sameSlot(v.slot, slot));
  const names = new Set(verdict?.sheets ?? submission.sheets.map((s) => s.sheet));
  return submission.sheets
    .filter((sheet) => sheet.family !== null && names.has(sheet.sheet))
    .map((sheet) => ({ submission, sheet, division: row.division }));
}

const STATE_OF: Record<LedgerVersion['status'], StatusRow['state']> = {
  受理: 'used',
  差戻し: 'rejected',
  読込不可: 'unreadable',
  処理中: 'processing',
};

/** One 提出状況 line per version of a row: the counted one 受理, the latest as the ledger says, older ones 差し替え済み. */
function versionRow(row: LedgerRow, v: LedgerVersion, s: SubmissionInput | undefined, ward: boolean): StatusRow {
  const base = {
    division: row.division,
    file: v.file,
    submittedAt: s?.submittedAt ?? s?.mtime ?? v.receivedAt,
    sha256: s?.sha256 ?? null,
    ...(ward ? { wardSheet: true } : {}),
  };
  if (v.counted) {
    const reason = v.latest ? null : '最新の提出が受理されていないため、この版の数値を集計に使っています';
    return { ...base, state: 'used', reason, counted: true };
  }
  // The latest version carries the row's reason, which says when an older version's figures count.
  if (v.latest) return { ...base, state: STATE_OF[v.status], reason: row.reason };
  const was = v.status === '受理' ? '' : `（この版は${v.status}: ${v.reason ?? ''}）`;
  return { ...base, state: 'superseded', reason: `より新しい提出に差し替えられました${was}` };
}

/**
 * 提出状況: the ward's own sheet (when submitted or expected), then every division in the ledger's order
 * with each of its versions (newest first), then files no division can be told from.
 */
export function statusRows(
  ledger: Ledger,
  byId: ReadonlyMap<string, SubmissionInput>,
  showWardSheet: boolean,
): StatusRow[] {
  const rows: StatusRow[] = [];
  const add = (row: LedgerRow, ward: boolean): void => {
    if (row.versions.length === 0) {
      rows.push({
        division: row.division,
        file: null,
        submittedAt: null,
        sha256: null,
        state: 'missing',
        // The ledger gives no reason for 未提出: the state says it all, as on the console.
        reason: row.reason,
        ...(ward ? { wardSheet: true } : {}),
      });
      return;
    }
    for (const v of row.versions) rows.push(versionRow(row, v, byId.get(v.id), ward));
  };
  if (showWardSheet || ledger.wardSheet.versions.length > 0) add(ledger.wardSheet, true);
  for (const row of ledger.divisions) add(row, false);
  for (const row of ledger.unattributed) add(row, false);
  return rows;
}
