import type { FamilyId } from '../model/record.ts';
import { actionPlanSpec } from './action-plan/spec.ts';
import { orgGoalsSpec } from './org-goals/spec.ts';
import { planMeasuresSpec } from './plan-measures/spec.ts';
import { policyStatementSpec } from './policy-statement/spec.ts';
import { policyReviewSpec } from './policy-review/spec.ts';
import type { FamilySpec } from './spec.ts';

/** Every form family mokuhyo knows, in detection order. */
export const FAMILIES: readonly FamilySpec[] = [
  orgGoalsSpec,
  actionPlanSpec,
  planMeasuresSpec,
  policyReviewSpec,
  policyStatementSpec,
];

export function familyById(id: FamilyId): FamilySpec | undefined {
  return FAMILIES.find((f) => f.id === id);
}
