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
  /** Relative link target for provenance, when the file sits next to the summary. */
  link?: string | null;
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
}

/** 判定: how a measure stands against its target. */
export type Judgement = 'achieved' | 'not-achieved' | 'pending' | 'no-target' | 'qualitative';

export const JUDGEMENT_LABELS: Record<Judgement, string> = {
  achieved: '達成',
  'not-achieved': '未達成',
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
  /** Result as a percentage of the target (inverted for lower-is-better), or null. */
  rate: number | null;
}

/** A year column of a family table other than the judged target/result ("2019実績"). */
export interface YearColumn {
  key: string;
  year: number | null;
  kind: string;
  label: string;
}

/** Where a row came from. */
export interface Provenance {
  submissionId: string;
  file: string;
  link: string | null;
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
  targetText: string | null;
  resultText: string | null;
  judgement: MeasureJudgement;
  provenance: Provenance;
  /** A (再) row re-listing a project listed elsewhere: shown, but not counted again. */
  relist: boolean;
}

export interface FamilyTable {
  family: FamilyId;
  title: string;
  columns: YearColumn[];
  rows: MeasureRow[];
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
  /** 採用, 差し替え済み, 差戻し, 読込不可, 未提出, 対象外. */
  state: 'used' | 'superseded' | 'rejected' | 'unreadable' | 'missing' | 'out-of-scope';
  reason: string | null;
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
  wardRollup: WardRollup | null;
  tables: FamilyTable[];
  findings: FindingRow[];
  statuses: StatusRow[];
  counts: { files: number; accepted: number; rejected: number; unreadable: number };
  /** Inputs left out of this summary (other bodies or years), with the reason. */
  excluded: ExcludedInput[];
}
