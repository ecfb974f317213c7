import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../worker/xlsx/index.ts';
import { XlsxBook, type CellStyle } from '../../../worker/xlsx/xlsx-book.ts';

const HEADER: CellStyle = {
  font: { name: '游ゴシック', size: 10, bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } },
  border: { top: { style: 'thin', color: { argb: 'FFBFBFBF' } }, bottom: { style: 'thin' } },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
};
const LINK: CellStyle = { font: { name: '游ゴシック', size: 10, underline: true, color: { argb: 'FF0563C1' } } };
const WRAP: CellStyle = { alignment: { vertical: 'top', wrapText: true } };

function book(): Buffer {
  const b = new XlsxBook({ creator: 'mokuhyo', created: new Date('2020-05-02T01:00:00Z') });
  const one = b.addSheet("課の'一覧'表", {
    columns: [{ width: 18 }, { width: 30, style: WRAP }, { width: 30, style: WRAP }, { width: 6 }],
    freezeRow: 3,
    print: { paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, titleRows: '1:2', margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
  });
  one.row(1, [{ value: '集計 <&> "表"' }]);
  one.row(2, [{ value: '課', style: HEADER }, { value: '指標', style: HEADER }, null, { value: '件数', style: HEADER }]);
  one.row(3, [{ value: '=危険課' }, { value: '  前後の空白  ' }, { value: '' }, { value: 12.5 }], 43);
  one.row(5, [{ value: true }, { value: '制御\u0001文字\u001fは落とす' }, { value: { text: 'kenko.xlsx › 健康福祉課!D11', hyperlink: "kenko.xlsx#'健康福祉課'!D11" }, style: LINK }, { value: 0 }]);
  one.end({ fromRow: 2, toRow: 5, columns: 4 });
  const two = b.addSheet('二枚目', {});
  two.row(1, [{ value: '課' }, { value: '=危険課' }]);
  two.end();
  return b.finish();
}

describe('XlsxBook', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(book() as unknown as ArrayBuffer);
  });

  it('writes text as text (never a formula), numbers, flags and shared strings once', () => {
    const ws = wb.getWorksheet("課の'一覧'表")!;
    expect(ws.getCell('A1').value).toBe('集計 <&> "表"');
    expect(ws.getCell('A3').value).toBe('=危険課');
    expect(ws.getCell('A3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B3').value).toBe('  前後の空白  ');
    expect(ws.getCell('C3').value).toBeNull();
    expect(ws.getCell('D3').value).toBe(12.5);
    expect(ws.getCell('A5').value).toBe(true);
    expect(ws.getCell('B5').value).toBe('制御文字は落とす');
    expect(ws.getCell('D5').value).toBe(0);
    expect(wb.getWorksheet('二枚目')!.getCell('B1').value).toBe('=危険課');
  });

  it('styles cells with fonts, fills, borders and alignment', () => {
    const ws = wb.getWorksheet("課の'一覧'表")!;
    const head = ws.getCell('B2');
    expect(head.font).toMatchObject({ name: '游ゴシック', size: 10, bold: true });
    expect(head.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
    expect(head.border).toMatchObject({ top: { style: 'thin', color: { argb: 'FFBFBFBF' } }, bottom: { style: 'thin' } });
    expect(head.alignment).toMatchObject({ horizontal: 'center', vertical: 'middle', wrapText: true });
    expect(ws.getCell('C5').font).toMatchObject({ underline: true, color: { argb: 'FF0563C1' } });
    expect(ws.getCell('A3').font?.bold).toBeFalsy();
  });

  it('sizes columns and rows, freezes the header, filters and prints A4 landscape with title rows', () => {
    const ws = wb.getWorksheet("課の'一覧'表")!;
    expect([1, 2, 3, 4].map((c) => ws.getColumn(c).width)).toEqual([18, 30, 30, 6]);
    expect(ws.getColumn(2).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(ws.getRow(3).height).toBe(43);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2, topLeftCell: 'A3' });
    expect(ws.autoFilter).toBe('A2:D5');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
    expect(ws.pageSetup.margins).toMatchObject({ left: 0.4, top: 0.6, header: 0.3 });
  });

  it('links cells to other files', () => {
    const cell = wb.getWorksheet("課の'一覧'表")!.getCell('C5');
    expect(cell.value).toMatchObject({ text: 'kenko.xlsx › 健康福祉課!D11', hyperlink: "kenko.xlsx#'健康福祉課'!D11" });
  });

  it('is a workbook the intake reads like any other', async () => {
    const { grids } = await readWorkbook(book());
    expect(grids.map((g) => g.sheet)).toEqual(["課の'一覧'表", '二枚目']);
    const rows = grids[0]!.rows;
    expect([rows[0]?.[0]?.text, rows[2]?.[0]?.text, rows[2]?.[3]?.value, rows[4]?.[1]?.text]).toEqual(['集計 <&> "表"', '=危険課', 12.5, '制御文字は落とす']);
    expect(rows[2]?.[0]?.formula).toBeUndefined();
  });

  it('refuses rows out of order and interleaved sheets', () => {
    const b = new XlsxBook({ creator: 't', created: new Date(0) });
    const s = b.addSheet('a', {});
    s.row(2, [{ value: 'x' }]);
    expect(() => s.row(2, [{ value: 'y' }])).toThrow(/row 2 written after row 2/);
    expect(() => b.addSheet('b', {})).toThrow(/before a ended/);
    expect(() => b.finish()).toThrow(/has not ended/);
  });

  it('refuses sheet names Excel would not open', () => {
    const b = new XlsxBook({ creator: 't', created: new Date(0) });
    for (const bad of ['', "'引用'", 'a/b', 'x'.repeat(32)]) expect(() => b.addSheet(bad, {})).toThrow(/invalid sheet name/);
    b.addSheet('Sheet', {}).end();
    expect(() => b.addSheet('SHEET', {})).toThrow(/duplicate/);
  });

  it('names columns past Z', async () => {
    const b = new XlsxBook({ creator: 't', created: new Date(0) });
    const wide = b.addSheet('広い', {});
    const columns = [1, 26, 27, 52, 53, 702, 703];
    wide.row(1, Array.from({ length: 703 }, (_, i) => (columns.includes(i + 1) ? { value: i + 1 } : null)));
    wide.end({ fromRow: 1, toRow: 1, columns: 703 });
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(b.finish() as unknown as ArrayBuffer);
    const ws = read.getWorksheet('広い')!;
    expect(['A1', 'Z1', 'AA1', 'AZ1', 'BA1', 'ZZ1', 'AAA1'].map((ref) => ws.getCell(ref).value)).toEqual(columns);
    expect(ws.autoFilter).toBe('A1:AAA1');
  });
});
