import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { extractSheet } from '../../../../shared/extract/index.ts';
import { FAMILIES } from '../../../../shared/families/index.ts';
import { layoutPlanMeasures } from '../../../../seed-src/build/plan-measures.ts';
import { readWorkbook } from '../../../../worker/xlsx/index.ts';

async function blank(layout: (ws: ExcelJS.Worksheet) => unknown) {
  const wb = new ExcelJS.Workbook();
  layout(wb.addWorksheet('様式'));
  const { grids } = await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
  return extractSheet(grids[0]!, FAMILIES).record;
}

describe('the blank 施策シート laid out by layoutPlanMeasures (what a template starts from)', () => {
  it('recognises the blank 施策シート with empty tables and all its sections', async () => {
    const record = await blank((ws) => layoutPlanMeasures(ws, null));
    expect(record).toMatchObject({ family: 'plan-measures', measures: [], fiscalYear: 2025 });
    expect(Object.keys(record.fields ?? {}).sort()).toEqual(['issues', 'policy', 'vision']);
    expect(record.items?.['roles']).toEqual([]);
  });
});
