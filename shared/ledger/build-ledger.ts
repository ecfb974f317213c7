import { overdueStatus, pastDeadline } from './deadline.ts';
import { UNKNOWN_DIVISION } from './judge-submission.ts';
import type {
  Ledger,
  LedgerCounts,
  LedgerEntry,
  LedgerRow,
  LedgerScope,
  LedgerStatus,
  LedgerVersion,
} from './types.ts';

/** Said of a row whose latest version is not the one counted. */
export const OLDER_COUNTED = '集計には、前に受理された版の数値を使っています。';

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byArrival(a: LedgerEntry, b: LedgerEntry): number {
  return compare(a.order, b.order) || compare(a.id, b.id);
}

/**
 * A row's versions oldest first: by the dates their sheets carry when every version carries some (a file
 * mailed or copied keeps its own 修正日 but not its time), else by arrival. One rule for the whole row, so
 * the order is total and the same for any order of input.
 */
function inRowOrder(own: LedgerEntry[]): LedgerEntry[] {
  if (own.length > 1 && own.every((e) => e.written))
    return own.sort((a, b) => compare(a.written!, b.written!) || byArrival(a, b));
  return own.sort(byArrival);
}

/** The word and reason of one entry: a coordinator's 差戻す wins over what the checks said. */
function standing(entry: LedgerEntry): { status: Exclude<LedgerStatus, '未提出'>; reason: string | null } {
  if (entry.sentBack) return { status: '差戻し', reason: `取りまとめ担当が差し戻しました: ${entry.sentBack.reason}` };
  if (!entry.verdict) return { status: '処理中', reason: null };
  return { status: entry.verdict.status, reason: entry.verdict.reason };
}

function counts(entry: LedgerEntry): boolean {
  return !entry.sentBack && entry.verdict?.status === '受理';
}

/** One row from its entries (oldest first): the latest's word, the latest 受理's figures, and why. */
function rowOf(division: string, expected: boolean, own: readonly LedgerEntry[], late: boolean): LedgerRow {
  const latest = own.at(-1);
  if (!latest)
    return {
      division,
      expected,
      status: '未提出',
      submission: null,
      counted: null,
      reason: null,
      versions: [],
      overdue: expected && late,
    };
  const counted = [...own].reverse().find(counts) ?? null;
  const now = standing(latest);
  const older = counted !== null && counted !== latest;
  const reason = older ? [now.reason, OLDER_COUNTED].filter(Boolean).join(' ') : now.reason;
  const versions: LedgerVersion[] = [...own].reverse().map((e) => ({
    id: e.id,
    file: e.file,
    receivedAt: e.receivedAt,
    ...standing(e),
    counted: e === counted,
    latest: e === latest,
  }));
  return {
    division,
    expected,
    status: now.status,
    submission: latest.id,
    counted: counted?.id ?? null,
    reason,
    versions,
    overdue: expected && overdueStatus(now.status, late),
  };
}

/**
 * The ward-year's ledger, decided in one place for every touchpoint: one row per expected division (then
 * every other division that sent something), one for the ward's own sheet, one per file no division can be
 * told from. A row's word is its latest submission's; its figures are its latest 受理 submission's, and
 * when that is an older one the reason says so. The headline counts are over the expected divisions only.
 * Only the entries' own arrival keys order them: the same entries in any order give the same ledger.
 */
export function buildLedger(entries: readonly LedgerEntry[], scope: LedgerScope): Ledger {
  const sorted = [...entries].sort(byArrival);
  const byDivision = new Map<string, LedgerEntry[]>();
  const ward: LedgerEntry[] = [];
  const loose: LedgerEntry[] = [];
  for (const entry of sorted) {
    if (entry.slot.kind === 'ward') ward.push(entry);
    else if (entry.slot.kind === 'unattributed') loose.push(entry);
    else {
      const own = byDivision.get(entry.slot.division);
      if (own) own.push(entry);
      else byDivision.set(entry.slot.division, [entry]);
    }
  }
  const expectedKnown = scope.divisions.length > 0;
  const late = pastDeadline(scope.deadline, scope.today);
  const names = [...scope.divisions, ...[...byDivision.keys()].filter((d) => !scope.divisions.includes(d))];
  const divisions = names.map((d) =>
    rowOf(d, !expectedKnown || scope.divisions.includes(d), inRowOrder(byDivision.get(d) ?? []), late),
  );
  const tally: LedgerCounts = { expected: 0, submitted: 0, 受理: 0, 差戻し: 0, 読込不可: 0, 処理中: 0, 未提出: 0 };
  for (const row of divisions) {
    if (!row.expected) continue;
    tally.expected++;
    tally[row.status]++;
    if (row.status !== '未提出') tally.submitted++;
  }
  return {
    ward: scope.ward,
    fiscalYear: scope.fiscalYear,
    deadline: scope.deadline ?? null,
    pastDeadline: late,
    expectedKnown,
    wardSheet: rowOf(scope.ward, true, inRowOrder(ward), late),
    divisions,
    unattributed: loose.map((e) => rowOf(UNKNOWN_DIVISION, false, [e], late)),
    counts: tally,
  };
}

/** The row a submission is counted in, and its version there. */
export function versionOf(
  ledger: Ledger,
  id: string,
): { row: LedgerRow; version: LedgerVersion; wardSheet: boolean } | null {
  for (const row of [ledger.wardSheet, ...ledger.divisions, ...ledger.unattributed]) {
    const version = row.versions.find((v) => v.id === id);
    if (version) return { row, version, wardSheet: row === ledger.wardSheet };
  }
  return null;
}
