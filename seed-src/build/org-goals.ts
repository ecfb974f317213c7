// Builds the org-goals sample workbooks (one per sheet, as each division submits it) from the transcription.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadOrgGoalsData, type DivisionSheet, type OrgGoalsSeed, type WardSheet } from './org-goals-data.ts';
import type { SeedBuilder } from './seed-builder.ts';
import { printOnA4, SheetWriter } from './sheet-writer.ts';
import { dosDateTime, withFixedZipTimestamps } from './stable-zip.ts';

/** Every seed workbook claims this creation time (作成日 令和2年4月1日), so rebuilding changes nothing. */
export const SEED_DATE = new Date(Date.UTC(2020, 3, 1));

/** First row of the indicator table on a division sheet (rows 9–10 are its two header rows). */
export const FIRST_INDICATOR_ROW = 11;

const NUMBER_FORMAT = '#,##0';
const APPROACH_LABEL = '取り組みについて（今年度重点的に取り組む内容や目標設定の考え方など）';
const OUTCOME_LABEL = '取り組みの結果について（評価内容と評価結果を踏まえた今後の方針など）';

/** A cell as staff typed it: plain numbers ("1,660", "87") become numbers, anything else stays text. */
export function typedValue(text: string): string | number | null {
  if (text === '') return null;
  return /^(\d{1,3}(,\d{3})+|\d+)$/.test(text) ? Number(text.replace(/,/g, '')) : text;
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '秋葉区役所';
  wb.lastModifiedBy = '秋葉区役所';
  wb.created = SEED_DATE;
  wb.modified = SEED_DATE;
  return wb;
}

function pageSetup(ws: ExcelJS.Worksheet, printArea: string): void {
  printOnA4(ws, { orientation: 'landscape', printArea });
}

/** The division sheet: header block, purpose, the goal/indicator table and the two narrative blocks. */
export function divisionWorkbook(sheet: DivisionSheet): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet(sheet.sheetName);
  const w = new SheetWriter(ws);
  w.widths({ A: 10, B: 26, C: 28, D: 22, E: 9, F: 9, G: 9, H: 11, I: 9, J: 30, K: 10 });
  const label = { label: true } as const;
  const smallLabel = { label: true, size: 9 } as const;

  w.put('A1:G1', '組織目標管理シート', { bold: true, size: 14, border: false, vertical: 'middle' });
  w.put('I1', '年度', label);
  w.put('J1:K1', typedValue(sheet.fiscalYear), { horizontal: 'center', vertical: 'middle' });
  w.put('A2', '組織名（部）', smallLabel);
  w.put('B2:C2', sheet.department, { vertical: 'middle' });
  w.put('D2', '組織名（準部・課・機関名）', smallLabel);
  w.put('E2:G2', sheet.division, { vertical: 'middle' });
  w.put('I2', '作成日', label);
  w.put('J2:K2', sheet.createdOn, { vertical: 'middle' });
  w.put('I3', '修正日', label);
  w.put('J3:K3', sheet.revisedOn, { vertical: 'middle' });
  w.put('I4', '評価日', label);
  w.put('J4:K4', sheet.evaluatedOn, { vertical: 'middle' });
  w.put('A5', '問合せ先（電話番号）', smallLabel);
  w.put('B5:D5', sheet.phone, { vertical: 'middle' });
  w.put('A6:A8', '組織の目的', { label: true, stacked: true });
  w.put('B6:K8', sheet.purpose, { vertical: 'middle' });

  w.put('A9:A10', 'No.', label);
  w.put('B9:B10', '組織目標', label);
  w.put('C9:C10', '主な取組（事業）', label);
  w.put('D9:J9', '指標', label);
  w.put('K9', '目標達成状況', label);
  const { actuals, target, result } = sheet.yearHeaders;
  const headers = ['項目（単位）', ...actuals, target, result, '補足・参考指標', '評価'];
  headers.forEach((text, i) => w.put(`${String.fromCharCode(68 + i)}10`, text, label));

  let row = FIRST_INDICATOR_ROW;
  for (const goal of sheet.goals) {
    const last = row + goal.indicators.length - 1;
    w.put(`A${row}:A${last}`, goal.no, { horizontal: 'center', vertical: 'middle' });
    w.put(`B${row}:B${last}`, goal.text);
    w.put(`C${row}:C${last}`, goal.actions);
    for (const ind of goal.indicators) {
      w.put(`D${row}`, ind.label);
      const years = [...ind.actuals, ind.target, ind.result];
      years.forEach((text, i) => {
        const value = typedValue(text);
        const style =
          typeof value === 'number'
            ? ({ numFmt: NUMBER_FORMAT, horizontal: 'right' } as const)
            : ({ horizontal: 'center' } as const);
        w.put(`${String.fromCharCode(69 + i)}${row}`, value, { ...style, vertical: 'middle' });
      });
      w.put(`J${row}`, ind.note);
      w.put(`K${row}`, ind.evaluation, { horizontal: 'center', vertical: 'middle' });
      row++;
    }
  }

  const headingRow = row + 1;
  const textRow = row + 2;
  w.put(`A${headingRow}:E${headingRow}`, APPROACH_LABEL, { label: true, horizontal: 'left' });
  w.put(`F${headingRow}:K${headingRow}`, OUTCOME_LABEL, { label: true, horizontal: 'left' });
  w.put(`A${textRow}:E${textRow}`, sheet.approach);
  w.put(`F${textRow}:K${textRow}`, sheet.outcome);
  w.fitRowHeights();
  ws.getRow(1).height = 24;
  ws.getRow(textRow).height = Math.max(ws.getRow(textRow).height ?? 0, 120);

  ws.views = [{ showGridLines: false }];
  pageSetup(ws, `A1:K${textRow}`);
  return wb;
}

/** The ward sheet (秋葉区組織目標): purpose, ward goal, 重点目標 and the evaluation box. */
export function wardWorkbook(ward: WardSheet): ExcelJS.Workbook {
  const wb = newWorkbook();
  const ws = wb.addWorksheet(ward.sheetName);
  const w = new SheetWriter(ws, 11);
  w.widths({ A: 12, B: 6, C: 14, D: 14, E: 14, F: 14, G: 14, H: 14 });
  const label = { label: true } as const;

  w.put('A1:H1', ward.title, { bold: true, size: 16, horizontal: 'center', vertical: 'middle', border: false });
  w.put('A2', '組織名', label);
  w.put('B2:C2', ward.organization, { vertical: 'middle' });
  w.put('D2', ward.headLabel, label);
  w.put('E2:H2', ward.head, { vertical: 'middle' });
  w.put('A3', '組織の目的・方向性', label);
  w.put('B3:H3', ward.purpose, { vertical: 'middle' });
  w.put('A4', '秋葉区組織目標', label);
  w.put('B4:H4', ward.organizationGoal, { vertical: 'middle' });
  const firstGoalRow = 5;
  const lastGoalRow = firstGoalRow + ward.priorityGoals.length - 1;
  w.put(`A${firstGoalRow}:A${lastGoalRow}`, '重点目標', label);
  ward.priorityGoals.forEach((goal, i) => {
    const r = firstGoalRow + i;
    w.put(`B${r}`, goal.no, { horizontal: 'center' });
    w.put(`C${r}:H${r}`, goal.text);
  });
  const noteRow = lastGoalRow + 1;
  const evalRow = noteRow + 1;
  w.put(`B${noteRow}:H${noteRow}`, ward.note, { border: false });
  w.put(`A${evalRow}:A${evalRow + 1}`, '評価', label);
  w.put(`B${evalRow}`, '取組結果', { label: true, stacked: true });
  w.put(`C${evalRow}:H${evalRow}`, ward.evaluation.result);
  w.put(`B${evalRow + 1}:C${evalRow + 1}`, '重点目標の達成状況', label);
  w.put(`D${evalRow + 1}`, '目標数', label);
  w.put(`E${evalRow + 1}`, ward.evaluation.goalCount, { horizontal: 'center', vertical: 'middle' });
  w.put(`F${evalRow + 1}`, '達成数', label);
  w.put(`G${evalRow + 1}:H${evalRow + 1}`, ward.evaluation.achievedCount, { horizontal: 'center', vertical: 'middle' });
  w.fitRowHeights(20);
  ws.getRow(1).height = 30;
  ws.getRow(evalRow).height = Math.max(ws.getRow(evalRow).height ?? 0, 90);

  ws.views = [{ showGridLines: false }];
  pageSetup(ws, `A1:H${evalRow + 1}`);
  return wb;
}

/** Serialises a workbook with fixed zip timestamps, so the same content always gives the same bytes. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  const raw = await wb.xlsx.writeBuffer();
  return withFixedZipTimestamps(new Uint8Array(raw), dosDateTime(2020, 4, 1));
}

/** Writes the ward workbook and one workbook per division into `outDir`. */
export async function buildOrgGoals(outDir: string, data?: OrgGoalsSeed): Promise<string[]> {
  const seed = data ?? (await loadOrgGoalsData());
  await mkdir(outDir, { recursive: true });
  const books: [string, ExcelJS.Workbook][] = [
    [seed.ward.file, wardWorkbook(seed.ward)],
    ...seed.divisions.map((d): [string, ExcelJS.Workbook] => [d.file, divisionWorkbook(d)]),
  ];
  const written: string[] = [];
  for (const [file, wb] of books) {
    const path = join(outDir, file);
    await writeFile(path, await workbookBytes(wb));
    written.push(path);
  }
  return written;
}

export const orgGoalsBuilder: SeedBuilder = { family: 'org-goals', build: (outDir) => buildOrgGoals(outDir) };
