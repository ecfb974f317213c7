import type { Comparator, HeaderKind } from '../values/types.ts';
import type { RenderedFinding } from './finding.ts';

export type FamilyId = 'org-goals' | 'action-plan' | 'policy-review' | 'policy-statement' | 'plan-measures';

export const FAMILY_IDS: readonly FamilyId[] = [
  'org-goals',
  'action-plan',
  'policy-review',
  'policy-statement',
  'plan-measures',
];

/** One year column of a measure (`extract --json`, docs/api.md). */
export interface MeasureValue {
  year: number | null;
  kind: HeaderKind;
  raw: string;
  value: number | null;
  comparator: Comparator | null;
  blank: boolean;
  cell: string;
  unit?: string | null;
  cumulative?: boolean;
  /** The column header as written ("Ｈ29実績"). */
  header?: string;
}

/** One indicator (org-goals), project row (action-plan) or outcome/process indicator. */
export interface Measure {
  group: string | null;
  name: string;
  detail: string | null;
  unit: string | null;
  cell: string;
  values: MeasureValue[];
  /** Key of the table the measure came from, when a form has several (成果指標 / プロセス指標). */
  table?: string;
  /** Family-specific columns (組織目標, 補足・参考指標, 評価, 担当課…) and headings by spec key. */
  fields?: Record<string, string | null>;
  /** Cells of the family-specific columns, by spec key. */
  cells?: Record<string, string>;
}

/** A scalar header field or narrative block, with the cell it came from. */
export interface FieldValue {
  value: string;
  cell: string;
  /**
   * Where the value was read when not from its labelled cell: 表題 (the title), シート名, 所属欄 or ファイル名
   * (body and fiscal year only). Absent for a value read from its own cell.
   */
  source?: '表題' | 'シート名' | '所属欄' | 'ファイル名';
}

/** Everything extracted from one sheet. */
export interface SheetRecord {
  sheet: string;
  family: FamilyId | null;
  organization: string | null;
  fiscalYear: number | null;
  measures: Measure[];
  findings: RenderedFinding[];
  /** Form variant within the family ("division", "ward"). */
  variant?: string;
  templateVersion?: string | null;
  fields?: Record<string, FieldValue>;
  /** Repeated blocks other than measures (ward 重点目標, policy-statement priorities…), by spec key. */
  items?: Record<string, Record<string, string | null>[]>;
}

export interface FileError {
  code: string;
  message: string;
}

export interface FileRecord {
  file: string;
  error: FileError | null;
  sheets: SheetRecord[];
}
