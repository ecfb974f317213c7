import type { Ledger, LedgerScope, LedgerStatus, SentBack, Sender, SubmissionVerdict } from '../ledger/types.ts';
import type { FamilyId, FileError, SheetRecord } from '../model/record.ts';
import type { RenderedFinding } from '../model/finding.ts';
import type { ExcludedInput } from './excluded.ts';

/** How a submission ended: read and accepted, read but refused by validation, or not readable at all. */
export type SubmissionStatus = 'accepted' | 'rejected' | 'unreadable';

/** One submitted workbook as the summary sees it: where it came from, when, and what was read from it. */
export interface SubmissionInput {
  id: string;
  /** Display name of the file (the path given, or the original file name). */
  file: string;
  /** Relative link target for provenance, when the file sits next to the summary (not written as a link: it breaks once mailed). */
  link?: string | null;
  /** Queue mode: the submission came through the intake; its id is the one the API knows. */
  queued?: boolean;
  /** Queue mode with `publicUrl` configured: the web console's page of this submission. */
  url?: string | null;
  sha256: string | null;
  /** ISO time the submission was received (intake); null in embedded mode. */
  submittedAt: string | null;
  /** ISO modification time of the file (embedded mode tie-breaker). */
  mtime: string | null;
  /** The division the submitter is entitled to (intake), or null when only the sheets say it. */
  division: string | null;
  status: SubmissionStatus;
  /** Why it was rejected or unreadable. */
  error: FileError | null;
  sheets: SheetRecord[];
  /** Who sent it (queue mode: the token); absent or null when only the file is known. */
  sender?: Sender | null;
  /** The decision on it per ledger row, when already made (queue mode: at ingest); else judged on summary. */
  verdicts?: SubmissionVerdict[];
  /** Queue mode: stored but not yet checked (処理中). */
  pending?: boolean;
  /** A coordinator's 差戻す with its reason. */
  sentBack?: SentBack | null;
}

/** 判定: how a measure stands against its target. */
/** 要確認 (`review`): a numeric target the summary cannot judge without a person (several numbers it cannot pair, a base year whose figure is missing); never counted as 達成. */
export type Judgement = 'achieved' | 'not-achieved' | 'review' | 'pending' | 'no-target' | 'qualitative';

export const JUDGEMENT_LABELS: Record<Judgement, string> = {
  achieved: '達成',
  'not-achieved': '未達成',
  review: '要確認',
  pending: '未評価',
  'no-target': '目標なし',
  qualitative: '定性目標',
};

/** Better is higher (増加) or lower (削減). */
export type Direction = 'higher' | 'lower';

export interface MeasureJudgement {
  judgement: Judgement;
  direction: Direction;
  /** 判定根拠 in Japanese, e.g. "結果 1,700 ≥ 目標 1,700（以上で達成）". */
  basis: string;
  target: number | null;
  result: number | null;
  /** 実績/目標: the result as a percentage of the target, whichever way the target points; null when not one figure each. */
  rate: number | null;
}

/** A year column of a family table other than the judged target/result ("2019実績"). */
export interface YearColumn {
  key: string;
  year: number | null;
  kind: string;
  label: string;
}

/**
 * A value as the summary shows it: the number read (null when none) with the Excel number format that
 * shows it as written, the text as written, and that text again as `note` when it says more than the
 * number (以上, 累計, a label, another unit).
 */
export interface Figure {
  value: number | null;
  format: string | null;
  text: string;
  note: string | null;
  year: number | null;
}

/** The self-evaluation's own codes (自己評価: 成果指標 A/B, 有効性 ア/イ, 進捗 a/b) and whether the figures agree. */
export interface SheetCodes {
  /** "B・ア・b" as written (half-width), in the sheet's order. */
  text: string;
  rating: string | null;
  /** true when the figures give the same verdict as the rating, false when not, null when either is missing. */
  agrees: boolean | null;
  /** Japanese: what agrees or disagrees. */
  note: string | null;
}

/** Last year's summary of the same measure (year over year). */
export interface PreviousYear {
  fiscalYear: number;
  /** Last year's result as reported then. */
  result: Figure | null;
  /** This year's sheet's actual for last year. */
  restated: Figure | null;
  /** true when this year's sheet restates last year's result differently. */
  differs: boolean;
}

/** Where a row came from. */
export interface Provenance {
  submissionId: string;
  file: string;
  link: string | null;
  /** Queue mode: the id is the intake's submission id. */
  queued?: boolean;
  /** The web console's page of the submission (queue mode with publicUrl). */
  url?: string | null;
  sheet: string;
  cell: string;
}

/** One measure in a family table of the summary. */
export interface MeasureRow {
  family: FamilyId;
  division: string;
  /** The sheet's fiscal year (or the summary's when the sheet names none). */
  fiscalYear: number | null;
  group: string | null;
  goal: string | null;
  name: string;
  detail: string | null;
  unit: string | null;
  /** Raw text per YearColumn key. */
  values: Record<string, string>;
  /** Typed values per YearColumn key. */
  figures: Record<string, Figure>;
  targetText: string | null;
  resultText: string | null;
  target: Figure | null;
  result: Figure | null;
  /** The fiscal years of the judged target and result. */
  targetYear: number | null;
  resultYear: number | null;
  /** The self-evaluation's own codes, when the form has them. */
  codes: SheetCodes | null;
  /** Last year's result beside this year's restatement of it, when last year's submission is in the input. */
  previous: PreviousYear | null;
  judgement: MeasureJudgement;
  provenance: Provenance;
  /** A (再) row re-listing a project listed elsewhere: shown, but not counted again. */
  relist: boolean;
  /** The row's own 担当課 as written (a 実施計画 project's), when the form names one per row. */
  owner: string | null;
  /** What the division wrote itself: its 評価 of the indicator, its 主な取組, and the sheet's year-end comment. */
  written: { evaluation: string | null; initiatives: string | null; comment: string | null };
}

export interface FamilyTable {
  family: FamilyId;
  title: string;
  columns: YearColumn[];
  /** Headers of the judged target and result with their year, "R2目標", "R2結果". */
  targetLabel: string;
  resultLabel: string;
  /**
   * The fiscal years those headers name (null when they name none): where the judged target and result
   * stand among the year columns, which read chronologically.
   */
  targetYear?: number | null;
  resultYear?: number | null;
  rows: MeasureRow[];
}

/** One 重点取組項目 of a 方針書 with what the half-year reports and the 総括 say about it. */
export interface StatementRow {
  division: string;
  fiscalYear: number | null;
  no: string;
  outcome: string;
  actions: string;
  firstHalf: string;
  secondHalf: string;
  summary: string;
  provenance: Provenance;
}

/** How a division stands on the 概要: 受理, 差戻し, 読込不可, 未提出 or 処理中 (the ledger's word). */
export type DivisionState = 'accepted' | 'rejected' | 'unreadable' | 'missing' | 'processing';

/** One row of the 概要 dashboard: every expected or submitting division, whatever became of its file. */
export interface OverviewRow {
  division: string;
  state: DivisionState;
  /** Why it was sent back or could not be read (with the file name), null when accepted or missing. */
  reason: string | null;
  file: string | null;
  families: FamilyId[];
  /** The submission whose figures count (the ledger's `counted`), or null; its figures count even when a later one was sent back. */
  counted: string | null;
  /** Indicators counted (re-listed rows excluded); 0 when no version counts. */
  indicators: number;
  counts: Record<Judgement, number>;
  /** Percent, null when nothing is judged. */
  achievementRate: number | null;
  /** The same division's 達成率 last year, when last year's submissions are in the input. */
  previousRate: number | null;
}

/** The 合計 row: every division with a counted version together. */
export interface OverviewTotal {
  indicators: number;
  counts: Record<Judgement, number>;
  achievementRate: number | null;
  previousRate: number | null;
}

/** Per division counts on the 概要 sheet. */
export interface DivisionSummary {
  division: string;
  families: FamilyId[];
  goals: number;
  indicators: number;
  counts: Record<Judgement, number>;
  /** 達成 ÷ (達成 + 未達成) in percent, null when nothing is evaluated yet. */
  achievementRate: number | null;
}

/** The ward sheet's 重点目標 with what the divisions report against each. */
export interface PriorityRollup {
  no: string;
  text: string;
  linkedGoals: number;
  counts: Record<Judgement, number>;
  /** true/false once every linked measure is judged; null when undecidable. */
  achieved: boolean | null;
  /** Linked division goals all of whose judged indicators are achieved. */
  achievedGoals: number;
}

export interface WardRollup {
  organization: string | null;
  /** 目標数 / 達成数 as written on the ward sheet. */
  statedGoalCount: string | null;
  statedAchievedCount: string | null;
  priorities: PriorityRollup[];
  /** Number of 重点目標 achieved per the divisions, or null when it cannot be derived. */
  achievedCount: number | null;
  /** Japanese explanation of how (or why not) the roll-up was derived. */
  note: string;
  provenance: Provenance | null;
}

export interface FindingRow {
  division: string | null;
  file: string;
  sheet: string;
  finding: RenderedFinding;
}

/** 提出状況: one row per expected division, plus every file not used. */
export interface StatusRow {
  division: string | null;
  file: string | null;
  submittedAt: string | null;
  sha256: string | null;
  /** 受理 (counted), 差し替え済み, 差戻し, 読込不可, 未提出, 処理中, 対象外. */
  state: 'used' | 'superseded' | 'rejected' | 'unreadable' | 'missing' | 'processing' | 'out-of-scope';
  reason: string | null;
  /** The row of the ward's own sheet (区の組織目標), not a division's. */
  wardSheet?: boolean;
  /** This version's figures are the ones the summary uses. */
  counted?: boolean;
}

export interface SummaryOptions {
  ward: string | null;
  /** Only sheets of this fiscal year (sheets naming none included); null keeps every year. */
  fiscalYear: number | null;
  /** Divisions the ward expects (from config); empty when unknown. */
  expectedDivisions: readonly string[];
  /** ISO time of generation, passed in (shared/ has no clock). */
  generatedAt: string;
  /** Inputs of other bodies or years, listed as 対象外 (consolidate's grouping). */
  excluded?: readonly ExcludedInput[];
  /** The same body's submissions of the previous fiscal year, when the input holds them (year over year). */
  previous?: readonly SubmissionInput[];
  /** The ledger of these submissions when the caller already built it (it must be of the same submissions). */
  ledger?: Ledger;
  /** Who may submit the ward's own sheet besides the coordinator, and the 提出期限: the rest of the ledger's scope. */
  scope?: Pick<LedgerScope, 'wardSheetDivision' | 'deadline'>;
}

/** Everything the summary workbook shows, as plain data. */
export interface SummaryModel {
  ward: string | null;
  /** The fiscal year asked for, or null when every year found is included. */
  fiscalYear: number | null;
  /** The fiscal years of the sheets used. */
  fiscalYears: number[];
  generatedAt: string;
  expectedDivisions: string[];
  receivedDivisions: string[];
  missingDivisions: string[];
  divisions: DivisionSummary[];
  /** The 概要 dashboard rows (accepted, sent back, unreadable, missing) and their total. */
  overview: OverviewRow[];
  total: OverviewTotal;
  wardRollup: WardRollup | null;
  tables: FamilyTable[];
  /** 方針書 priorities with their reports. */
  statements: StatementRow[];
  findings: FindingRow[];
  statuses: StatusRow[];
  counts: { files: number; accepted: number; rejected: number; unreadable: number };
  /** Every file of the summary with its word as a whole (受理 only when every row it fills is 受理) and why. */
  files: { id: string; file: string; status: LedgerStatus; reason: string | null }[];
  /** Inputs left out of this summary (other bodies or years), with the reason. */
  excluded: ExcludedInput[];
  /** The ward-year's ledger: every status, counted version and reason shown comes from here. */
  ledger: Ledger;
  /** 「団体名の出所: 表題」 when some counted sheet named its body or year elsewhere than its labelled cell. */
  identityNote: string | null;
}
