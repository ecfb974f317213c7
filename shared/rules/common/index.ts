import type { Rule } from '../types.ts';
import { bracketMismatchRule } from './bracket-mismatch.ts';
import { numberUnreadableRule } from './number-unreadable.ts';
import { rateOver100Rule } from './rate-over-100.ts';
import { requiredEmptyRule } from './required-empty.ts';
import { textTooLongRule } from './text-too-long.ts';
import { unitMismatchRule } from './unit-mismatch.ts';
import { yearJumpRule } from './year-jump.ts';

/** Rules every family is checked with; they read the family's spec and measures, never its id. */
export const COMMON_RULES: readonly Rule[] = [
  requiredEmptyRule,
  numberUnreadableRule,
  unitMismatchRule,
  bracketMismatchRule,
  yearJumpRule,
  rateOver100Rule,
  textTooLongRule,
];
