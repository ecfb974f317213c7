import { actionPlanMessages } from '../families/action-plan/messages.ts';
import { orgGoalsMessages } from '../families/org-goals/messages.ts';
import { planMeasuresMessages } from '../families/plan-measures/messages.ts';
import { policyStatementMessages } from '../families/policy-statement/messages.ts';
import { policyReviewMessages } from '../families/policy-review/messages.ts';
import { submissionMessages } from '../ledger/messages.ts';
import { en } from './en.ts';
import { ja } from './ja.ts';
import type { LocalisedMessages } from './types.ts';

/** Every message contributor: the common catalogue, then one line per family. */
export const MESSAGE_SOURCES: readonly LocalisedMessages[] = [
  { ja, en },
  orgGoalsMessages,
  actionPlanMessages,
  planMeasuresMessages,
  policyStatementMessages,
  policyReviewMessages,
  submissionMessages,
];
