import type { CorpusCase } from './corpus-case.ts';
import { orgGoalsCases } from './org-goals/cases.ts';

/** Every case of the variety corpus, family by family. */
export const CORPUS_CASES: readonly CorpusCase[] = [...orgGoalsCases];
