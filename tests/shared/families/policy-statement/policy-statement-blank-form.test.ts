import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { extractSheet } from '../../../../shared/extract/index.ts';
import { FAMILIES } from '../../../../shared/families/index.ts';
import { layoutPolicyStatement } from '../../../../seed-src/build/policy-statement.ts';
import { readWorkbook } from '../../../../worker/xlsx/index.ts';

async function blank(layout: (ws: ExcelJS.Worksheet) => unknown) {
  const wb = new ExcelJS.Workbook();
  layout(wb.addWorksheet('様式'));
  const { grids } = await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
  return extractSheet(grids[0]!, FAMILIES).record;
}

describe('the blank 方針書 laid out by layoutPolicyStatement (what a template starts from)', () => {
  it('recognises the blank 方針書 with its sections empty and three empty priorities', async () => {
    const record = await blank((ws) => layoutPolicyStatement(ws, null));
    expect(record).toMatchObject({ family: 'policy-statement', measures: [] });
    const empty = ['mission', 'issues', 'slogan', 'policy', 'firstHalf', 'secondHalf', 'summary'].map(
      (k) => record.fields?.[k]?.value,
    );
    expect(empty).toEqual(['', '', '', '', '', '', '']);
    expect([record.organization, record.fiscalYear]).toEqual([null, null]);
    expect(record.items?.['priorities']?.map((p) => [p['no'], p['outcome'], p['actions']])).toEqual([
      ['1', null, null],
      ['2', null, null],
      ['3', null, null],
    ]);
  });
});
