// The shape of seed-src/data/policy-review-*.json: a transcription of 区政運営基本方針 自己評価 as staff filled it.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** A cell exactly as written ("―" for a cell the ward left unanswered). */
const cellText = z.string();

/** One outcome indicator row: 施策, 取組, 成果指標, 目標値, this year's 個別 text, 前年度, 個別評価 (A/B). */
export const outcomeRowSchema = z.object({
  section: cellText,
  item: cellText,
  indicator: z.string().min(1),
  target: cellText,
  current: cellText,
  previous: cellText,
  rating: cellText,
});

/** The ward's plan for one めざす状態 (【1-1】) and its self-evaluation, merged over its indicator rows. */
export const planSchema = z.object({
  states: z.string().min(1),
  outcomes: cellText,
  strategy: cellText,
  effectiveness: cellText,
  overall: cellText,
  progress: cellText,
  issue: cellText,
  direction: cellText,
});

export const blockSchema = z.object({ plan: planSchema.nullable(), rows: z.array(outcomeRowSchema).min(1) });

/** One 具体的取組 row (取組内容 starts with its code 【1-1-1】 when it has one). */
export const actionSchema = z.object({
  section: cellText,
  item: cellText,
  content: z.string().min(1),
  goal: cellText,
  withdrawal: cellText,
  pastResult: cellText,
  result: cellText,
  figures: cellText,
  achievement: cellText,
  effective: cellText,
  issue: cellText,
  improvement: cellText,
});

/** One sheet: a 区政運営基本方針 pillar (「…」に向けて) with its outcomes and actions. */
export const policySheetSchema = z.object({
  sheetName: z.string().min(1).max(31),
  themeNo: z.string(),
  theme: z.string().min(1),
  blocks: z.array(blockSchema).min(1),
  actions: z.array(actionSchema),
});

export const policyReviewSeedSchema = z.object({
  file: z.string().regex(/^[a-z0-9-]+\.xlsx$/),
  title: z.string(),
  policy: z.string(),
  fiscalYear: z.string(),
  ward: z.string(),
  sheets: z.array(policySheetSchema).min(1),
});

export type OutcomeRow = z.infer<typeof outcomeRowSchema>;
export type PolicyPlan = z.infer<typeof planSchema>;
export type PolicyAction = z.infer<typeof actionSchema>;
export type PolicySheet = z.infer<typeof policySheetSchema>;
export type PolicyReviewSeed = z.infer<typeof policyReviewSeedSchema>;

export const POLICY_REVIEW_DATA = fileURLToPath(new URL('../data/policy-review-kita-2015.json', import.meta.url));

/** Reads and validates the transcription. */
export async function loadPolicyReviewData(path = POLICY_REVIEW_DATA): Promise<PolicyReviewSeed> {
  return policyReviewSeedSchema.parse(JSON.parse(await readFile(path, 'utf8')));
}
