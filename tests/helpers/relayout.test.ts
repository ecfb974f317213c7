import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  fullWidthDigits,
  insertColumns,
  insertRowsAbove,
  numbersAsText,
  renameSheet,
  toFullWidthDigits,
  unmergeAll,
} from './relayout.ts';

const kenko = fileURLToPath(new URL('../../seeds/org-goals/akiha-2020-kenko-fukushi.xlsx', import.meta.url));

async function openKenko(): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(kenko);
  const ws = wb.getWorksheet('健康福祉課');
  if (!ws) throw new Error('no 健康福祉課 sheet');
  return ws;
}

/** Writes the sheet's workbook to xlsx bytes and reads it back, so what is checked is what a reader sees. */
async function roundTrip(ws: ExcelJS.Worksheet): Promise<ExcelJS.Worksheet> {
  const bytes = await ws.workbook.xlsx.writeBuffer();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const out = wb.worksheets[0];
  if (!out) throw new Error('no sheet after round trip');
  return out;
}

const v = (ws: ExcelJS.Worksheet, address: string): ExcelJS.CellValue => ws.getCell(address).value;
const merges = (ws: ExcelJS.Worksheet): string[] => [...ws.model.merges].sort();

describe('insertRowsAbove', () => {
  it('moves cells, merges, styles and row heights down', async () => {
    const ws = await openKenko();
    const height12 = ws.getRow(12).height;
    insertRowsAbove(ws, 1, 3);
    const out = await roundTrip(ws);
    expect(v(out, 'A4')).toBe('組織目標管理シート');
    expect(['D15', 'G15', 'H15'].map((a) => v(out, a))).toEqual(['つながる支援ファイル利用者数（人）', 87, 100]);
    expect(v(out, 'A1')).toBeNull();
    expect(merges(out)).toEqual(
      expect.arrayContaining(['A4:G4', 'B9:K11', 'A12:A13', 'D12:J12', 'A15:A17', 'C15:C17']),
    );
    expect(merges(out)).not.toContain('A12:A14');
    expect(out.getRow(15).height).toBe(height12);
    expect(out.getCell('G17').numFmt).toBe('#,##0');
    expect(out.getCell('D15').border.left?.style).toBe('thin');
  });

  it('grows a merge that spans the insertion point, as Excel does', async () => {
    const ws = await openKenko();
    insertRowsAbove(ws, 13, 2);
    const out = await roundTrip(ws);
    expect(merges(out)).toEqual(expect.arrayContaining(['A12:A16', 'B12:B16', 'C12:C16']));
    expect([v(out, 'D12'), v(out, 'D13'), v(out, 'D15')]).toEqual([
      'つながる支援ファイル利用者数（人）',
      null,
      '子育て講座等の開催回数（回）',
    ]);
  });
});

describe('insertColumns', () => {
  it('adds a 備考 column inside the table and widens the merges across it', async () => {
    const ws = await openKenko();
    const widthI = ws.getColumn(9).width;
    insertColumns(ws, 10, 1, { row: 10, text: '備考' });
    const out = await roundTrip(ws);
    expect(['I10', 'J10', 'K10', 'L10'].map((a) => v(out, a))).toEqual(['R2結果', '備考', '補足・参考指標', '評価']);
    expect(merges(out)).toEqual(expect.arrayContaining(['D9:K9', 'B6:L8', 'K1:L1', 'A12:A14']));
    expect(v(out, 'L9')).toBe('目標達成状況');
    expect(v(out, 'K13')).toBe(
      '目標の回数は、子育て支援センター「新津育ちの森」で実施する子育て講座（区づくり事業の委託分）',
    );
    expect(v(out, 'J13')).toBeNull();
    expect(out.getCell('J13').border.right?.style).toBe('thin');
    expect(out.getColumn(10).width).toBe(widthI);
  });

  it('inserts several columns at the far left', async () => {
    const ws = await openKenko();
    insertColumns(ws, 1, 2);
    const out = await roundTrip(ws);
    expect(['C12', 'F12', 'I12'].map((a) => v(out, a))).toEqual([2, 'つながる支援ファイル利用者数（人）', 87]);
    expect(merges(out)).toEqual(expect.arrayContaining(['C1:I1', 'C12:C14', 'F9:L9']));
  });
});

describe('unmergeAll', () => {
  it("'blank' leaves text in the first cell only and keeps every cell's border", async () => {
    const ws = await openKenko();
    unmergeAll(ws, 'blank');
    const out = await roundTrip(ws);
    expect(out.model.merges).toEqual([]);
    expect([v(out, 'A12'), v(out, 'A13'), v(out, 'A14'), v(out, 'B13')]).toEqual([2, null, null, null]);
    expect(v(out, 'D9')).toBe('指標');
    expect(v(out, 'E9')).toBeNull();
    expect(out.getCell('A14').border.bottom?.style).toBe('thin');
  });

  it("'repeat' writes the text into every cell of the former merge", async () => {
    const ws = await openKenko();
    const goal = v(ws, 'B12');
    unmergeAll(ws, 'repeat');
    const out = await roundTrip(ws);
    expect(out.model.merges).toEqual([]);
    expect([v(out, 'A13'), v(out, 'A14'), v(out, 'B14')]).toEqual([2, 2, goal]);
    expect(['D9', 'G9', 'J9'].map((a) => v(out, a))).toEqual(['指標', '指標', '指標']);
  });
});

describe('toFullWidthDigits', () => {
  it('converts digits and their separators', () => {
    expect(fullWidthDigits('1,660')).toBe('１，６６０');
    expect(fullWidthDigits('0250-25-5711')).toBe('０２５０－２５－５７１１');
    expect(fullWidthDigits('R2目標')).toBe('R２目標');
    expect(fullWidthDigits('－')).toBe('－');
  });

  it('turns numeric cells and digit strings into full-width text, leaving labels alone', async () => {
    const ws = await openKenko();
    toFullWidthDigits(ws);
    const out = await roundTrip(ws);
    expect(['G14', 'H14', 'G12', 'A12'].map((a) => v(out, a))).toEqual(['１，６６０', '１，７００', '８７', '２']);
    expect(['E12', 'D12', 'G10'].map((a) => v(out, a))).toEqual(['－', 'つながる支援ファイル利用者数（人）', 'R1実績']);
  });

  it('with allText, converts digits inside any text, limited to a range', async () => {
    const ws = await openKenko();
    toFullWidthDigits(ws, { allText: true, range: 'E10:I12' });
    expect(['E10', 'G10', 'H12', 'G14', 'J16'].map((a) => v(ws, a))).toEqual([
      'Ｈ２９実績',
      'R１実績',
      '１００',
      1660,
      '・各係（担当）3件以上の取組',
    ]);
  });
});

describe('numbersAsText', () => {
  it('stores numbers as the text they display, formatted as text', async () => {
    const ws = await openKenko();
    numbersAsText(ws, { range: 'E11:I16' });
    const out = await roundTrip(ws);
    expect(['G14', 'H14', 'G12', 'A12'].map((a) => v(out, a))).toEqual(['1,660', '1,700', '87', 2]);
    expect(out.getCell('G14').numFmt).toBe('@');
  });
});

describe('renameSheet', () => {
  it('renames the sheet and refuses names Excel rejects', async () => {
    const ws = await openKenko();
    renameSheet(ws, '健康福祉課（R2）');
    const out = await roundTrip(ws);
    expect(out.name).toBe('健康福祉課（R2）');
    expect(() => renameSheet(ws, '健康/福祉')).toThrow(/sheet name/);
    expect(() => renameSheet(ws, 'あ'.repeat(32))).toThrow(/sheet name/);
  });
});
