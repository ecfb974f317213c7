import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractSheet } from '../../../../shared/extract/index.ts';
import { FAMILIES } from '../../../../shared/families/index.ts';
import { planMeasureSheet } from '../../../../seed-src/build/plan-measures.ts';
import { loadPlanMeasuresData } from '../../../../seed-src/build/plan-measures-data.ts';
import { planMeasuresTemplate } from '../../../../templates/plan-measures.ts';
import { readWorkbook, readWorkbookFile } from '../../../../worker/xlsx/index.ts';

describe('plan-measures template', () => {
  it('is tagged and recognised blank, and filled with the seed data reads exactly as the seed workbook', async () => {
    const blank = await readWorkbook(await planMeasuresTemplate());
    expect(extractSheet(blank.grids[0]!, FAMILIES).record).toMatchObject({
      family: 'plan-measures',
      templateVersion: '1',
      measures: [],
    });

    const data = await loadPlanMeasuresData();
    const seed = await readWorkbookFile(join('seeds/plan-measures', data.file));
    for (const m of data.measures) {
      const filled = await readWorkbook(await planMeasuresTemplate(planMeasureSheet(data, m), m.sheetName));
      const fromTemplate = extractSheet(filled.grids[0]!, FAMILIES).record;
      const fromSeed = extractSheet(
        seed.grids.find((g) => g.sheet === m.sheetName)!,
        FAMILIES,
      ).record;
      expect(fromTemplate.templateVersion).toBe('1');
      expect({ ...fromTemplate, templateVersion: null }).toEqual({ ...fromSeed, templateVersion: null });
    }
  });
});
