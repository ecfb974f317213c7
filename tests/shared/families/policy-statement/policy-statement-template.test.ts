import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractSheet } from '../../../../shared/extract/index.ts';
import { FAMILIES } from '../../../../shared/families/index.ts';
import { loadPolicyStatementData } from '../../../../seed-src/build/policy-statement-data.ts';
import { policyStatementTemplate } from '../../../../templates/policy-statement.ts';
import { readWorkbook, readWorkbookFile } from '../../../../worker/xlsx/index.ts';

describe('policy-statement template', () => {
  it('is tagged and recognised blank, and filled with the seed data reads exactly as the seed workbook', async () => {
    const blank = await readWorkbook(await policyStatementTemplate());
    expect(extractSheet(blank.grids[0]!, FAMILIES).record).toMatchObject({
      family: 'policy-statement',
      templateVersion: '1',
    });

    const data = await loadPolicyStatementData();
    const filled = await readWorkbook(await policyStatementTemplate(data, data.sheetName));
    const seed = await readWorkbookFile(join('seeds/policy-statement', data.file));
    const fromTemplate = extractSheet(filled.grids[0]!, FAMILIES).record;
    expect(fromTemplate.templateVersion).toBe('1');
    expect({ ...fromTemplate, templateVersion: null }).toEqual({
      ...extractSheet(seed.grids[0]!, FAMILIES).record,
      templateVersion: null,
    });
  });
});
