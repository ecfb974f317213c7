import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionPlanSingleSheetWorkbook } from '../../../../seed-src/build/action-plan.ts';
import { loadActionPlanData, type ActionPlanSeed } from '../../../../seed-src/build/action-plan-data.ts';
import { workbookBytes } from '../../../../seed-src/build/org-goals.ts';
import { extractSheet } from '../../../../shared/extract/index.ts';
import { FAMILIES } from '../../../../shared/families/index.ts';
import type { Measure } from '../../../../shared/model/record.ts';
import { readWorkbook, readWorkbookFile } from '../../../../worker/xlsx/index.ts';
import { findSoffice, resaveWithLibreOffice } from '../../../helpers/libreoffice.ts';
import {
  insertColumns,
  insertRowsAbove,
  numbersAsText,
  toFullWidthDigits,
  unmergeAll,
} from '../../../helpers/relayout.ts';
import { digest, expectedRows, rowOf, SEED_FILE } from './action-plan-fixture.ts';

let seed: ActionPlanSeed;
let original: Measure[];
beforeAll(async () => {
  seed = await loadActionPlanData();
  original = await measuresOf(await readWorkbookFile(SEED_FILE));
});

async function measuresOf(book: Awaited<ReturnType<typeof readWorkbook>>): Promise<Measure[]> {
  return book.grids
    .flatMap((g) => extractSheet(g, FAMILIES))
    .filter((s) => s.record.family === 'action-plan')
    .flatMap((s) => s.record.measures);
}

/** Opens the seed, edits every pillar sheet, saves and extracts again. */
async function relaidOut(edit: (ws: ExcelJS.Worksheet) => void): Promise<Measure[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SEED_FILE);
  for (const ws of wb.worksheets.slice(1)) edit(ws);
  return measuresOf(await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer())));
}

describe('action-plan re-laid-out copies', () => {
  it.each([
    ['rows inserted above the title', (ws: ExcelJS.Worksheet) => insertRowsAbove(ws, 1, 3)],
    ['rows inserted between the headings and a table', (ws: ExcelJS.Worksheet) => insertRowsAbove(ws, 9, 2)],
    ['a column inserted before the table', (ws: ExcelJS.Worksheet) => insertColumns(ws, 1, 1)],
    ['a remarks column inserted between 事業名 and 事業概要', (ws: ExcelJS.Worksheet) => insertColumns(ws, 3, 1)],
    ['every merge undone, text left in the first cell', (ws: ExcelJS.Worksheet) => unmergeAll(ws, 'blank')],
    ['every merge undone, text repeated', (ws: ExcelJS.Worksheet) => unmergeAll(ws, 'repeat')],
    ['digits typed full-width everywhere', (ws: ExcelJS.Worksheet) => toFullWidthDigits(ws, { allText: true })],
    ['numbers stored as text', (ws: ExcelJS.Worksheet) => numbersAsText(ws)],
  ])('reads the same projects with %s', async (_, edit) => {
    const copy = await relaidOut(edit);
    expect(copy.map(digest)).toEqual(original.map(digest));
  });

  it('reads the same projects when all pillars are kept on one sheet', async () => {
    const book = await readWorkbook(await workbookBytes(actionPlanSingleSheetWorkbook(seed)));
    expect(book.grids).toHaveLength(1);
    const one = extractSheet(book.grids[0]!, FAMILIES);
    expect(one.record).toMatchObject({ family: 'action-plan', organization: '西区', fiscalYear: 2021 });
    expect(one.record.measures.map((m) => rowOf('', m))).toEqual(expectedRows(seed).map((r) => ({ ...r, sheet: '' })));
    expect(
      one.record.measures.filter((m) => m.fields?.['relist'] === 'true').map((m) => m.fields?.['relistOf']),
    ).toEqual(['3']);
  });
});

const soffice = await findSoffice();
if (!soffice && process.env['CI'])
  throw new Error('LibreOffice (soffice) is required in CI for the action-plan re-save test');
if (!soffice) console.warn('skipping the LibreOffice re-save test of action-plan: soffice not found');

describe.skipIf(!soffice)('action-plan saved by LibreOffice', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mokuhyo-action-plan-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads the same projects from the re-saved workbook', async () => {
    const input = join(dir, 'in', 'nishi.xlsx');
    await mkdtemp(join(dir, 'x'));
    await import('node:fs/promises').then((fs) => fs.mkdir(join(dir, 'in'), { recursive: true }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SEED_FILE);
    await writeFile(input, Buffer.from(await wb.xlsx.writeBuffer()));
    const out = await resaveWithLibreOffice(input, join(dir, 'out'));
    expect(out).not.toBeNull();
    const copy = await measuresOf(await readWorkbookFile(out!));
    expect(copy.map(digest)).toEqual(original.map(digest));
  }, 180_000);
});
