/**
 * The rule engine's public API — all a family needs to declare its checks.
 *
 *   // shared/families/<family>/rules.ts
 *   import { finding } from '../../rules/finding.ts';
 *   import type { Rule } from '../../rules/types.ts';
 *   export const myFamilyRules: Rule[] = [{
 *     code: 'my-family/target-missing', severity: 'error', phases: ['planning', 'evaluation'],
 *     check: ({ record }) => record.measures.filter(...).map((m) => finding('my-family/target-missing', 'error', m.cell, { name: m.name })),
 *   }];
 *
 * - Register the list with one line in shared/rules/family-rules.ts; the common rules (shared/rules/common)
 *   run for every family on top of it, reading the family's spec and measures.
 * - A rule returns findings `{code, severity, cell, params}`; it never throws on bad data. If it throws
 *   anyway, the engine reports `internal/rule-failed` (info) instead of crashing.
 * - Wording is kept apart: put `{ja, en}` templates keyed by code in shared/families/<family>/messages.ts
 *   and register them with one line in shared/messages/registry.ts. `{param}` placeholders read `params`;
 *   `{cell}` is the finding's cell.
 * - Codes are stable (`<family>/<what>`, `common/<what>`): scripts and the add-in key on them.
 */
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
  /** The code of the findings it reports (a rule may report a few related codes; this is the main one). */
  code: string;
  severity: Severity;
  check(ctx: RuleContext): Finding[];
  /** Phases the rule runs in; all phases when omitted. */
  phases?: readonly Phase[];
}
