// Builds the policy-statement sample workbook (one 方針書 sheet) from the transcription.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadPolicyStatementData, type PolicyReport, type PolicyStatementSeed } from './policy-statement-data.ts';
import type { SeedBuilder } from './seed-builder.ts';
import { printOnA4, SheetWriter, type CellStyle } from './sheet-writer.ts';
import { dosDateTime, withFixedZipTimestamps } from './stable-zip.ts';

/** The workbook claims this creation time, so rebuilding changes nothing. */
export const STATEMENT_SEED_DATE = new Date(Date.UTC(2020, 3, 1));

export const SECTION_TITLES = [
  '１．組織の使命（ありたい姿）',
  '２．組織の抱える課題（現状）',
  '３．今年度の『スローガン』',
  '４．今年度の方針',
  '５．今年度の重点取組項目',
  '６．方針に対する年度上期（4月～9月）の取組状況',
  '７．年度下期（10月～3月）に向けた課題と取組方針【ギャップと対策】',
  '８．総括（取組みの結果と成果、次年度に向けた課題【結果と成果】）',
] as const;

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';
const BLANK_PRIORITIES = 3;

function reportText(reports: readonly PolicyReport[]): string {
  return reports.map((r) => [r.heading, ...r.lines.map((l) => `\u3000${l}`)].join('\n')).join('\n');
}

/**
 * Lays out one 方針書 on `ws`: the blank form when `data` is null (the template), else filled in.
 * Columns A–H; returns the last row used.
 */
export function layoutPolicyStatement(
  ws: ExcelJS.Worksheet,
  data: PolicyStatementSeed | null,
  /** A blank form's year (令和2年度) and 所属, written in when the form is handed to a division. */
  blank: { fiscalYear: string; organization: string } | null = null,
): number {
  const w = new SheetWriter(ws, 10);
  w.widths({ A: 7, B: 8, C: 8, D: 14, E: 14, F: 14, G: 14, H: 14 });
  const section: CellStyle = { label: true, horizontal: 'left', bold: true };
  const label: CellStyle = { label: true };
  const known = data ?? blank;
  const title = known
    ? `${known.fiscalYear}\u3000${known.organization}の方針書`
    : '令和\u3000\u3000年度\u3000\u3000\u3000\u3000の方針書';
  w.put('A1:H1', title, { bold: true, size: 14, horizontal: 'center', vertical: 'middle', border: false });
  w.put('F2', '所属', { ...label, size: 9 });
  w.put('G2:H2', known?.organization ?? '', { vertical: 'middle' });
  w.put('F3', '所属長', { ...label, size: 9 });
  w.put('G3:H3', data?.head ?? '', { vertical: 'middle' });

  let row = 5;
  const block = (heading: string, text: string, minHeight: number, style: CellStyle = {}): void => {
    w.put(`A${row}:H${row}`, heading, section);
    w.put(`A${row + 1}:H${row + 1}`, text, style);
    if (text === '') ws.getRow(row + 1).height = minHeight;
    row += 2;
  };
  const [mission, issues, slogan, policy, priorities, firstHalf, secondHalf, summary] = SECTION_TITLES;
  block(mission, data?.mission ?? '', 40);
  block(issues, data ? data.issues.map((l) => `・${l}`).join('\n') : '', 60);
  block(slogan, data?.slogan ?? '', 24, { bold: true, horizontal: 'center', vertical: 'middle' });
  block(policy, data ? data.policy.map((l) => `・${l}`).join('\n') : '', 48);

  w.put(`A${row}:H${row}`, priorities, section);
  row++;
  const items =
    data?.priorities ??
    Array.from({ length: BLANK_PRIORITIES }, (_, i) => ({
      no: `（${String.fromCharCode(0xff11 + i)}）`,
      outcome: '',
      actions: [] as string[],
    }));
  for (const p of items) {
    w.put(`A${row}:A${row + 1}`, p.no, { horizontal: 'center', vertical: 'middle' });
    w.put(`B${row}:C${row}`, '実現したい成果', label);
    w.put(`D${row}:H${row}`, p.outcome, { vertical: 'middle' });
    w.put(`B${row + 1}:C${row + 1}`, '取組内容', label);
    w.put(`D${row + 1}:H${row + 1}`, p.actions.map((a, i) => `${CIRCLED[i] ?? ''}${a}`).join('\n'));
    if (p.actions.length === 0) ws.getRow(row + 1).height = 48;
    row += 2;
  }
  row++;
  block(firstHalf, data ? reportText(data.firstHalf) : '', 120);
  block(secondHalf, data ? reportText(data.secondHalf) : '', 120);
  block(summary, data ? reportText(data.summary) : '', 120);
  const last = row - 1;
  w.fitRowHeights(18);
  ws.getRow(1).height = 30;
  ws.views = [{ showGridLines: false }];
  printOnA4(ws, { orientation: 'portrait', printArea: `A1:H${last}` });
  return last;
}

/** Writes the 方針書 workbook into `outDir`. */
export async function buildPolicyStatement(outDir: string, data?: PolicyStatementSeed): Promise<string[]> {
  const seed = data ?? (await loadPolicyStatementData());
  const wb = new ExcelJS.Workbook();
  wb.creator = '横手市';
  wb.lastModifiedBy = '横手市';
  wb.created = STATEMENT_SEED_DATE;
  wb.modified = STATEMENT_SEED_DATE;
  layoutPolicyStatement(wb.addWorksheet(seed.sheetName), seed);
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, seed.file);
  await writeFile(path, withFixedZipTimestamps(new Uint8Array(await wb.xlsx.writeBuffer()), dosDateTime(2020, 4, 1)));
  return [path];
}

export const policyStatementBuilder: SeedBuilder = {
  family: 'policy-statement',
  build: (outDir) => buildPolicyStatement(outDir),
};
