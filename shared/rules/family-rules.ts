import { actionPlanRules } from '../families/action-plan/rules.ts';
import { orgGoalsRules } from '../families/org-goals/rules.ts';
import { planMeasuresRules } from '../families/plan-measures/rules.ts';
import { policyStatementRules } from '../families/policy-statement/rules.ts';
import { policyReviewRules } from '../families/policy-review/rules.ts';
import type { FamilyId } from '../model/record.ts';
import { COMMON_RULES } from './common/index.ts';
import type { Rule } from './types.ts';

/** Each family's own rules: one line per family. */
export const FAMILY_RULES: Partial<Record<FamilyId, readonly Rule[]>> = {
  'org-goals': orgGoalsRules,
  'action-plan': actionPlanRules,
  'plan-measures': planMeasuresRules,
  'policy-statement': policyStatementRules,
  'policy-review': policyReviewRules,
};

/** The rules a sheet of this family is checked with: the common rules, then the family's own. */
export function rulesFor(family: FamilyId): Rule[] {
  return [...COMMON_RULES, ...(FAMILY_RULES[family] ?? [])];
}
