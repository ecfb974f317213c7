// Builds the policy-review sample workbook (one sheet per 区政運営基本方針 pillar) from the transcription.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadPolicyReviewData, type PolicyReviewSeed, type PolicySheet } from './policy-review-data.ts';
import type { SeedBuilder } from './seed-builder.ts';
import { printOnA4, SheetWriter, type CellStyle } from './sheet-writer.ts';
import { dosDateTime, withFixedZipTimestamps } from './stable-zip.ts';

const SEED_DATE = new Date(Date.UTC(2016, 4, 31));

/** The legends the form prints above its tables. */
export const POLICY_REVIEW_LEGEND = [
  'アウトカムの達成状況　A：順調　B：順調でない　／　戦略のアウトカムに対する有効性　ア：有効であり、継続して推進　イ：有効でないため、戦略を見直す　／　戦略の進捗状況　a：順調　b：順調でない',
  '業績目標の達成状況　①：目標達成　②：目標未達成　(ⅰ)取組は予定どおり実施　(ⅱ)取組を予定どおり実施しなかった　③：撤退基準未達成　／　戦略に対する取組の有効性　○：有効　×：有効でないため見直す',
].join('\n');

/** Header fields shared by every sheet of the workbook. */
export interface PolicyReviewHead {
  title: string;
  policy: string;
  fiscalYear: string;
  ward: string;
}

const label = { label: true, size: 9 } as const;
const centred: CellStyle = { horizontal: 'center', vertical: 'middle' };

/** Lays out one sheet of the form; with `sheet` null it writes the blank form (one empty row per table). */
export function layoutPolicyReview(
  ws: ExcelJS.Worksheet,
  head: PolicyReviewHead | null,
  sheet: PolicySheet | null,
): void {
  const w = new SheetWriter(ws, 9);
  w.widths({ A: 14, B: 16, C: 26, D: 12, E: 24, F: 24, G: 24, H: 22, I: 8, J: 7, K: 7, L: 9, M: 8, N: 26, O: 26 });
  w.put('A1:O1', head?.title ?? '区政運営基本方針の成果目標の達成に向けた取組状況について', {
    bold: true,
    size: 14,
    border: false,
    vertical: 'middle',
  });
  w.put('A2', '区名', label);
  w.put('B2', head?.ward ?? '', centred);
  w.put('C2', '年度', label);
  w.put('D2', head?.fiscalYear ?? '', centred);
  w.put('E2', '区政運営基本方針', label);
  w.put('F2:O2', head?.policy ?? '', { vertical: 'middle' });
  w.put('A3', '柱', label);
  w.put('B3', sheet?.themeNo ?? '', centred);
  w.put('C3:O3', sheet?.theme ?? '', { vertical: 'middle', bold: true });
  w.put('A4', '凡例', label);
  w.put('B4:O4', POLICY_REVIEW_LEGEND, { size: 8, vertical: 'middle' });

  w.put('A6:O6', 'めざす成果および戦略', { bold: true, size: 11, border: false });
  w.put('A7:B7', '項目', label);
  w.put('C7:D7', '成果指標と目標値', label);
  w.put('E7:G7', '計画', label);
  w.put('H7:K7', 'アウトカムの達成状況', label);
  w.put('L7:L8', '戦略のアウトカムに対する有効性', label);
  w.put('M7:M8', '戦略の進捗状況', label);
  w.put('N7:N8', '課題', label);
  w.put('O7:O8', '今後の対応方向', label);
  ['施策', '取組', '成果指標', '目標値', 'めざす状態', 'アウトカム', '戦略', '個別', '前年度', '評価', '全体'].forEach(
    (text, i) => w.put(`${String.fromCharCode(65 + i)}8`, text, label),
  );

  let row = 9;
  const blocks = sheet?.blocks ?? [
    { plan: null, rows: [{ section: '', item: '', indicator: '', target: '', current: '', previous: '', rating: '' }] },
  ];
  for (const block of blocks) {
    const first = row;
    const last = row + block.rows.length - 1;
    for (const r of block.rows) {
      w.put(`C${row}`, r.indicator);
      w.put(`D${row}`, r.target, centred);
      w.put(`H${row}`, r.current);
      w.put(`I${row}`, r.previous, centred);
      w.put(`J${row}`, r.rating, centred);
      row++;
    }
    mergeRuns(
      w,
      first,
      block.rows.map((r) => r.section),
      'A',
    );
    mergeRuns(
      w,
      first,
      block.rows.map((r) => r.item),
      'B',
    );
    const p = block.plan;
    const dash = sheet ? '―' : '';
    w.put(`E${first}:E${last}`, p?.states ?? dash);
    w.put(`F${first}:F${last}`, p?.outcomes ?? dash);
    w.put(`G${first}:G${last}`, p?.strategy ?? dash);
    w.put(`K${first}:K${last}`, p?.overall ?? dash, centred);
    w.put(`L${first}:L${last}`, p?.effectiveness ?? dash, centred);
    w.put(`M${first}:M${last}`, p?.progress ?? dash, centred);
    w.put(`N${first}:N${last}`, p?.issue ?? dash);
    w.put(`O${first}:O${last}`, p?.direction ?? dash);
  }

  row += 1;
  w.put(`A${row}:O${row}`, '具体的取組', { bold: true, size: 11, border: false });
  const h1 = row + 1;
  const h2 = row + 2;
  w.put(`A${h1}:B${h1}`, '項目', label);
  w.put(`C${h1}:F${h1}`, '計画', label);
  w.put(`G${h1}:H${h1}`, '取組実績', label);
  w.put(`I${h1}:J${h1}`, '業績目標の達成状況', label);
  w.put(`K${h1}:L${h2}`, '戦略に対する取組の有効性', label);
  w.put(`M${h1}:N${h2}`, '課題', label);
  w.put(`O${h1}:O${h2}`, '改善策', label);
  ['施策', '取組', '取組内容', '業績目標', '撤退基準', '前年度までの実績'].forEach((text, i) =>
    w.put(`${String.fromCharCode(65 + i)}${h2}`, text, label),
  );
  w.put(`G${h2}:H${h2}`, '取組実績', label);
  w.put(`I${h2}`, '実績', label);
  w.put(`J${h2}`, '評価', label);
  row = h2 + 1;
  const actions = sheet?.actions ?? [
    {
      section: '',
      item: '',
      content: '',
      goal: '',
      withdrawal: '',
      pastResult: '',
      result: '',
      figures: '',
      achievement: '',
      effective: '',
      issue: '',
      improvement: '',
    },
  ];
  const firstAction = row;
  for (const a of actions) {
    w.put(`C${row}`, a.content);
    w.put(`D${row}`, a.goal);
    w.put(`E${row}`, a.withdrawal);
    w.put(`F${row}`, a.pastResult);
    w.put(`G${row}:H${row}`, a.result);
    w.put(`I${row}`, a.figures);
    w.put(`J${row}`, a.achievement, centred);
    w.put(`K${row}:L${row}`, a.effective, centred);
    w.put(`M${row}:N${row}`, a.issue);
    w.put(`O${row}`, a.improvement);
    row++;
  }
  mergeRuns(
    w,
    firstAction,
    actions.map((a) => a.section),
    'A',
  );
  mergeRuns(
    w,
    firstAction,
    actions.map((a) => a.item),
    'B',
  );
  w.fitRowHeights();
  ws.getRow(1).height = 24;
  ws.getRow(4).height = 34;
  ws.views = [{ showGridLines: false }];
  printOnA4(ws, {
    orientation: 'landscape',
    printArea: `A1:O${row - 1}`,
    printTitlesRow: '1:4',
    margins: { left: 0.3, right: 0.3, top: 0.5, bottom: 0.5 },
  });
}

/** Writes equal neighbouring values once, merged down their rows (a 施策 over its indicators). */
function mergeRuns(w: SheetWriter, firstRow: number, values: readonly string[], col: string): void {
  let start = 0;
  for (let i = 1; i <= values.length; i++) {
    if (i < values.length && values[i] === values[start]) continue;
    const top = firstRow + start;
    const bottom = firstRow + i - 1;
    w.put(top === bottom ? `${col}${top}` : `${col}${top}:${col}${bottom}`, values[start] ?? '', {
      vertical: 'middle',
    });
    start = i;
  }
}

/** The whole workbook: one sheet per pillar. */
export function policyReviewWorkbook(seed: PolicyReviewSeed): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = `${seed.ward}役所`;
  wb.lastModifiedBy = `${seed.ward}役所`;
  wb.created = SEED_DATE;
  wb.modified = SEED_DATE;
  for (const sheet of seed.sheets) layoutPolicyReview(wb.addWorksheet(sheet.sheetName), seed, sheet);
  return wb;
}

export async function buildPolicyReview(outDir: string, data?: PolicyReviewSeed): Promise<string[]> {
  const seed = data ?? (await loadPolicyReviewData());
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, seed.file);
  const raw = await policyReviewWorkbook(seed).xlsx.writeBuffer();
  await writeFile(path, withFixedZipTimestamps(new Uint8Array(raw), dosDateTime(2016, 5, 31)));
  return [path];
}

export const policyReviewBuilder: SeedBuilder = {
  family: 'policy-review',
  build: (outDir) => buildPolicyReview(outDir),
};
