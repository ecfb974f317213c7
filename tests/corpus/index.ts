import type { CorpusCase } from './corpus-case.ts';
import { actionPlanCases } from './action-plan/cases.ts';
import { orgGoalsCases } from './org-goals/cases.ts';
import { planMeasuresCases } from './plan-measures/cases.ts';
import { policyReviewCases } from './policy-review/cases.ts';
import { policyStatementCases } from './policy-statement/cases.ts';

/** Every case of the variety corpus, family by family. */
export const CORPUS_CASES: readonly CorpusCase[] = [
  ...orgGoalsCases,
  ...actionPlanCases,
  ...policyReviewCases,
  ...policyStatementCases,
  ...planMeasuresCases,
];
