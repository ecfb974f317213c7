// Builds the action-plan sample workbook (a cover sheet and one sheet per pillar) and lays out the blank form.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import {
  loadActionPlanData,
  type ActionPlanPillar,
  type ActionPlanProject,
  type ActionPlanSeed,
} from './action-plan-data.ts';
import { typedValue, workbookBytes } from './org-goals.ts';
import type { SeedBuilder } from './seed-builder.ts';
import { printOnA4, SheetWriter, type CellStyle } from './sheet-writer.ts';

/** The plan-wide part of a sheet: title, period, scope line and the table headers. */
export type ActionPlanHeader = Pick<ActionPlanSeed, 'title' | 'scope' | 'period' | 'headers'>;

/** What one sheet shows: the plan header and the pillars laid out on it (one, or all of them). */
export interface ActionPlanSheet {
  plan: ActionPlanHeader;
  pillars: ActionPlanPillar[];
}

/** Headers of the blank form: the next plan period's years, which staff overwrite. */
export const BLANK_HEADER: ActionPlanHeader = {
  title: '区ビジョンまちづくり計画 実施計画',
  scope: '※区主体事業にかかる分',
  period: '',
  headers: {
    no: '事業番号',
    name: '事業名',
    summary: '事業概要',
    content: '事業内容',
    actual: 'R4実績',
    targetGroup: '工程・数値目標',
    targets: ['R5', 'R6'],
    division: '担当課',
  },
};

/** Every seed workbook claims this creation time, so rebuilding changes nothing. */
const SEED_DATE = new Date(Date.UTC(2021, 3, 1));
const BLANK_PROJECT_ROWS = 5;

const letter = (col: number): string => String.fromCharCode(64 + col);

/**
 * Lays out the form on `ws`: title block, then per pillar the Ⅰ heading, ◆ policy with its aim, (1) measure,
 * the ・ bullet paragraph and a two-row table header over the projects. `null` writes the blank form.
 */
export function layoutActionPlan(ws: ExcelJS.Worksheet, data: ActionPlanSheet | null): void {
  const plan = data?.plan ?? BLANK_HEADER;
  const { headers } = plan;
  const yearCount = headers.targets.length;
  const last = 6 + yearCount;
  const w = new SheetWriter(ws, 9);
  const widths: Record<string, number> = { A: 6, B: 16, C: 30, D: 26, E: 17 };
  for (let i = 0; i < yearCount; i++) widths[letter(6 + i)] = 17;
  widths[letter(last)] = 11;
  w.widths(widths);
  const span = (row: number, from = 1, to = last) => `${letter(from)}${row}:${letter(to)}${row}`;
  const heading = (row: number, text: string, style: CellStyle) =>
    w.put(span(row), text, { border: false, vertical: 'middle', ...style });

  heading(1, plan.title, { bold: true, size: 14 });
  w.put('A2', '計画期間', { label: true });
  w.put('B2:C2', plan.period, { vertical: 'middle' });
  w.put(`D2:${letter(last)}2`, plan.scope, { border: false, horizontal: 'right', vertical: 'middle' });

  let row = 4;
  const tableHeader = () => {
    const label = { label: true } as const;
    w.put(`A${row}:A${row + 1}`, headers.no, label);
    w.put(`B${row}:B${row + 1}`, headers.name, label);
    w.put(`C${row}:C${row + 1}`, headers.summary, label);
    w.put(`D${row}:D${row + 1}`, headers.content, label);
    w.put(`E${row}:E${row + 1}`, headers.actual, label);
    w.put(`F${row}:${letter(5 + yearCount)}${row}`, headers.targetGroup, label);
    headers.targets.forEach((t, i) => w.put(`${letter(6 + i)}${row + 1}`, t, label));
    w.put(`${letter(last)}${row}:${letter(last)}${row + 1}`, headers.division, label);
    row += 2;
  };
  const projectRows = (project: ActionPlanProject) => {
    const first = row;
    const end = row + project.rows.length - 1;
    w.put(`A${first}:A${end}`, typedValue(project.no), { horizontal: 'center' });
    w.put(`B${first}:B${end}`, project.name);
    const columns: [number, (r: ActionPlanProject['rows'][number]) => string | null][] = [
      [3, (r) => r.summary],
      [4, (r) => r.content],
      [5, (r) => r.actual],
      ...headers.targets.map((_, i): [number, (r: ActionPlanProject['rows'][number]) => string | null] => [
        6 + i,
        (r) => r.targets[i] ?? '',
      ]),
      [last, (r) => r.division],
    ];
    for (const [col, pick] of columns) {
      let start = 0;
      project.rows.forEach((r, i) => {
        const next = project.rows[i + 1];
        if (next && pick(next) === null) return;
        const value = typedValue(pick(project.rows[start]!) ?? '');
        const style: CellStyle =
          typeof value === 'number'
            ? { numFmt: '#,##0', horizontal: 'right' }
            : col === last
              ? { horizontal: 'center' }
              : {};
        w.put(`${letter(col)}${first + start}:${letter(col)}${first + i}`, value, style);
        start = i + 1;
      });
    }
    row = end + 1;
  };

  const pillars = data?.pillars ?? null;
  if (!pillars) {
    heading(row++, 'Ⅰ （まちづくりの柱）', { bold: true, size: 12 });
    heading(row++, '◆（施策の方向）', { bold: true });
    heading(row++, '（施策の方向の説明）', {});
    heading(row++, '(1)（施策）', { bold: true });
    heading(row++, '・（取組の方向）', {});
    tableHeader();
    for (let i = 0; i < BLANK_PROJECT_ROWS; i++)
      projectRows({
        no: '',
        name: '',
        rows: [{ summary: '', content: '', actual: '', targets: headers.targets.map(() => ''), division: '' }],
      });
  }
  for (const pillar of pillars ?? []) {
    heading(row++, `${pillar.no} ${pillar.title}`, { bold: true, size: 12 });
    for (const policy of pillar.policies) {
      row++;
      heading(row++, `◆${policy.title}`, { bold: true, size: 11 });
      if (policy.aim) heading(row++, policy.aim, {});
      for (const measure of policy.measures) {
        heading(row++, `${measure.no}${measure.title}`, { bold: true, size: 10 });
        for (const block of measure.blocks) {
          if (block.bullets.length > 0) heading(row++, block.bullets.map((b) => `・${b}`).join('\n'), {});
          tableHeader();
          for (const project of block.projects) projectRows(project);
          row++;
        }
      }
    }
  }
  w.fitRowHeights(16);
  ws.getRow(1).height = 24;
  ws.views = [{ showGridLines: false }];
  printOnA4(ws, { orientation: 'landscape', printArea: `A1:${letter(last)}${row}` });
}

/** The cover sheet: title, period, 位置づけ and the table of contents (pillars and policies). */
function layoutCover(ws: ExcelJS.Worksheet, seed: ActionPlanSeed): void {
  const w = new SheetWriter(ws, 11);
  w.widths({ A: 6, B: 70, C: 6 });
  w.put('A2:C2', seed.title, { bold: true, size: 18, horizontal: 'center', vertical: 'middle', border: false });
  w.put('A3:C3', seed.scope, { horizontal: 'center', border: false });
  w.put('A5:C5', seed.period, { horizontal: 'center', size: 14, border: false });
  w.put('A7:C7', '実施計画の位置づけ', { bold: true, border: false });
  w.put('A8:C8', seed.positioning, { border: false });
  w.put('A10:C10', '目次', { bold: true, border: false });
  let row = 11;
  for (const pillar of seed.pillars) {
    w.put(`A${row}:C${row}`, `${pillar.no} ${pillar.title}`, { bold: true, border: false });
    row++;
    pillar.policies.forEach((policy, i) => {
      w.put(`B${row}`, `${i + 1} ${policy.title}`, { border: false });
      row++;
    });
  }
  w.fitRowHeights(20);
  ws.views = [{ showGridLines: false }];
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: `A1:C${row}`,
  };
}

function newWorkbook(seed: ActionPlanSeed): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = `${seed.ward}役所`;
  wb.lastModifiedBy = `${seed.ward}役所`;
  wb.created = SEED_DATE;
  wb.modified = SEED_DATE;
  return wb;
}

/** The plan as the ward keeps it: a cover sheet, then one sheet per pillar (print titles on the header rows). */
export function actionPlanWorkbook(seed: ActionPlanSeed): ExcelJS.Workbook {
  const wb = newWorkbook(seed);
  layoutCover(wb.addWorksheet('表紙'), seed);
  for (const pillar of seed.pillars)
    layoutActionPlan(wb.addWorksheet(pillar.sheetName), { plan: seed, pillars: [pillar] });
  return wb;
}

/** The other way staff keep it: every pillar one after another on a single sheet. */
export function actionPlanSingleSheetWorkbook(seed: ActionPlanSeed, sheetName = '実施計画'): ExcelJS.Workbook {
  const wb = newWorkbook(seed);
  layoutActionPlan(wb.addWorksheet(sheetName), { plan: seed, pillars: seed.pillars });
  return wb;
}

/** Writes the seed workbook into `outDir`. */
export async function buildActionPlan(outDir: string, data?: ActionPlanSeed): Promise<string[]> {
  const seed = data ?? (await loadActionPlanData());
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, seed.file);
  await writeFile(path, await workbookBytes(actionPlanWorkbook(seed)));
  return [path];
}

export const actionPlanBuilder: SeedBuilder = { family: 'action-plan', build: (outDir) => buildActionPlan(outDir) };
