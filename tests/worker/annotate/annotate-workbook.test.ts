import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderedFinding } from '../../../shared/model/finding.ts';
import {
  annotateFile,
  NOTE_MARKER,
  noteText,
  RESULTS_SHEET,
  SEVERITY_ARGB,
  STATE_SHEET,
} from '../../../worker/annotate/index.ts';
import { readWorkbookFile } from '../../../worker/xlsx/index.ts';
import { findSoffice } from '../../helpers/libreoffice.ts';

const STAFF_FILL = 'FF00B050';
const f = (severity: RenderedFinding['severity'], cell: string | null, message: string): RenderedFinding => ({
  severity,
  code: `test/${severity}`,
  cell,
  message,
});

let dir: string;
let original: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mokuhyo-annotate-'));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('健康福祉課');
  ws.getCell('A1').value = '組織目標管理シート';
  ws.getCell('B2').value = 100;
  ws.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STAFF_FILL } };
  ws.getCell('B2').note = '担当メモ: 前年度は 90';
  ws.getCell('C3').value = '補足';
  ws.getCell('C3').note = '課長確認済み';
  ws.getCell('D4').value = '1,0OO';
  original = join(dir, 'original.xlsx');
  await wb.xlsx.writeFile(original);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function load(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

const argb = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
const markers = (text: string) => text.split(NOTE_MARKER).length - 1;

describe('annotateFile', () => {
  it('colours each finding cell, notes the message after staff notes, and lists findings with links', async () => {
    const before = await readFile(original);
    const out = join(dir, 'once.xlsx');
    await annotateFile(original, out, [
      {
        sheet: '健康福祉課',
        findings: [
          f('error', 'B2', 'B2 の目標値を確認'),
          f('warning', 'D4', 'D4 を数値に'),
          f('info', null, 'シート全体の情報'),
        ],
      },
    ]);
    expect(await readFile(original)).toEqual(before);
    const wb = await load(out);
    const ws = wb.getWorksheet('健康福祉課')!;
    expect(argb(ws.getCell('B2'))).toBe(SEVERITY_ARGB.error);
    expect(argb(ws.getCell('D4'))).toBe(SEVERITY_ARGB.warning);
    expect(noteText(ws.getCell('B2').note)).toBe(`担当メモ: 前年度は 90\n\n${NOTE_MARKER}\nB2 の目標値を確認`);
    expect(noteText(ws.getCell('C3').note)).toBe('課長確認済み');
    expect(wb.getWorksheet(STATE_SHEET)?.state).toBe('hidden');
    const results = wb.getWorksheet(RESULTS_SHEET)!;
    const rows = results
      .getSheetValues()
      .slice(2)
      .map((r) =>
        (r as ExcelJS.CellValue[]).slice(1).map((v) => (typeof v === 'object' && v && 'formula' in v ? v.formula : v)),
      );
    expect(rows).toEqual([
      [1, '健康福祉課', 'HYPERLINK("#\'健康福祉課\'!B2","B2")', 'エラー', 'B2 の目標値を確認', 'test/error'],
      [2, '健康福祉課', 'HYPERLINK("#\'健康福祉課\'!D4","D4")', '警告', 'D4 を数値に', 'test/warning'],
      [3, '健康福祉課', 'HYPERLINK("#\'健康福祉課\'!A1","A1")', '情報', 'シート全体の情報', 'test/info'],
    ]);
  });

  it('replaces earlier marks instead of stacking them and restores staff fills and notes', async () => {
    const once = join(dir, 'first.xlsx');
    const twice = join(dir, 'second.xlsx');
    const thrice = join(dir, 'third.xlsx');
    await annotateFile(original, once, [
      { sheet: '健康福祉課', findings: [f('error', 'B2', '一回目'), f('warning', 'D4', '一回目')] },
    ]);
    await annotateFile(once, twice, [{ sheet: '健康福祉課', findings: [f('warning', 'D4', '二回目')] }]);
    await annotateFile(twice, thrice, [{ sheet: '健康福祉課', findings: [f('warning', 'D4', '二回目')] }]);
    for (const path of [twice, thrice]) {
      const wb = await load(path);
      const ws = wb.getWorksheet('健康福祉課')!;
      expect(argb(ws.getCell('B2'))).toBe(STAFF_FILL);
      expect(noteText(ws.getCell('B2').note)).toBe('担当メモ: 前年度は 90');
      expect(noteText(ws.getCell('C3').note)).toBe('課長確認済み');
      expect(argb(ws.getCell('D4'))).toBe(SEVERITY_ARGB.warning);
      expect(noteText(ws.getCell('D4').note)).toBe(`${NOTE_MARKER}\n二回目`);
      expect(markers(noteText(ws.getCell('D4').note))).toBe(1);
      expect(wb.worksheets.map((s) => s.name)).toEqual(['健康福祉課', RESULTS_SHEET, STATE_SHEET]);
      expect(wb.getWorksheet(RESULTS_SHEET)!.rowCount).toBe(2);
    }
  });

  it('leaves a cell without earlier fill unfilled once its finding is gone', async () => {
    const once = join(dir, 'fill-once.xlsx');
    const clean = join(dir, 'fill-clean.xlsx');
    await annotateFile(original, once, [{ sheet: '健康福祉課', findings: [f('error', 'D4', '消える指摘')] }]);
    await annotateFile(once, clean, [{ sheet: '健康福祉課', findings: [] }]);
    const ws = (await load(clean)).getWorksheet('健康福祉課')!;
    expect(argb(ws.getCell('D4'))).toBeUndefined();
    expect(ws.getCell('D4').note).toBeUndefined();
  });

  it('writes a copy the xlsx reader takes back', async () => {
    const out = join(dir, 'readable.xlsx');
    await annotateFile(original, out, [{ sheet: '健康福祉課', findings: [f('error', 'B2', '確認')] }]);
    const { grids } = await readWorkbookFile(out);
    expect(grids.map((g) => g.sheet)).toEqual(['健康福祉課', RESULTS_SHEET, STATE_SHEET]);
  });

  it('writes a copy LibreOffice opens without complaint', async () => {
    const soffice = await findSoffice();
    if (!soffice) {
      if (process.env['CI']) throw new Error('LibreOffice (soffice) is required in CI');
      console.warn('skipped: LibreOffice (soffice) is not installed');
      return;
    }
    const out = join(dir, 'for-libreoffice.xlsx');
    await annotateFile(original, out, [
      { sheet: '健康福祉課', findings: [f('error', 'B2', '確認'), f('warning', 'D4', '数値')] },
    ]);
    const profile = await mkdtemp(join(tmpdir(), 'mokuhyo-lo-'));
    const converted = join(dir, 'converted');
    try {
      const run = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
        execFile(
          soffice,
          [
            `-env:UserInstallation=${pathToFileURL(profile).href}`,
            '--headless',
            '--norestore',
            '--nologo',
            '--nolockcheck',
            '--convert-to',
            'csv',
            '--outdir',
            converted,
            out,
          ],
          { timeout: 120_000, killSignal: 'SIGKILL' },
          (error, stdout, stderr) =>
            done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
        );
      });
      expect(run.code).toBe(0);
      // javaldx is LibreOffice probing for Java at start-up, not about the file.
      expect(run.stderr.split('\n').filter((line) => line.trim() !== '' && !/javaldx/.test(line))).toEqual([]);
      const csv = await readFile(join(converted, 'for-libreoffice.csv'), 'utf8').catch(() =>
        readFile(join(converted, 'for-libreoffice.csv'), 'latin1'),
      );
      expect(csv).toContain('100');
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
  });
});

describe('validate --annotate', () => {
  it('writes one copy per file into a folder for several inputs and refuses to overwrite the input', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number; stderr: string }>((done) => {
        execFile('node', ['bin/mokuhyo.js', 'validate', ...args], { timeout: 60_000 }, (error, _out, stderr) =>
          done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr }),
        );
      });
    const folder = join(dir, 'annotated');
    expect((await run(['--annotate', folder, 'seeds/org-goals'])).code).toBe(0);
    const wb = await load(join(folder, 'akiha-2020-chiiki-somu.xlsx'));
    expect(argb(wb.getWorksheet('地域総務課')!.getCell('D15'))).toBe(SEVERITY_ARGB.warning);
    await writeFile(join(dir, 'self.xlsx'), await readFile(original));
    const self = await run(['--annotate', join(dir, 'self.xlsx'), join(dir, 'self.xlsx')]);
    expect(self.code).toBe(2);
    expect(self.stderr).toContain('元のファイル');
  });
});
