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

/** Who is signed in (a ward's coordinator or one of its divisions). */
export interface Me {
  role: 'coordinator' | 'submitter';
  ward: WardInfo;
  /** The submitter's division; null for a coordinator. */
  division: string | null;
  /** The person the token names, when it names one. */
  name?: string | null;
}

/** An admin signed in: belongs to no ward; sees the pages トークン and 操作履歴. */
export interface AdminMe {
  role: 'admin';
  ward: null;
  division: null;
  name: string | null;
}

/** Whoever signed in: the answer of POST /api/session and `me` of GET /api/session. */
export type SignedIn = Me | AdminMe;

/** A configured ward as the admin's pages offer it (issue form, 操作履歴 filter). */
export interface WardChoice {
  id: string;
  name: string;
  divisions: string[];
}

/** A token as the admin's page lists it: never the token itself. */
export interface TokenEntry {
  /** The first 16 hex digits of the token's SHA-256. */
  id: string;
  role: 'submitter' | 'coordinator' | 'admin';
  ward: string | null;
  division: string | null;
  name: string | null;
  /** When and by whom it was issued in the console (absent or null for config tokens). */
  issuedAt?: string | null;
  issuedBy?: string | null;
  /** `config`: from the config file, read-only here; `issued`: issued in the console, revocable. */
  source: 'config' | 'issued';
}

/** GET /api/admin/tokens. */
export interface TokenList {
  config: TokenEntry[];
  issued: TokenEntry[];
  /** The configured wards and their divisions, for the issue form. */
  wards: WardChoice[];
}

/** POST /api/admin/tokens: the entry and the token, shown this once. */
export interface IssuedTokenAnswer extends TokenEntry {
  token: string;
  note: string;
}

/** What an 操作履歴 entry records. */
export type AuditAction =
  | 'submit'
  | 'send-back'
  | 'undo-send-back'
  | 'summary-build'
  | 'summary-download'
  | 'workbook-download'
  | 'status-download'
  | 'token-issue'
  | 'token-revoke'
  | 'reminders'
  | 'deadline';

/** One entry of 操作履歴 (GET /api/audit). */
export interface AuditEntry {
  /** When (ISO 8601, UTC; the page shows Japan time). */
  at: string;
  action: AuditAction;
  /** Who: the token's person when it names one, else the role's word (集計担当, the division), or 自動（…）. */
  by: string;
  role: 'submitter' | 'coordinator' | 'admin' | 'system';
  /** The ward it concerns (id), or null (an admin token). */
  ward: string | null;
  /** The division it concerns, or null. */
  division: string | null;
  /** What: a file name, a submission id, a token's id and person, a summary version… */
  target: string | null;
  /** More, in Japanese: the 理由 of a 差戻し, the new deadline, how many mails. */
  detail: string | null;
}

/** GET /api/audit. */
export interface AuditList {
  entries: AuditEntry[];
  /** The ward filtered on, or null (an admin's every ward). */
  ward: string | null;
  offset: number;
  limit: number;
  /** More entries are there beyond this page. */
  more: boolean;
  /** Entries kept per ward (older ones are dropped). */
  keepPerWard: number;
  /** The wards the caller may filter on ({id, name}). */
  wards: { id: string; name: string }[];
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
  /** 提出メモ: the division's note sent with the file, or null. */
  memo: string | null;
  /** The coordinator's 差戻す: their 理由 and when (ISO), or null. */
  sentBack: { reason: string; by: string | null; at: string } | null;
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
  /** 期限超過: past the deadline and still 未提出, 差戻し or 読込不可. */
  overdue: boolean;
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
    /** Expected divisions marked 期限超過. */
    overdue: number;
  };
  /** The ward's own sheet (区の組織目標): its own row, never a division's. */
  wardSheet: DivisionRow;
  rows: DivisionRow[];
  /** 提出期限 (YYYY-MM-DD): the one set in the console, else the config's; null when neither is. */
  deadline: string | null;
  /** Today in Japan (YYYY-MM-DD), as the server decided 期限超過. */
  today: string;
  /** The deadline has passed. */
  pastDeadline: boolean;
  /** Some submission is still being processed: the page keeps polling. */
  busy: boolean;
}

/** The signed-in division's own row of 提出状況 (for a coordinator, the ward sheet's row) and the deadline. */
export interface OwnStatus {
  row: DivisionRow;
  /** 提出期限 in force (the console's, else the config's), YYYY-MM-DD, or null. */
  deadline: string | null;
  /** Days until the deadline (0 on the day, negative after), or null without one. */
  daysLeft: number | null;
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
  /** Who asked for it and what it covers (the ledger's counts then); absent for older builds. */
  about?: {
    by: string;
    counts: {
      expected: number;
      submitted: number;
      accepted: number;
      rejected: number;
      unreadable: number;
      missing: number;
    };
  };
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

/** The ward-year as a page needs it: the deadline, and for a division where it stands. */
export interface YearInfo {
  fiscalYear: number;
  fiscalYearLabel: string;
  /** 提出期限 in force (YYYY-MM-DD) or null; `configured` is the config's, shown when the console changed it. */
  deadline: string | null;
  configuredDeadline: string | null;
  today: string;
  pastDeadline: boolean;
  /** Days until the deadline (0 on the day, negative after), or null without one. */
  daysLeft: number | null;
  /** A division's own row: its word, reason and 期限超過 (null for the coordinator). */
  own: { status: StatusCode; reason: string | null; overdue: boolean } | null;
  /** Automatic reminders this many days before the deadline, or null. */
  reminderDaysBefore: number | null;
  /** The summary is built every day at this Japan time (HH:MM), or null. */
  summaryTime: string | null;
  /** Mail is configured (督促メール can be sent). */
  mailEnabled: boolean;
}

/** One 督促メール before it is sent, or as it was sent. */
export interface ReminderMail {
  division: string;
  to: string[];
  subject: string;
  body: string;
  /** 未提出 / 差戻し / 読込不可 (with 期限超過 when late). */
  status: string;
}

/** 督促メールを送る: what would go (preview), the divisions without an address, and what was sent before. */
export interface ReminderPreview {
  mails: ReminderMail[];
  /** Divisions that would get a mail but have no address in the config. */
  noAddress: string[];
  /** The addresses every mail is copied to (config `mail.cc`), shown in the preview. */
  cc: string[];
  log: MailLogEntry[];
}

export interface MailLogEntry {
  at: string;
  by: string;
  division: string;
  to: string[];
  /** CC addresses of that mail (absent in records kept before CC was recorded). */
  cc?: string[];
  subject: string;
  status: string;
  ok: boolean;
  error: string | null;
}

export interface ApiError {
  error: { code: string; message: string };
}
