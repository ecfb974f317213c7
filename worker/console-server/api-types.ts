// The JSON the web console's routes answer: shared by the server (worker/console) and the page's one
// client module (console/src/api.ts). Types only, so the browser bundle takes nothing else from worker/.
import type { Recognition } from '../../shared/ledger/types.ts';
import type { Severity } from '../../shared/model/finding.ts';

/** A division's state as the console shows it: 未提出 / 処理中 / 受理 / 差戻し / 読込不可. */
export type StatusCode = 'missing' | 'processing' | 'accepted' | 'rejected' | 'unreadable';

export interface WardInfo {
  id: string;
  name: string;
  fiscalYear: number;
  /** 令和2年度 */
  fiscalYearLabel: string;
}

/** Who is signed in. */
export interface Me {
  role: 'coordinator' | 'submitter';
  ward: WardInfo;
  /** The submitter's division; null for a coordinator. */
  division: string | null;
}

export interface FindingRow {
  sheet: string;
  severity: Severity;
  code: string;
  cell: string | null;
  message: string;
}

export interface SubmissionSummary {
  id: string;
  /** The division whose token submitted it. */
  division: string;
  status: Exclude<StatusCode, 'missing'>;
  receivedAt: string;
  finishedAt: string | null;
  /** The file name as uploaded, when the client sent it. */
  fileName: string | null;
  sha256: string;
  size: number;
  errors: number;
  warnings: number;
  /** Why it was sent back or could not be read (Japanese), else null. */
  reason: string | null;
  /** Its figures are the ones the summary uses (the ledger's counted version of its row). */
  counted: boolean;
  /** Sent by the ward's coordinator (the ward's own sheet), not by a division. */
  byCoordinator: boolean;
}

/** A row of 提出状況: a division, or the ward's own sheet — the ledger's word, reason and versions. */
export interface DivisionRow {
  division: string;
  /** False for a division that submitted without being in the ward's list. */
  expected: boolean;
  status: StatusCode;
  /** The ledger's reason (Japanese): why it was sent back, and that an older version counts; else null. */
  reason: string | null;
  latest: SubmissionSummary | null;
  /** The version whose figures count when it is not the latest; else null. */
  counted: SubmissionSummary | null;
}

export interface WardStatus {
  ward: WardInfo;
  /** The ledger's headline counts, over the expected divisions (the ward's own sheet apart). */
  counts: {
    expected: number;
    submitted: number;
    accepted: number;
    missing: number;
    processing: number;
    rejected: number;
    unreadable: number;
  };
  /** The ward's own sheet (区の組織目標): its own row, never a division's. */
  wardSheet: DivisionRow;
  rows: DivisionRow[];
  /** 提出期限 (YYYY-MM-DD), when the config sets one. */
  deadline: string | null;
  /** Some submission is still being processed: the page keeps polling. */
  busy: boolean;
}

/** The signed-in division's own row of 提出状況 (for a coordinator, the ward sheet's row) and the deadline. */
export interface OwnStatus {
  row: DivisionRow;
  deadline: string | null;
}

export interface SubmissionDetail extends SubmissionSummary {
  findings: FindingRow[];
}

export interface HistoryEntry extends SubmissionSummary {
  /** The later submission of the same division that replaced this one, or null for the latest. */
  supersededBy: string | null;
}

export interface CheckResult {
  /** What the same file would get if submitted: accepted, rejected (差戻し) or unreadable. */
  status: 'accepted' | 'rejected' | 'unreadable';
  reason: string | null;
  findings: FindingRow[];
  /** What was read: form, body, year, division and indicators of each sheet of a known form. */
  recognised: Recognition[];
  /** What this ward collects (and, for a division, whose sheet it must be), to compare with what was read. */
  collecting: { ward: string; fiscalYear: number; fiscalYearLabel: string; division: string | null };
}

export interface SummaryInfo {
  id: string;
  builtAt: string;
  size: number;
}

export interface SummaryList {
  /** When the current summary was built, or null when none was yet. */
  latest: string | null;
  versions: SummaryInfo[];
}

export interface TemplateForm {
  family: string;
  variant: string;
  title: string;
}

export interface TemplateList {
  fiscalYearLabel: string;
  forms: TemplateForm[];
  divisions: string[];
}

export interface ConsolidationState {
  id: string;
  status: 'queued' | 'processing' | 'done' | 'failed';
  progress: number;
  summary: string;
}

export interface ApiError {
  error: { code: string; message: string };
}
