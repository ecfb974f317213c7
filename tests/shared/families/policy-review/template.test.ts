import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../../../shared/families/index.ts';
import { a1 } from '../../../../shared/grid/index.ts';
import type { SheetRecord } from '../../../../shared/model/record.ts';
import { checkGrid } from '../../../../shared/rules/index.ts';
import { generateTemplate, type TemplateMap } from '../../../../templates/generate-template.ts';
import { readWorkbook, readWorkbookFile } from '../../../../worker/xlsx/index.ts';

const SEED = join(import.meta.dirname, '../../../../seeds/policy-review/policy-review-kita-2015.xlsx');
const family = FAMILIES.find((f) => f.id === 'policy-review')!;
const variant = family.variants.find((v) => v.id === 'ward')!;

/** Types a seed sheet into the blank form, every carried cell repeated on its row (no merges). */
async function fill(bytes: Buffer, map: TemplateMap, record: SheetRecord): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(map.sheet)!;
  for (const [key, cell] of Object.entries(map.fields)) {
    const value = record.fields?.[key]?.value;
    if (value) ws.getCell(cell).value = value;
  }
  const put = (row: number, col: number | undefined, value: string | null | undefined) => {
    if (col !== undefined && value) ws.getCell(a1(row, col)).value = value;
  };
  const outcomes = map.tables['outcomes']!;
  record.measures.forEach((m, i) => {
    const row = outcomes.firstRow + i;
    for (const [key, col] of Object.entries(outcomes.columns))
      put(row, col, key === 'section' ? m.group : key === 'indicator' ? m.name : m.fields?.[key]);
    for (const v of m.values)
      put(row, outcomes.years.find((y) => y.kind === v.kind && (v.kind === 'target' || y.year === v.year))?.col, v.raw);
  });
  const actions = map.tables['actions']!;
  (record.items?.['actions'] ?? []).forEach((a, i) => {
    for (const [key, col] of Object.entries(actions.columns)) put(actions.firstRow + i, col, a[key]);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const essence = (r: SheetRecord) => ({
  family: r.family,
  organization: r.organization,
  fiscalYear: r.fiscalYear,
  measures: r.measures.map((m) => ({
    group: m.group,
    name: m.name,
    fields: m.fields,
    values: m.values.map((v) => [v.year, v.kind, v.raw, v.value]),
  })),
  actions: (r.items?.['actions'] ?? []).map(({ cell: _cell, ...rest }) => rest),
  findings: r.findings.map((f) => f.code),
});

describe('policy-review template', () => {
  it('lays out a blank form the extractor recognises, legends printed', async () => {
    const { bytes, map } = await generateTemplate(family, variant, { fiscalYear: 2026 });
    const [grid] = (await readWorkbook(bytes)).grids;
    const record = checkGrid(grid!).record;
    expect(record).toMatchObject({
      family: 'policy-review',
      variant: 'ward',
      templateVersion: family.templateVersion,
      fiscalYear: 2026,
      measures: [],
      items: { actions: [] },
    });
    const text = grid!.rows.flatMap((row) => row.map((c) => c?.text ?? '')).join('\n');
    for (const legend of Object.values(family.legends ?? {}))
      for (const { code, meaning } of legend) expect(text).toContain(`${code}：${meaning}`);
    expect(Object.keys(map.tables)).toEqual(['outcomes', 'actions']);
    expect(map.tables['outcomes']!.years.map((y) => [y.kind, y.year])).toEqual([
      ['target', 2028],
      ['actual', 2026],
      ['actual', 2025],
    ]);
  });

  it('round-trips the seed: generate → type in the Kita ward sheets → same data and findings', async () => {
    const seeds = (await readWorkbookFile(SEED)).grids.map((g) => checkGrid(g).record);
    expect(seeds.map((s) => s.measures.length)).toEqual([10, 9]);
    for (const seed of seeds) {
      const { bytes, map } = await generateTemplate(family, variant, { fiscalYear: 2015, rows: 12 });
      const [grid] = (await readWorkbook(await fill(bytes, map, seed))).grids;
      expect(essence(checkGrid(grid!).record), seed.sheet).toEqual(essence(seed));
    }
  });
});
