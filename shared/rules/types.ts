import type { SheetExtraction } from '../extract/index.ts';
import type { Finding, Severity } from '../model/finding.ts';
import type { SheetRecord } from '../model/record.ts';

/** planning: the sheet is being set up, results not yet due; evaluation: 評価日 set, results due. */
export type Phase = 'planning' | 'evaluation';

export interface RuleContext {
  extraction: SheetExtraction;
  record: SheetRecord;
  phase: Phase;
}

/** A check a family declares; returns findings, never throws on bad data. */
export interface Rule {
  code: string;
  severity: Severity;
  check(ctx: RuleContext): Finding[];
}
