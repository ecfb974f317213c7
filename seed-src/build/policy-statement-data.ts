// The shape of seed-src/data/policy-statement-*.json: a transcription of a 方針書 as the office filled it in.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Bullet or numbered lines as written, without their marks (・, ①). */
const lines = z.array(z.string().min(1));

/** A report on one priority in sections 6–8: its heading as written ("(1)市民が主役の…") and its lines. */
export const reportSchema = z.object({ heading: z.string().min(1), lines });

export const policyStatementSeedSchema = z.object({
  source: z.object({ seed: z.string(), municipality: z.string(), document: z.string() }),
  file: z.string().regex(/^[a-z0-9-]+\.xlsx$/),
  sheetName: z.string().min(1).max(31),
  /** 年度 as written in the title ("令和２年度"). */
  fiscalYear: z.string(),
  organization: z.string().min(1),
  head: z.string(),
  /** １．組織の使命（ありたい姿） */
  mission: z.string(),
  /** ２．組織の抱える課題（現状） */
  issues: lines,
  /** ３．今年度の『スローガン』 */
  slogan: z.string(),
  /** ４．今年度の方針 */
  policy: lines,
  /** ５．今年度の重点取組項目: number as written ("（１）"), 実現したい成果, 取組内容 ①②③ */
  priorities: z.array(z.object({ no: z.string().min(1), outcome: z.string(), actions: lines })).min(1),
  /** ６．方針に対する年度上期（4月～9月）の取組状況 */
  firstHalf: z.array(reportSchema),
  /** ７．年度下期（10月～3月）に向けた課題と取組方針 */
  secondHalf: z.array(reportSchema),
  /** ８．総括 */
  summary: z.array(reportSchema),
});

export type PolicyStatementSeed = z.infer<typeof policyStatementSeedSchema>;
export type PolicyReport = z.infer<typeof reportSchema>;

/** The committed transcription of the 方針書 of Yokote City's 増田地域局, FY2020. */
export const masudaDataPath = fileURLToPath(new URL('../data/policy-statement-masuda-2020.json', import.meta.url));

/** Reads and validates a transcription file; throws (a programmer fault) when it does not match the schema. */
export async function loadPolicyStatementData(path: string = masudaDataPath): Promise<PolicyStatementSeed> {
  const json: unknown = JSON.parse(await readFile(path, 'utf8'));
  return policyStatementSeedSchema.parse(json);
}
