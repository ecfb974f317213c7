// The 施策シート template: the same layout the seed builder fills, blank, tagged with its family and version.
import ExcelJS from 'exceljs';
import { planMeasuresSpec } from '../shared/families/plan-measures/spec.ts';
import { layoutPlanMeasures, type PlanMeasureSheetData } from '../seed-src/build/plan-measures.ts';
import { withFormTag } from './form-tag.ts';

/** The MOKUHYO_FORM tag of a 施策シート made from this template. */
export const PLAN_MEASURES_TAG = `${planMeasuresSpec.id}:${planMeasuresSpec.variants[0]!.id}:${planMeasuresSpec.templateVersion}`;

/** A tagged workbook with one 施策シート: blank when `data` is null, else filled (a round-trip test fills it). */
export async function planMeasuresTemplate(
  data: PlanMeasureSheetData | null = null,
  sheetName = '施策シート',
  body: string | null = null,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'mokuhyo';
  wb.created = new Date(Date.UTC(2020, 0, 1));
  wb.modified = wb.created;
  layoutPlanMeasures(wb.addWorksheet(sheetName), data, body);
  return withFormTag(new Uint8Array(await wb.xlsx.writeBuffer()), PLAN_MEASURES_TAG);
}
