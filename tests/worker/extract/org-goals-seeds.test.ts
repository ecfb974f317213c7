import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SheetRecord } from '../../../shared/model/record.ts';
import { toHalfWidth } from '../../../shared/values/index.ts';
import { loadOrgGoalsData, type OrgGoalsSeed } from '../../../seed-src/build/org-goals-data.ts';
import { findSoffice, resaveWithLibreOffice } from '../../helpers/libreoffice.ts';
import { readSheet, relaidCopy, useTempDir } from '../../helpers/seed-workbooks.ts';
import {
  insertColumns,
  insertRowsAbove,
  numbersAsText,
  renameSheet,
  toFullWidthDigits,
  unmergeAll,
} from '../../helpers/relayout.ts';

const SEEDS = 'seeds/org-goals';
let data: OrgGoalsSeed;
const tmp = useTempDir('mokuhyo-og-');
const sheetOf = readSheet;

beforeAll(async () => {
  data = await loadOrgGoalsData();
});

/** The data a coordinator needs, independent of cell positions and of how digits were typed. */
function essence(sheet: SheetRecord) {
  return {
    family: sheet.family,
    organization: sheet.organization,
    fiscalYear: sheet.fiscalYear,
    measures: sheet.measures.map((m) => ({
      group: m.group,
      name: toHalfWidth(m.name),
      unit: m.unit,
      values: m.values.map((v) => [v.year, v.kind, v.value, v.comparator, v.blank]),
    })),
  };
}

const relaid = (file: string, edit: (ws: ExcelJS.Worksheet) => void, name: string) =>
  relaidCopy(join(SEEDS, file), edit, join(tmp(), `${name}-${file}`));

describe('org-goals seed workbooks', () => {
  it('extracts every indicator of every division exactly as transcribed', async () => {
    for (const division of data.divisions) {
      const sheet = await sheetOf(join(SEEDS, division.file));
      expect(sheet).toMatchObject({
        family: 'org-goals',
        variant: 'division',
        organization: division.division,
        fiscalYear: 2020,
      });
      const expected = division.goals.flatMap((goal) =>
        goal.indicators.map((ind) => ({
          group: String(goal.no),
          name: ind.label.trim(),
          raw: [...ind.actuals, ind.target, ind.result].map((t) => t.trim()),
          headers: [...division.yearHeaders.actuals, division.yearHeaders.target, division.yearHeaders.result],
        })),
      );
      expect(
        sheet.measures.map((m) => ({
          group: m.group,
          name: m.name,
          raw: m.values.map((v) => v.raw),
          headers: m.values.map((v) => v.header),
        })),
      ).toEqual(expected);
      for (const m of sheet.measures) {
        expect(m.values.map((v) => `${v.year}${v.kind}`)).toEqual([
          '2017actual',
          '2018actual',
          '2019actual',
          '2020target',
          '2020result',
        ]);
      }
      expect(sheet.fields?.['createdOn']?.value).toBe(division.createdOn);
      expect(sheet.fields?.['contact']?.value).toBe(division.phone);
    }
  });

  it('reads numbers typed in the seeds as numbers, dashes as blanks and targets as written', async () => {
    const sheet = await sheetOf(join(SEEDS, 'akiha-2020-kenko-fukushi.xlsx'));
    const frail = sheet.measures.find((m) => m.name.startsWith('フレイル'))!;
    expect(frail.values.map((v) => v.value)).toEqual([null, null, 1660, 1700, null]);
    expect(frail.values.map((v) => v.blank)).toEqual([true, true, false, false, true]);
    const somu = await sheetOf(join(SEEDS, 'akiha-2020-chiiki-somu.xlsx'));
    const power = somu.measures.find((m) => m.name.startsWith('庁舎における電気使用量'))!;
    expect(power).toMatchObject({ group: '5', unit: 'kw' });
    expect(power.values.map((v) => v.value)).toEqual([320354, 304615, 321508, 315492, null]);
  });

  it('reads the ward sheet', async () => {
    const sheet = await sheetOf(join(SEEDS, 'akiha-2020-ward.xlsx'));
    expect(sheet).toMatchObject({
      family: 'org-goals',
      variant: 'ward',
      organization: data.ward.organization,
      fiscalYear: 2020,
    });
    expect(sheet.items?.['priorities']?.map((p) => p['no'])).toEqual(['1', '2', '3', '4']);
    expect(sheet.items?.['priorities']?.[0]?.['text']).toBe(data.ward.priorityGoals[0]!.text);
    expect(sheet.fields?.['goalCount']?.value).toBe('４');
  });

  const edits: [string, (ws: ExcelJS.Worksheet) => void][] = [
    [
      'rows inserted above and inside the table',
      (ws) => {
        insertRowsAbove(ws, 1, 2);
        insertRowsAbove(ws, 14, 1);
      },
    ],
    [
      'columns inserted before and inside the table',
      (ws) => {
        insertColumns(ws, 1, 1);
        insertColumns(ws, 10, 1, { row: 11, text: '備考' });
      },
    ],
    ['cells unmerged and left blank', (ws) => unmergeAll(ws, 'blank')],
    ['cells unmerged with the text repeated', (ws) => unmergeAll(ws, 'repeat')],
    ['full-width digits everywhere, headers included', (ws) => toFullWidthDigits(ws, { allText: true })],
    ['numbers stored as text', (ws) => numbersAsText(ws)],
    ['a generic sheet name', (ws) => renameSheet(ws, 'Sheet1')],
  ];

  for (const [what, edit] of edits) {
    it(`extracts the same data with ${what}`, async () => {
      for (const division of data.divisions) {
        const base = essence(await sheetOf(join(SEEDS, division.file)));
        const changed = essence(await sheetOf(await relaid(division.file, edit, what.replace(/\W+/g, '-'))));
        expect(changed).toEqual(base);
      }
    });
  }

  it('extracts the same data after LibreOffice re-saves the workbooks', async () => {
    if (!(await findSoffice())) {
      if (process.env['CI']) throw new Error('soffice is required in CI');
      console.warn('LibreOffice not installed: skipped');
      return;
    }
    for (const file of [...data.divisions.map((d) => d.file), data.ward.file]) {
      const resaved = await resaveWithLibreOffice(join(SEEDS, file), join(tmp(), 'lo'));
      expect(resaved).not.toBeNull();
      expect(essence(await sheetOf(resaved!))).toEqual(essence(await sheetOf(join(SEEDS, file))));
    }
  }, 300_000);
});
