import type { FileError, SheetRecord } from '../model/record.ts';

/** The five words every touchpoint uses for where a division (or the ward's own sheet) stands. */
export type LedgerStatus = '未提出' | '処理中' | '受理' | '差戻し' | '読込不可';

/** The final words a read submission can get (未提出 and 処理中 are states of a row, not of a file). */
export type VerdictStatus = '受理' | '差戻し' | '読込不可';

/** Who sent a submission: the intake's token, or nobody known (a file in a folder given to `consolidate`). */
export interface Sender {
  role: 'submitter' | 'coordinator';
  /** The submitter's division; null for a coordinator. */
  division: string | null;
}

/** The ward-year a ledger is kept for: the ward (or other body) and year collected, and who is expected. */
export interface LedgerScope {
  /** The body collecting, as written in the config or named by the sheets ("秋葉区"). */
  ward: string;
  /** The fiscal year collected (Western); null when any year is taken (a summary of whatever was given). */
  fiscalYear: number | null;
  /** The divisions expected to submit, in the configured order; empty when unknown. */
  divisions: readonly string[];
  /** A division whose token may also submit the ward's own sheet; else only the coordinator. */
  wardSheetDivision?: string | null;
  /** 提出期限 (YYYY-MM-DD), when the config sets one. */
  deadline?: string | null;
  /** Today in Japan time (YYYY-MM-DD), given by the caller: rows still missing after the deadline are 期限超過. */
  today?: string | null;
}

/** What reading a workbook gave, before anyone judged whose and which it is. */
export interface ReadOutcome {
  /** accepted / rejected (validation errors or no known form) / unreadable. */
  status: 'accepted' | 'rejected' | 'unreadable';
  error: FileError | null;
  sheets: SheetRecord[];
}

/** Which row of the ledger a submission fills: the ward's own sheet, one division, or none that can be told. */
export type Slot = { kind: 'ward' } | { kind: 'division'; division: string } | { kind: 'unattributed' };

/** The decision on one submission for one row: its word, why, and what it recognised. */
export interface SubmissionVerdict {
  slot: Slot;
  status: VerdictStatus;
  /** Machine code of the reason: 'validation', 'no-form', 'other-body', 'blank', an unreadable code…; null when 受理. */
  code: string | null;
  /** The reason in Japanese; null when 受理. */
  reason: string | null;
  /** Names of the sheets of this submission that belong to the row (all of them for a sender's file). */
  sheets: string[];
}

/** What 確認 tells before anyone submits: the form, body, year, division and indicators it read. */
export interface Recognition {
  family: string | null;
  /** The form's Japanese name (組織目標管理シート…). */
  familyTitle: string | null;
  variant: string | null;
  body: string | null;
  fiscalYear: number | null;
  division: string | null;
  indicators: number;
  /** The ward sheet's 重点目標 read (0 for other sheets). */
  priorities: number;
  /** true for the ward's own sheet (区の組織目標). */
  wardSheet: boolean;
  /** true for a form a division keeps (its organisation names the division). */
  divisionSheet: boolean;
}

/** A submission's decision as a whole: one verdict per row it fills, and its sheets with the scope findings added. */
export interface JudgedSubmission {
  verdicts: SubmissionVerdict[];
  /** The file as a whole: 受理 only when every row it fills is 受理. */
  status: VerdictStatus;
  error: FileError | null;
  sheets: SheetRecord[];
  recognised: Recognition[];
}

/** A coordinator's 差戻す on a submission the checks let through (with the 理由 they gave). */
export interface SentBack {
  reason: string;
  by: string | null;
  at: string;
}

/** One submission as the ledger sees it, for one row. */
export interface LedgerEntry {
  id: string;
  /** Display name of the file (the uploaded name, or the path given). */
  file: string | null;
  /** When it arrived (ISO), when known. */
  receivedAt: string | null;
  /**
   * Sort key of arrival: later keys are newer. The intake uses the receipt time; `consolidate` the file's
   * modification time and name. Ties are broken by id, so the input's order never matters.
   */
  order: string;
  /**
   * The dates the sheets carry (作成日/修正日/評価日) as a sortable key, when the file's own dates are all
   * there is to order by (`consolidate`): among a row's versions that all carry one, it decides before `order`.
   */
  written?: string | null;
  slot: Slot;
  /** Final: its verdict; not yet final: 処理中. */
  verdict: Pick<SubmissionVerdict, 'status' | 'code' | 'reason'> | null;
  /** A coordinator sent it back after the checks: 差戻し with their reason, whatever the checks said. */
  sentBack?: SentBack | null;
}

/** One submission in a row's history, newest first, as every touchpoint lists it. */
export interface LedgerVersion {
  id: string;
  file: string | null;
  receivedAt: string | null;
  status: Exclude<LedgerStatus, '未提出'>;
  reason: string | null;
  /** This is the version whose figures count. */
  counted: boolean;
  /** This is the row's latest submission. */
  latest: boolean;
}

/** One row of the ledger: a division, or the ward's own sheet. */
export interface LedgerRow {
  /** The division's name; the ward's name for the ward-sheet row; （課名不明） for files no division can be told from. */
  division: string;
  /** Listed in the config (or, with none, seen among the submissions). */
  expected: boolean;
  status: LedgerStatus;
  /** The latest submission, or null. */
  submission: string | null;
  /** The submission whose figures count (its latest 受理), or null. */
  counted: string | null;
  /** Why, in Japanese; says so when the counted version is an older one. Null when 受理 or 未提出. */
  reason: string | null;
  /** Every submission of the row, newest first. */
  versions: LedgerVersion[];
  /** 期限超過: the deadline has passed and the row is still 未提出, 差戻し or 読込不可. */
  overdue: boolean;
}

/** The headline counts, all on one basis: the expected divisions (the ward's own sheet apart). */
export interface LedgerCounts {
  expected: number;
  submitted: number;
  受理: number;
  差戻し: number;
  読込不可: number;
  処理中: number;
  未提出: number;
}

/** The ward-year's ledger: one decision every touchpoint shows. */
export interface Ledger {
  ward: string;
  fiscalYear: number | null;
  deadline: string | null;
  /** The deadline has passed (as of the scope's `today`). */
  pastDeadline: boolean;
  /** false when no division list was configured: the divisions are the ones that sent something. */
  expectedKnown: boolean;
  wardSheet: LedgerRow;
  divisions: LedgerRow[];
  /** Files no row can be told from (an unreadable file whose name names no division). */
  unattributed: LedgerRow[];
  counts: LedgerCounts;
}
