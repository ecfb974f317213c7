// The shape of seed-src/data/org-goals-*.json: a transcription of 組織目標管理シート as staff filled them.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** A cell exactly as written: "1,660", "－", "―", a full-width space, "リニューアルの実施"; "" when empty. */
const cellText = z.string();

/** One indicator row: 項目（単位）, three prior actuals, this year's target and result, 補足, 評価. */
export const indicatorSchema = z.object({
  label: z.string().min(1),
  actuals: z.tuple([cellText, cellText, cellText]),
  target: cellText,
  result: cellText,
  note: cellText,
  evaluation: cellText,
});

/** One 組織目標 with its 主な取組（事業） (one multi-line cell) and its indicator rows. */
export const goalSchema = z.object({
  no: z.number().int().positive(),
  /** The 部区組織目標 column: the ward 重点目標 this goal serves ("" when none); not laid out in the workbook. */
  wardGoal: cellText,
  text: z.string().min(1),
  actions: cellText,
  indicators: z.array(indicatorSchema).min(1),
});

/** Year column headers as the division wrote them (Ｈ29実績 … or 2017実績 …). */
export const yearHeadersSchema = z.object({
  actuals: z.tuple([z.string(), z.string(), z.string()]),
  target: z.string(),
  result: z.string(),
});

/** A division sheet (地域総務課, 健康福祉課, …). */
export const divisionSheetSchema = z.object({
  file: z.string().regex(/^[a-z0-9-]+\.xlsx$/),
  sheetName: z.string().min(1).max(31),
  /** 年度 as written: "2020" or "令和2年度". */
  fiscalYear: z.string(),
  /** 組織名（部） */
  department: z.string(),
  /** 組織名（準部・課・機関名） */
  division: z.string(),
  createdOn: cellText,
  revisedOn: cellText,
  evaluatedOn: cellText,
  /** 問合せ先（電話番号） */
  phone: cellText,
  /** 組織の目的 */
  purpose: cellText,
  yearHeaders: yearHeadersSchema,
  goals: z.array(goalSchema).min(1),
  /** 取り組みについて（今年度重点的に取り組む内容や目標設定の考え方など） */
  approach: cellText,
  /** 取り組みの結果について（評価内容と評価結果を踏まえた今後の方針など） */
  outcome: cellText,
});

/** The ward sheet (秋葉区組織目標): purpose, ward goal, 重点目標 １–４ and the evaluation box. */
export const wardSheetSchema = z.object({
  file: z.string().regex(/^[a-z0-9-]+\.xlsx$/),
  sheetName: z.string().min(1).max(31),
  title: z.string(),
  organization: z.string(),
  headLabel: z.string(),
  head: z.string(),
  /** 組織の目的・方向性 */
  purpose: cellText,
  /** 秋葉区組織目標 */
  organizationGoal: cellText,
  /** 重点目標: numbers as written ("１"), texts. */
  priorityGoals: z.array(z.object({ no: z.string(), text: z.string() })).min(1),
  note: cellText,
  evaluation: z.object({
    /** 取組結果 */
    result: cellText,
    /** 重点目標の達成状況 目標数 / 達成数 as written */
    goalCount: cellText,
    achievedCount: cellText,
  }),
});

export const orgGoalsSeedSchema = z.object({
  source: z.object({ seed: z.string(), municipality: z.string(), document: z.string() }),
  ward: wardSheetSchema,
  divisions: z.array(divisionSheetSchema).min(1),
});

export type Indicator = z.infer<typeof indicatorSchema>;
export type Goal = z.infer<typeof goalSchema>;
export type DivisionSheet = z.infer<typeof divisionSheetSchema>;
export type WardSheet = z.infer<typeof wardSheetSchema>;
export type OrgGoalsSeed = z.infer<typeof orgGoalsSeedSchema>;

/** The committed transcription of the published 組織目標管理シート of Niigata City 秋葉区, FY2020. */
export const akiha2020DataPath = fileURLToPath(new URL('../data/org-goals-akiha-2020.json', import.meta.url));

/** Reads and validates a transcription file; throws (a programmer fault) when it does not match the schema. */
export async function loadOrgGoalsData(path: string = akiha2020DataPath): Promise<OrgGoalsSeed> {
  const json: unknown = JSON.parse(await readFile(path, 'utf8'));
  return orgGoalsSeedSchema.parse(json);
}
