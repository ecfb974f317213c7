// The shape of seed-src/data/action-plan-*.json: a transcription of 区ビジョンまちづくり計画 実施計画 as staff keep it.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** A cell as written; null means the cell is merged with the one above (the same 事業概要 or 事業内容 for several rows). */
const continued = z.string().nullable();

/** One 事業内容 row: its own year cells and 担当課; summary/content/actual may continue the row above. */
export const projectRowSchema = z.object({
  summary: continued,
  content: continued,
  actual: continued,
  /** 工程・数値目標, one cell per plan year (R3, R4 …). */
  targets: z.array(continued).min(1),
  division: continued,
});

/** One 事業: 事業番号 ("1", "(再)") and 事業名, merged over its rows. */
export const projectSchema = z.object({
  no: z.string().min(1),
  name: z.string().min(1),
  rows: z.array(projectRowSchema).min(1),
});

/** The bullet paragraphs above a table and the table's projects. */
export const blockSchema = z.object({
  bullets: z.array(z.string().min(1)),
  projects: z.array(projectSchema).min(1),
});

/** (1) 施策: its title and one or more bullet+table blocks. */
export const measureSchema = z.object({
  no: z.string().regex(/^\(\d+\)$/),
  title: z.string().min(1),
  blocks: z.array(blockSchema).min(1),
});

/** ◆ 施策の方向 (policy) with its aim paragraph. */
export const policySchema = z.object({
  title: z.string().min(1),
  aim: z.string(),
  measures: z.array(measureSchema).min(1),
});

/** 柱 Ⅰ–Ⅴ: kept on its own sheet in the seed workbook. */
export const pillarSchema = z.object({
  no: z.string().min(1),
  title: z.string().min(1),
  sheetName: z.string().min(1).max(31),
  policies: z.array(policySchema).min(1),
});

/** Table headers as the plan writes them; the target years follow the plan period. */
export const headersSchema = z.object({
  no: z.string(),
  name: z.string(),
  summary: z.string(),
  content: z.string(),
  actual: z.string(),
  targetGroup: z.string(),
  targets: z.array(z.string()).min(1),
  division: z.string(),
});

export const actionPlanSeedSchema = z.object({
  file: z.string().regex(/^[a-z0-9-]+\.xlsx$/),
  ward: z.string().min(1),
  title: z.string().min(1),
  /** "※区主体事業にかかる分" */
  scope: z.string(),
  /** 計画期間 as written: "令和3年度～令和4年度". */
  period: z.string().min(1),
  /** 実施計画の位置づけ */
  positioning: z.string(),
  headers: headersSchema,
  pillars: z.array(pillarSchema).min(1),
});

export type ActionPlanSeed = z.infer<typeof actionPlanSeedSchema>;
export type ActionPlanPillar = z.infer<typeof pillarSchema>;
export type ActionPlanProject = z.infer<typeof projectSchema>;

const DEFAULT_DATA = fileURLToPath(new URL('../data/action-plan-nishi-2021.json', import.meta.url));

/** Reads and validates a transcription (the Nishi ward plan unless told otherwise). */
export async function loadActionPlanData(path = DEFAULT_DATA): Promise<ActionPlanSeed> {
  return actionPlanSeedSchema.parse(JSON.parse(await readFile(path, 'utf8')));
}
