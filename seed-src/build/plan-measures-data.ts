// The shape of seed-src/data/plan-measures-*.json: a transcription of 総合計画 施策シート as the plan prints them.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** A cell exactly as written: "86.5（2019）", "90.0 未満", "―", "3３6"; "" when empty. */
const cellText = z.string();
/** A narrative block: one entry per paragraph (bullet) as printed. */
const paragraphs = z.array(z.string().min(1));

export const outcomeIndicatorSchema = z.object({
  /** 指標の種類: 市民取組指標 / 統計指標 / 市民意識指標 */
  kind: z.string(),
  /** 指標名（単位） */
  name: z.string().min(1),
  /** 現状値（年度） */
  baseline: cellText,
  /** 目標値（2025年） */
  target: cellText,
});

export const processIndicatorSchema = outcomeIndicatorSchema.omit({ kind: true });

/** One block of 主な取組内容: an optional (n) heading, the 担当課 and its 取組項目 rows. */
export const actionBlockSchema = z.object({
  heading: cellText,
  division: z.string().min(1),
  items: z.array(z.object({ item: z.string().min(1), contents: paragraphs.min(1) })).min(1),
});

export const measureSheetSchema = z.object({
  sheetName: z.string().min(1).max(31),
  basicPolicy: z.object({ no: z.string().min(1), title: z.string().min(1) }),
  /** 施策 number as printed ("３５") and title. */
  no: z.string().min(1),
  title: z.string().min(1),
  /** ◆施策の目指す姿 */
  vision: paragraphs,
  outcomeIndicators: z.array(outcomeIndicatorSchema).min(1),
  /** ◆現状と課題 */
  issues: paragraphs,
  /** ◆施策の取組方針 */
  policy: paragraphs,
  /** ◆主な取組内容 */
  actions: z.array(actionBlockSchema).min(1),
  processIndicators: z.array(processIndicatorSchema).min(1),
  /** ◆共創のまちづくり方針と各主体の役割 */
  roles: z.array(z.object({ actor: z.string().min(1), texts: paragraphs.min(1) })).min(1),
});

/** The 基本目標 page before the 施策 sheets: its aims (◇) and 【３つのチャレンジ】. */
export const goalSheetSchema = z.object({
  sheetName: z.string().min(1).max(31),
  no: z.string().min(1),
  title: z.string().min(1),
  aims: paragraphs,
  challenges: z.array(z.object({ kind: z.string().min(1), texts: paragraphs.min(1) })),
});

export const planMeasuresSeedSchema = z.object({
  source: z.object({ seed: z.string(), municipality: z.string(), document: z.string() }),
  file: z.string().regex(/^[a-z0-9-]+\.xlsx$/),
  goal: goalSheetSchema,
  measures: z.array(measureSheetSchema).min(1),
});

export type OutcomeIndicator = z.infer<typeof outcomeIndicatorSchema>;
export type ProcessIndicator = z.infer<typeof processIndicatorSchema>;
export type ActionBlock = z.infer<typeof actionBlockSchema>;
export type MeasureSheet = z.infer<typeof measureSheetSchema>;
export type GoalSheet = z.infer<typeof goalSheetSchema>;
export type PlanMeasuresSeed = z.infer<typeof planMeasuresSeedSchema>;

/** The committed transcription of Suzaka City's 総合計画 施策シート (基本目標７, 施策35–39). */
export const suzakaDataPath = fileURLToPath(new URL('../data/plan-measures-suzaka-2025.json', import.meta.url));

/** Reads and validates a transcription file; throws (a programmer fault) when it does not match the schema. */
export async function loadPlanMeasuresData(path: string = suzakaDataPath): Promise<PlanMeasuresSeed> {
  const json: unknown = JSON.parse(await readFile(path, 'utf8'));
  return planMeasuresSeedSchema.parse(json);
}
