import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { SheetRecord } from '../../../shared/model/record.ts';
import { toHalfWidth } from '../../../shared/values/index.ts';
import { checkGrid } from '../../../shared/rules/index.ts';
import { readWorkbookFile } from '../../../worker/xlsx/index.ts';
import { findSoffice, resaveWithLibreOffice } from '../../helpers/libreoffice.ts';
import {
  insertColumns,
  insertRowsAbove,
  numbersAsText,
  toFullWidthDigits,
  unmergeAll,
} from '../../helpers/relayout.ts';
import { relaidCopy, useTempDir } from '../../helpers/seed-workbooks.ts';

const SEED = 'seeds/policy-review/policy-review-kita-2015.xlsx';
const tmp = useTempDir('mokuhyo-pr-');

/** Each sheet extracted and checked, as `mokuhyo validate` does. */
async function sheetsOf(path: string): Promise<SheetRecord[]> {
  return (await readWorkbookFile(path)).grids.map((grid) => checkGrid(grid).record);
}

/** Everything a coordinator reads off each sheet — every column of both tables — whatever the cell positions and digit widths. */
function essence(sheets: readonly SheetRecord[]) {
  return JSON.parse(
    toHalfWidth(
      JSON.stringify(
        sheets.map((sheet) => ({
          family: sheet.family,
          organization: sheet.organization,
          fiscalYear: sheet.fiscalYear,
          fields: Object.fromEntries(Object.entries(sheet.fields ?? {}).map(([k, f]) => [k, f.value])),
          measures: sheet.measures.map((m) => ({
            group: m.group,
            name: m.name,
            unit: m.unit,
            fields: m.fields,
            values: m.values.map((v) => [v.year, v.kind, v.value, v.comparator, v.blank]),
          })),
          actions: (sheet.items?.['actions'] ?? []).map(({ cell: _cell, ...rest }) => rest),
          findings: sheet.findings.map((f) => f.code),
        })),
      ),
    ),
  ) as unknown;
}

const relaid = (edit: (ws: ExcelJS.Worksheet) => void, name: string) =>
  relaidCopy(SEED, edit, join(tmp(), `${name}.xlsx`));

describe('policy-review seed workbook', () => {
  it('reads both pillars with their plans, codes and what a coordinator flags in this self-evaluation', async () => {
    const sheets = await sheetsOf(SEED);
    expect(
      sheets.map((s) => [
        s.sheet,
        s.family,
        s.organization,
        s.fiscalYear,
        s.measures.length,
        s.items?.['actions']?.length,
      ]),
    ).toEqual([
      ['経営課題1', 'policy-review', '北区', 2015, 10, 8],
      ['経営課題2', 'policy-review', '北区', 2015, 9, 8],
    ]);
    expect(sheets.flatMap((s) => s.findings.map((f) => `${s.sheet} ${f.severity} ${f.code} ${f.cell}`)))
      .toMatchInlineSnapshot(`
      [
        "経営課題1 warning common/text-too-long C12",
        "経営課題1 warning policy-review/withdrawal-missing E23",
        "経営課題1 error policy-review/achievement-missing J23",
        "経営課題2 warning common/text-too-long C13",
        "経営課題2 error policy-review/withdrawal-triggered J24",
      ]
    `);
    expect(sheets[1]!.findings.find((f) => f.code === 'policy-review/withdrawal-triggered')?.params).toMatchObject({
      name: '【4-1-2】',
      code: '②(ⅰ)',
      computed: 'ホームページアクセス件数 208,872件→204,568件（前年度比 −2.1%）',
    });
  });

  const edits: [string, (ws: ExcelJS.Worksheet) => void][] = [
    [
      'rows inserted above the form and inside both tables',
      (ws) => {
        insertRowsAbove(ws, 1, 2);
        insertRowsAbove(ws, 14, 1);
        insertRowsAbove(ws, 28, 1);
      },
    ],
    [
      'columns inserted before and inside the tables',
      (ws) => {
        insertColumns(ws, 1, 1);
        insertColumns(ws, 9, 1, { row: 8, text: '備考' });
      },
    ],
    ['cells unmerged and left blank', (ws) => unmergeAll(ws, 'blank')],
    ['cells unmerged with the text repeated', (ws) => unmergeAll(ws, 'repeat')],
    ['full-width digits everywhere, headers included', (ws) => toFullWidthDigits(ws, { allText: true })],
    ['numbers stored as text', (ws) => numbersAsText(ws)],
  ];

  for (const [what, edit] of edits) {
    it(`extracts the same data and findings with ${what}`, async () => {
      const base = essence(await sheetsOf(SEED));
      expect(essence(await sheetsOf(await relaid(edit, what.replace(/\W+/g, '-'))))).toEqual(base);
    });
  }

  it('extracts the same data and findings after LibreOffice re-saves the workbook', async () => {
    if (!(await findSoffice())) {
      if (process.env['CI']) throw new Error('soffice is required in CI');
      console.warn('LibreOffice not installed: skipped');
      return;
    }
    const resaved = await resaveWithLibreOffice(SEED, join(tmp(), 'lo'));
    expect(resaved).not.toBeNull();
    expect(essence(await sheetsOf(resaved!))).toEqual(essence(await sheetsOf(SEED)));
  }, 300_000);
});
