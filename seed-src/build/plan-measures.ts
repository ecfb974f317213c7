// Builds the plan-measures sample workbook (the 基本目標 page and one sheet per 施策) from the transcription.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import {
  loadPlanMeasuresData,
  type GoalSheet,
  type MeasureSheet,
  type PlanMeasuresSeed,
} from './plan-measures-data.ts';
import type { SeedBuilder } from './seed-builder.ts';
import { printOnA4, SheetWriter, type CellStyle } from './sheet-writer.ts';
import { dosDateTime, withFixedZipTimestamps } from './stable-zip.ts';

/** Every plan workbook claims this creation time, so rebuilding changes nothing. */
export const PLAN_SEED_DATE = new Date(Date.UTC(2021, 3, 1));

/** One 施策 sheet's content plus the 基本目標 it belongs to and the municipality whose plan it is. */
export type PlanMeasureSheetData = MeasureSheet & { goal: { no: string; title: string }; municipality: string };

/** The title row naming the plan: "須坂市総合計画 施策シート"; the blank form leaves the name to fill in (〇〇市). */
export function planTitle(municipality: string | null): string {
  return `${municipality ?? '〇〇市'}総合計画\u3000施策シート`;
}

const OUTCOME_HEADER = ['指標の種類', '指標名', '現状値（年度）', '目標値（2025年）'] as const;
const PROCESS_HEADER = ['指標名', '現状値（年度）', '目標値（2025年）'] as const;
const BLANK_ROWS = 3;
const DEFAULT_ACTORS = ['市民', '活動団体', '民間事業者'];

/** A year cell as written: plain numbers ("10,000", "90.0", "0.590") become numbers keeping their format. */
export function yearCell(text: string): { value: string | number | null; numFmt?: string } {
  if (text === '') return { value: null };
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return { value: text };
  const decimals = m[2]?.length ?? 0;
  const numFmt = decimals > 0 ? `0.${'0'.repeat(decimals)}` : '#,##0';
  return { value: Number(text.replace(/,/g, '')), numFmt };
}

function bullets(lines: readonly string[], mark = ''): string {
  return lines.map((l) => `${mark}${l}`).join('\n');
}

/**
 * Lays out one 施策シート on `ws`: the blank form when `data` is null (the template), else filled in.
 * Columns A–H; returns the last row used.
 */
export function layoutPlanMeasures(
  ws: ExcelJS.Worksheet,
  data: PlanMeasureSheetData | null,
  /** A blank form's body (the municipality or ward collecting), written into the title instead of 〇〇市. */
  body: string | null = null,
): number {
  const w = new SheetWriter(ws, 10);
  w.widths({ A: 16, B: 12, C: 12, D: 12, E: 12, F: 9, G: 9, H: 14 });
  const label: CellStyle = { label: true };
  const section: CellStyle = { label: true, horizontal: 'left', bold: true };
  const title: CellStyle = { bold: true, border: false, vertical: 'middle' };

  w.put('A1:H1', planTitle(data?.municipality ?? body), { ...title, bold: false });
  w.put('A2:H2', data ? `基本目標${data.goal.no}\u3000${data.goal.title}` : '基本目標〇\u3000', { ...title, size: 11 });
  w.put('A3:H3', data ? `基本施策${data.basicPolicy.no}\u3000${data.basicPolicy.title}` : '基本施策〇\u3000', {
    ...title,
    size: 11,
  });
  w.put('A4:H4', data ? `施策${data.no}\u3000${data.title}` : '施策〇\u3000', { ...title, size: 14 });
  let row = 6;
  const narrative = (heading: string, lines: readonly string[] | undefined): void => {
    w.put(`A${row}:H${row}`, heading, section);
    w.put(`A${row + 1}:H${row + 1}`, lines ? bullets(lines) : '');
    if (!lines) ws.getRow(row + 1).height = 60;
    row += 3;
  };
  narrative('◆施策の目指す姿', data?.vision);

  w.put(`A${row}:H${row}`, '【成果指標】', { ...title, border: false });
  row++;
  w.put(`A${row}`, OUTCOME_HEADER[0], label);
  w.put(`B${row}:E${row}`, OUTCOME_HEADER[1], label);
  w.put(`F${row}:G${row}`, OUTCOME_HEADER[2], label);
  w.put(`H${row}`, OUTCOME_HEADER[3], label);
  row++;
  const outcome =
    data?.outcomeIndicators ??
    Array.from({ length: BLANK_ROWS }, () => ({ kind: '', name: '', baseline: '', target: '' }));
  for (const ind of outcome) {
    w.put(`A${row}`, ind.kind, { horizontal: 'center', vertical: 'middle' });
    w.put(`B${row}:E${row}`, ind.name, { vertical: 'middle' });
    putYear(w, `F${row}:G${row}`, ind.baseline);
    putYear(w, `H${row}`, ind.target);
    row++;
  }
  row++;
  narrative('◆現状と課題', data?.issues);
  narrative('◆施策の取組方針', data?.policy);

  const blocks = data?.actions ?? [{ heading: '', division: '', items: [{ item: '', contents: [''] }] }];
  w.put(`A${row}:F${row}`, '◆主な取組内容', section);
  blocks.forEach((block, i) => {
    if (i === 0 && block.heading === '') {
      w.put(`G${row}:H${row}`, block.division, { horizontal: 'right', vertical: 'middle', border: false });
    } else {
      if (i === 0) row++;
      if (block.heading !== '')
        w.put(`A${row}:F${row}`, block.heading, { bold: true, border: false, vertical: 'middle' });
      w.put(`G${row}:H${row}`, block.division, { horizontal: 'right', vertical: 'middle', border: false });
    }
    row++;
    w.put(`A${row}`, '取組項目', label);
    w.put(`B${row}:H${row}`, '具体的な内容', label);
    row++;
    for (const item of block.items) {
      w.put(`A${row}`, item.item, { vertical: 'middle' });
      w.put(`B${row}:H${row}`, item.contents.every((c) => c === '') ? '' : bullets(item.contents, '◇ '));
      row++;
    }
    row++;
  });

  w.put(`A${row}:H${row}`, '【プロセス指標】', { ...title, border: false });
  row++;
  w.put(`A${row}:E${row}`, PROCESS_HEADER[0], label);
  w.put(`F${row}:G${row}`, PROCESS_HEADER[1], label);
  w.put(`H${row}`, PROCESS_HEADER[2], label);
  row++;
  const process =
    data?.processIndicators ?? Array.from({ length: BLANK_ROWS }, () => ({ name: '', baseline: '', target: '' }));
  for (const ind of process) {
    w.put(`A${row}:E${row}`, ind.name, { vertical: 'middle' });
    putYear(w, `F${row}:G${row}`, ind.baseline);
    putYear(w, `H${row}`, ind.target);
    row++;
  }
  row++;

  w.put(`A${row}:H${row}`, '◆共創のまちづくり方針と各主体の役割', section);
  row++;
  w.put(`A${row}`, '主体', label);
  w.put(`B${row}:H${row}`, '期待される役割', label);
  row++;
  const roles = data?.roles ?? DEFAULT_ACTORS.map((actor) => ({ actor, texts: [] as string[] }));
  for (const r of roles) {
    w.put(`A${row}`, r.actor, { horizontal: 'center', vertical: 'middle' });
    w.put(`B${row}:H${row}`, bullets(r.texts), { vertical: 'middle' });
    if (r.texts.length === 0) ws.getRow(row).height = 36;
    row++;
  }
  const last = row - 1;
  w.fitRowHeights(18);
  ws.views = [{ showGridLines: false }];
  pageSetup(ws, `A1:H${last}`);
  return last;
}

function putYear(w: SheetWriter, range: string, text: string): void {
  const { value, numFmt } = yearCell(text);
  const style: CellStyle =
    typeof value === 'number' && numFmt
      ? { numFmt, horizontal: 'right', vertical: 'middle' }
      : { horizontal: 'center', vertical: 'middle' };
  w.put(range, value, style);
}

function pageSetup(ws: ExcelJS.Worksheet, printArea: string): void {
  printOnA4(ws, { orientation: 'portrait', printArea });
}

/** The 基本目標 page: its aims and 【３つのチャレンジ】 (not a 施策 sheet; no family claims it). */
export function layoutPlanGoal(ws: ExcelJS.Worksheet, goal: GoalSheet): void {
  const w = new SheetWriter(ws, 10);
  w.widths({ A: 14, B: 80 });
  w.put('A1:B1', `基本目標${goal.no}\u3000${goal.title}`, { bold: true, size: 14, border: false, vertical: 'middle' });
  w.put('A2:B2', bullets(goal.aims, '◇ '), { border: false });
  w.put('A4:B4', `【${goal.challenges.length === 3 ? '３' : String(goal.challenges.length)}つのチャレンジ】`, {
    bold: true,
    border: false,
  });
  let row = 5;
  for (const c of goal.challenges) {
    w.put(`A${row}`, c.kind, { label: true });
    w.put(`B${row}`, bullets(c.texts));
    row++;
  }
  w.fitRowHeights(18);
  ws.views = [{ showGridLines: false }];
  pageSetup(ws, `A1:B${row - 1}`);
}

/** What one 施策 sheet of the transcription shows: the sheet, its 基本目標 and the plan's municipality. */
export function planMeasureSheet(seed: PlanMeasuresSeed, measure: MeasureSheet): PlanMeasureSheetData {
  return { ...measure, goal: { no: seed.goal.no, title: seed.goal.title }, municipality: seed.source.municipality };
}

/** The whole plan workbook: the 基本目標 page, then one sheet per 施策. */
export function planWorkbook(seed: PlanMeasuresSeed): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '須坂市';
  wb.lastModifiedBy = '須坂市';
  wb.created = PLAN_SEED_DATE;
  wb.modified = PLAN_SEED_DATE;
  layoutPlanGoal(wb.addWorksheet(seed.goal.sheetName), seed.goal);
  for (const m of seed.measures) {
    layoutPlanMeasures(wb.addWorksheet(m.sheetName), planMeasureSheet(seed, m));
  }
  return wb;
}

/** Writes the plan workbook into `outDir`. */
export async function buildPlanMeasures(outDir: string, data?: PlanMeasuresSeed): Promise<string[]> {
  const seed = data ?? (await loadPlanMeasuresData());
  await mkdir(outDir, { recursive: true });
  const raw = await planWorkbook(seed).xlsx.writeBuffer();
  const path = join(outDir, seed.file);
  await writeFile(path, withFixedZipTimestamps(new Uint8Array(raw), dosDateTime(2021, 4, 1)));
  return [path];
}

export const planMeasuresBuilder: SeedBuilder = {
  family: 'plan-measures',
  build: (outDir) => buildPlanMeasures(outDir),
};
