// 概要's totals and rates are formulas with their computed results stored: LibreOffice, recalculating them,
// gets the same values, and readers that do not calculate (exceljs, openpyxl) read the stored results.
import ExcelJS from 'exceljs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSummary } from '../../../shared/summary/index.ts';
import { ingestFile } from '../../../worker/summary/ingest-files.ts';
import { writeSummary } from '../../../worker/summary/write-summary.ts';
import { XlsxBook } from '../../../worker/xlsx/xlsx-book.ts';
import { findSoffice, recalculatedCsv } from '../../helpers/libreoffice.ts';
import { hasOpenpyxl, readWithOpenpyxl } from './read-back.ts';
import { EXPECTED, yearEndInbox } from './year-end-inbox.ts';

/** Splits RFC 4180 CSV (quoted fields, CRLF or LF) into rows of unquoted fields. */
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
    } else if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && ch === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

const soffice = await findSoffice();

describe('概要 totals and rates as formulas', () => {
  let dir: string;
  let path: string;
  let formulas: { row: number; col: number; address: string; formula: string; result: unknown; percent: boolean }[];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mokuhyo-formulas-'));
    const files = await yearEndInbox(join(dir, 'inbox'));
    const model = buildSummary(await Promise.all(files.map((file) => ingestFile(file))), {
      ward: '秋葉区',
      fiscalYear: 2020,
      expectedDivisions: EXPECTED,
      generatedAt: '2021-04-10T01:00:00.000Z',
    });
    path = join(dir, 'summary.xlsx');
    await writeFile(path, await writeSummary(model));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
    formulas = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type !== ExcelJS.ValueType.Formula) return;
          expect(ws.name).toBe('概要');
          formulas.push({
            row: Number(cell.row),
            col: Number(cell.col),
            address: cell.address,
            formula: cell.formula,
            result: cell.result,
            percent: cell.numFmt === '0.0%',
          });
        }),
      ),
    );
  }, 60_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('exceljs reads each formula with its stored result: the totals and rates a coordinator counts', () => {
    const byFormula = new Map(
      formulas.filter((f) => f.address !== 'A2').map((f) => [f.formula.replace(/\d+/g, '#'), f]),
    );
    expect([...byFormula.keys()].sort()).toEqual([
      'IF(E#+F#=#,"",E#/(E#+F#))',
      'SUM(D#:D#)',
      'SUM(E#:E#)',
      'SUM(E#:J#)',
      'SUM(F#:F#)',
      'SUM(G#:G#)',
      'SUM(H#:H#)',
      'SUM(I#:I#)',
      'SUM(J#:J#)',
    ]);
    const total = formulas.filter((f) => f.formula.startsWith('SUM(E') && !f.formula.includes(':J'));
    expect(total.map((f) => f.result)).toEqual([9]);
    const rates = formulas.filter((f) => f.percent).map((f) => f.result as number);
    expect(rates.at(-1)).toBeCloseTo(9 / 13, 10);
  });

  it('the headline on A2 reads its rate from the 合計 row, with the text computed here stored', () => {
    const headline = formulas.find((f) => f.address === 'A2')!;
    const rate = formulas.filter((f) => f.percent).at(-1)!;
    expect(headline.formula).toContain(`TEXT(${rate.address},"0.0%")`);
    expect(headline.formula).toContain(`IF(${rate.address}="","指標の達成割合 －（評価済みの指標なし）"`);
    expect(String(headline.result)).toMatch(/^作成 .*\u3000指標の達成割合 69\.2%$/);
  });

  it('openpyxl reads the stored results of the same cells', async ({ skip }) => {
    if (!(await hasOpenpyxl())) return skip();
    const sheet = (await readWithOpenpyxl(path))['概要']!;
    expect(Object.keys(sheet.cached).sort()).toEqual(formulas.map((f) => f.address).sort());
    for (const f of formulas) expect(sheet.cached[f.address], f.address).toEqual(f.result === '' ? null : f.result);
  });

  it.skipIf(!soffice)(
    'LibreOffice, recalculating every formula, shows the same values as the stored results',
    async () => {
      const rows = parseCsv((await recalculatedCsv(path))!);
      expect(formulas.length).toBeGreaterThan(10);
      for (const f of formulas) {
        const shown = rows[f.row - 1]?.[f.col - 1];
        const expected =
          f.result === '' ? '' : f.percent ? `${((f.result as number) * 100).toFixed(1)}%` : String(f.result);
        expect(shown, `${f.address} ${f.formula}`).toBe(expected);
      }
    },
    120_000,
  );

  it.skipIf(!soffice)(
    'the check recalculates: a wrong stored result is corrected by LibreOffice',
    async () => {
      const book = new XlsxBook({ creator: 'test', created: new Date(0) });
      const sheet = book.addSheet('概要', {});
      sheet.row(1, [{ value: 2 }, { value: 3 }, { value: { formula: 'SUM(A1:B1)', result: 999 } }]);
      sheet.end();
      const wrong = join(dir, 'wrong.xlsx');
      await writeFile(wrong, book.finish());
      expect(parseCsv((await recalculatedCsv(wrong))!)[0]).toEqual(['2', '3', '5']);
    },
    120_000,
  );
});

describe('formula cells of the writer', () => {
  it('refuses a formula that is not built from references, numbers and operators', () => {
    const book = new XlsxBook({ creator: 'test', created: new Date(0) });
    const sheet = book.addSheet('概要', {});
    expect(() => sheet.row(1, [{ value: { formula: 'HYPERLINK("http://evil.example","地域")', result: 0 } }])).toThrow(
      /not a formula of ours/,
    );
    expect(() => sheet.row(2, [{ value: { formula: "A1&'x'", result: 0 } }])).toThrow(/not a formula of ours/);
    // A literal must close, and no function but SUM / IF / TEXT may stand outside one.
    expect(() => sheet.row(3, [{ value: { formula: '"a"&WEBSERVICE("x")', result: 0 } }])).toThrow(/not a formula/);
    expect(() => sheet.row(4, [{ value: { formula: '"a""&HYPERLINK(1)', result: 0 } }])).toThrow(/not a formula/);
    expect(() =>
      sheet.row(5, [{ value: { formula: '"指標の達成割合 "&TEXT(K9,"0.0%")', result: 'x' } }]),
    ).not.toThrow();
  });
});

describe('chart labels on paper', () => {
  it('sizes the labels to print at 9 pt or more at the page scale', async () => {
    const { printedSize } = await import('../../../worker/summary/sheet-plan.ts');
    expect(printedSize(9, 100)).toBe(9);
    expect(printedSize(9, 80)).toBe(11.5);
    expect(printedSize(9, 80) * 0.8).toBeGreaterThanOrEqual(9);
  });
});
