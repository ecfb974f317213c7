// The 方針書 template: the same layout the seed builder fills, blank, tagged with its family and version.
import ExcelJS from 'exceljs';
import { policyStatementSpec } from '../shared/families/policy-statement/spec.ts';
import { layoutPolicyStatement } from '../seed-src/build/policy-statement.ts';
import type { PolicyStatementSeed } from '../seed-src/build/policy-statement-data.ts';
import { withFormTag } from './form-tag.ts';

/** The MOKUHYO_FORM tag of a 方針書 made from this template. */
export const POLICY_STATEMENT_TAG = `${policyStatementSpec.id}:${policyStatementSpec.variants[0]!.id}:${policyStatementSpec.templateVersion}`;

/** A tagged 方針書 workbook: blank when `data` is null, else filled (a round-trip test fills it). */
export async function policyStatementTemplate(
  data: PolicyStatementSeed | null = null,
  sheetName = '方針書',
  blank: { fiscalYear: string; organization: string } | null = null,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'mokuhyo';
  wb.created = new Date(Date.UTC(2020, 0, 1));
  wb.modified = wb.created;
  layoutPolicyStatement(wb.addWorksheet(sheetName), data, blank);
  return withFormTag(new Uint8Array(await wb.xlsx.writeBuffer()), POLICY_STATEMENT_TAG);
}
