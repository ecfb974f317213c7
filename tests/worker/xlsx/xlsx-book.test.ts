import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../../../worker/xlsx/index.ts';
import { XlsxBook, type CellStyle } from '../../../worker/xlsx/xlsx-book.ts';
import { readZipEntries } from '../../helpers/zip-reader.ts';

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
    print: {
      paperSize: 9,
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      titleRows: '1:2',
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  one.row(1, [{ value: '集計 <&> "表"' }]);
  one.row(2, [
    { value: '課', style: HEADER },
    { value: '指標', style: HEADER },
    null,
    { value: '件数', style: HEADER },
  ]);
  one.row(3, [{ value: '=危険課' }, { value: '  前後の空白  ' }, { value: '' }, { value: 12.5 }], 43);
  one.row(5, [
    { value: true },
    { value: '制御\u0001文字\u001fは落とす' },
    { value: { text: 'kenko.xlsx › 健康福祉課!D11', hyperlink: "kenko.xlsx#'健康福祉課'!D11" }, style: LINK },
    { value: 0 },
  ]);
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
    expect(head.border).toMatchObject({
      top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
      bottom: { style: 'thin' },
    });
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
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:2',
    });
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
    expect([rows[0]?.[0]?.text, rows[2]?.[0]?.text, rows[2]?.[3]?.value, rows[4]?.[1]?.text]).toEqual([
      '集計 <&> "表"',
      '=危険課',
      12.5,
      '制御文字は落とす',
    ]);
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
    for (const bad of ['', "'引用'", 'a/b', 'x'.repeat(32)])
      expect(() => b.addSheet(bad, {})).toThrow(/invalid sheet name/);
    b.addSheet('Sheet', {}).end();
    expect(() => b.addSheet('SHEET', {})).toThrow(/duplicate/);
  });

  it('names columns past Z', async () => {
    const b = new XlsxBook({ creator: 't', created: new Date(0) });
    const wide = b.addSheet('広い', {});
    const columns = [1, 26, 27, 52, 53, 702, 703];
    wide.row(
      1,
      Array.from({ length: 703 }, (_, i) => (columns.includes(i + 1) ? { value: i + 1 } : null)),
    );
    wide.end({ fromRow: 1, toRow: 1, columns: 703 });
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(b.finish() as unknown as ArrayBuffer);
    const ws = read.getWorksheet('広い')!;
    expect(['A1', 'Z1', 'AA1', 'AZ1', 'BA1', 'ZZ1', 'AAA1'].map((ref) => ws.getCell(ref).value)).toEqual(columns);
    expect(ws.autoFilter).toBe('A1:AAA1');
  });

  it('writes number formats, a fixed print scale, header and footer, and a chart in its own parts', async () => {
    const b = new XlsxBook({ creator: 't', created: new Date(0) });
    const margins = { left: 0.4, right: 0.4, top: 0.75, bottom: 0.6, header: 0.3, footer: 0.3 };
    const s = b.addSheet('概要', {
      print: {
        paperSize: 9,
        orientation: 'landscape',
        fitToWidth: 1,
        fitToHeight: 0,
        scale: 85,
        margins,
        header: '&L&10集計 && 報告',
        footer: '&C&P / &N',
      },
    });
    s.row(1, [{ value: '課' }, { value: '達成' }, { value: '達成率' }]);
    s.row(2, [
      { value: 'A課' },
      { value: 1234567, style: { numFmt: '#,##0' } },
      { value: 0.692, style: { numFmt: '0.0%' } },
    ]);
    s.row(3, [{ value: 'B課' }, { value: 86.5, style: { numFmt: '0.0"%"' } }]);
    const range = (ref: string, values: (number | null)[]) => ({ ref, values });
    s.chart({
      title: '達成状況',
      grouping: 'stacked',
      valueFormat: '0',
      font: '游ゴシック',
      categories: { ref: "'概要'!$A$2:$A$3", values: ['A課', 'B課'] },
      series: [
        {
          name: { ref: "'概要'!$B$1", values: ['達成'] },
          values: range("'概要'!$B$2:$B$3", [1234567, null]),
          color: '5B9B4A',
        },
      ],
      anchor: { fromCol: 4, fromRow: 0, toCol: 10, toRow: 15 },
    });
    s.end();
    const bytes = b.finish();
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = read.getWorksheet('概要')!;
    expect([ws.getCell('B2').value, ws.getCell('B2').numFmt, ws.getCell('C2').numFmt, ws.getCell('B3').numFmt]).toEqual(
      [1234567, '#,##0', '0.0%', '0.0"%"'],
    );
    expect(ws.pageSetup).toMatchObject({ scale: 85 });
    expect(ws.pageSetup.fitToPage).toBeFalsy();
    expect(ws.headerFooter).toMatchObject({ oddHeader: '&L&10集計 && 報告', oddFooter: '&C&P / &N' });
    const entries = new Map((await readZipEntries(bytes)).map((e) => [e.name, e.content.toString('utf8')]));
    expect(entries.get('xl/charts/chart1.xml')).toContain('<c:v>1234567</c:v>');
    expect(entries.get('xl/charts/chart1.xml')).not.toContain('<c:pt idx="1"><c:v></c:v>');
    expect(entries.get('xl/drawings/_rels/drawing1.xml.rels')).toContain('Target="../charts/chart1.xml"');
    expect(entries.get('xl/worksheets/_rels/sheet1.xml.rels')).toContain('Target="../drawings/drawing1.xml"');
    expect(entries.get('[Content_Types].xml')).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
    expect(() => s.chart({} as never)).toThrow();
  });

  it('shortens text over Excel’s 32,767 characters to exactly that, ending with a visible mark', async () => {
    const b = new XlsxBook({ creator: 'mokuhyo', created: new Date('2020-05-02T01:00:00Z') });
    const s = b.addSheet('長文', { columns: [{ width: 30 }] });
    s.row(1, [{ value: 'い'.repeat(40_000) }, { value: 'ろ'.repeat(32_767) }]);
    s.end();
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(b.finish() as unknown as ArrayBuffer);
    const ws = read.getWorksheet('長文')!;
    const long = String(ws.getCell('A1').value);
    expect(long.length).toBe(32_767);
    expect(long.endsWith('…（32,767 文字を超えるため以降を省略）')).toBe(true);
    expect(String(ws.getCell('B1').value)).toBe('ろ'.repeat(32_767));
  });
});
