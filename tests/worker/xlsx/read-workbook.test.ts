import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { GridView, type Grid } from '../../../shared/grid/index.ts';
import { readWorkbook, type WorkbookGrids } from '../../../worker/xlsx/index.ts';

const LONG_TEXT = '目標達成に向けた取組の説明。'.repeat(6000); // ~84 KB of UTF-8, crosses any 64 KiB chunk

async function buildWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('健康福祉課');
  ws.getCell('A1').value = '令和２年度　組織目標管理シート';
  ws.mergeCells('A1:H1');
  ws.getCell('B3').value = '組織目標';
  ws.mergeCells('B4:C6');
  ws.getCell('B4').value = {
    richText: [{ text: '地域で' }, { text: '安心して', font: { bold: true } }, { text: '暮らせる' }],
  };
  ws.getCell('D4').value = 1234567.891;
  ws.getCell('D4').numFmt = '#,##0';
  ws.getCell('E4').value = 12.34;
  ws.getCell('E4').numFmt = '#,##0.0';
  ws.getCell('F4').value = 0.25;
  ws.getCell('F4').numFmt = '0%';
  ws.getCell('G4').value = 0.125;
  ws.getCell('G4').numFmt = '0.0%';
  ws.getCell('H4').value = 0.1 + 0.2;
  ws.getCell('D5').value = '１，５００'; // full-width digits typed as text
  ws.getCell('E5').value = '100'; // a number stored as text
  ws.getCell('E5').numFmt = '@';
  ws.getCell('F5').value = { formula: 'D4*2', result: 2469135.782 };
  ws.getCell('F5').numFmt = '#,##0';
  ws.getCell('G5').value = { formula: 'F5/0', result: { error: '#DIV/0!' } };
  ws.getCell('H5').value = { error: '#REF!' };
  ws.getCell('D6').value = true;
  ws.getCell('E6').value = { text: '市ホームページ', hyperlink: 'https://www.city.example.jp/' };
  ws.getCell('F6').value = { formula: 'D4+1', result: 1234568.891 };
  ws.getCell('G6').value = { sharedFormula: 'F6', result: 13.34 } as unknown as ExcelJS.CellValue;
  ws.getCell('D7').value = new Date(Date.UTC(2020, 3, 1));
  ws.getCell('D7').numFmt = '[$-411]ggge"年"m"月"d"日"';
  ws.getCell('E7').value = new Date(Date.UTC(2020, 3, 1));
  ws.getCell('E7').numFmt = 'yyyy/m/d';
  ws.getCell('F7').value = new Date(Date.UTC(1989, 0, 8, 9, 30));
  ws.getCell('F7').numFmt = 'ggge"年"m"月"d"日" h:mm';
  ws.getCell('G7').value = new Date(Date.UTC(2019, 4, 1));
  ws.getCell('G7').numFmt = '[$-ja-JP]ge.m.d';
  ws.getCell('A9').value = LONG_TEXT;
  // Styled but empty cells after the data must not widen the grid.
  ws.getCell('Z20').numFmt = '0.0';
  const other = wb.addWorksheet('補足');
  other.getCell('A1').value = '全角テキスト：ＡＢＣ１２３';
  wb.definedNames.add("'健康福祉課'!$D$4", 'kpi');
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  return bytes;
}

describe('readWorkbook on an exceljs workbook', () => {
  let result: WorkbookGrids;
  let grid: Grid;
  let view: GridView;
  beforeAll(async () => {
    result = await readWorkbook(await buildWorkbook());
    grid = result.grids[0]!;
    view = new GridView(grid);
  });

  const cell = (ref: string) => {
    const m = /^([A-Z])(\d+)$/.exec(ref)!;
    return view.raw(Number(m[2]) - 1, m[1]!.charCodeAt(0) - 65);
  };

  it('keeps sheets in order with their names', () => {
    expect(result.grids.map((g) => g.sheet)).toEqual(['健康福祉課', '補足']);
  });

  it('reports merges as 0-based ranges and reads through them', () => {
    expect(grid.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 7 },
      { top: 3, left: 1, bottom: 5, right: 2 },
    ]);
    expect(view.text(5, 2)).toBe('地域で安心して暮らせる');
  });

  it('concatenates rich text runs', () => {
    expect(cell('B4')).toEqual({ text: '地域で安心して暮らせる', kind: 'string', value: '地域で安心して暮らせる' });
  });

  it('formats numbers with common formats and no float noise', () => {
    expect(cell('D4')).toMatchObject({ kind: 'number', value: 1234567.891, text: '1,234,568', numFmt: '#,##0' });
    expect(cell('E4').text).toBe('12.3');
    expect(cell('F4').text).toBe('25%');
    expect(cell('G4').text).toBe('12.5%');
    expect(cell('H4')).toMatchObject({ kind: 'number', text: '0.3' });
  });

  it('keeps numbers typed as text and full-width text as strings', () => {
    expect(cell('D5')).toEqual({ text: '１，５００', kind: 'string', value: '１，５００' });
    expect(cell('E5')).toMatchObject({ text: '100', kind: 'string', value: '100' });
  });

  it('gives formulas their cached result and keeps the formula', () => {
    expect(cell('F5')).toMatchObject({ kind: 'number', value: 2469135.782, text: '2,469,136', formula: 'D4*2' });
    expect(cell('G5')).toMatchObject({ kind: 'error', text: '#DIV/0!', formula: 'F5/0' });
    expect(cell('F6')).toMatchObject({ kind: 'number', text: '1234568.891', formula: 'D4+1' });
    expect(cell('G6')).toMatchObject({ kind: 'number', text: '13.34', formula: 'E4+1' });
  });

  it('reads errors, booleans and hyperlinks', () => {
    expect(cell('H5')).toEqual({ text: '#REF!', kind: 'error', value: '#REF!' });
    expect(cell('D6')).toEqual({ text: 'TRUE', kind: 'boolean', value: true });
    expect(cell('E6')).toEqual({ text: '市ホームページ', kind: 'string', value: '市ホームページ' });
  });

  it('renders dates as 和暦 when the format has era codes, else yyyy/m/d', () => {
    expect(cell('D7')).toMatchObject({ kind: 'date', value: '2020-04-01', text: '令和2年4月1日' });
    expect(cell('E7')).toMatchObject({ kind: 'date', value: '2020-04-01', text: '2020/4/1' });
    expect(cell('F7')).toMatchObject({ kind: 'date', value: '1989-01-08T09:30:00', text: '平成1年1月8日 9:30' });
    expect(cell('G7')).toMatchObject({ kind: 'date', value: '2019-05-01', text: 'R1.5.1' });
  });

  it('reads a Japanese string longer than 64 KiB without corruption', () => {
    expect(cell('A9').text).toBe(LONG_TEXT);
    expect(cell('A9').text).not.toContain('\uFFFD');
  });

  it('trims trailing empty rows and columns', () => {
    expect(grid.rows.length).toBe(9);
    expect(grid.rows.every((row) => row.length <= 8)).toBe(true);
    expect(grid.rows[1]).toEqual([]);
    expect(result.grids[1]!.rows).toEqual([
      [{ text: '全角テキスト：ＡＢＣ１２３', kind: 'string', value: '全角テキスト：ＡＢＣ１２３' }],
    ]);
  });

  it('returns defined names, also on each grid', () => {
    expect(result.names).toEqual({ kpi: "'健康福祉課'!$D$4" });
    expect(grid.names).toEqual({ kpi: "'健康福祉課'!$D$4" });
  });

  it('throws too-many-cells when the converted cells pass the limit', async () => {
    await expect(readWorkbook(await buildWorkbook(), { limits: { maxCells: 10 } })).rejects.toMatchObject({
      code: 'too-many-cells',
    });
  });
});

describe.each(['ok.openpyxl.xlsx', 'ok.libreoffice.xlsx'])('readWorkbook on %s', (file) => {
  let result: WorkbookGrids;
  let view: GridView;
  beforeAll(async () => {
    result = await readWorkbook(await readFile(new URL(`../../fixtures/${file}`, import.meta.url)));
    view = new GridView(result.grids[0]!);
  });

  it('reads Japanese text, full-width text and merges', () => {
    expect(result.grids.map((g) => g.sheet)).toEqual(['健康福祉課', '補足']);
    expect(view.text(0, 0)).toBe('令和２年度　組織目標管理シート');
    expect(view.text(0, 5)).toBe('令和２年度　組織目標管理シート');
    expect(view.text(4, 2)).toBe('地域で安心して暮らせる支援体制をつくる');
    expect(view.text(3, 7)).toBe('１，５００');
    expect(result.grids[1]!.rows[1]![0]!.text).toBe('全角テキスト：ＡＢＣ１２３');
  });

  it('reads numbers with their formats', () => {
    expect(view.cell(3, 0)).toMatchObject({ kind: 'number', value: 2, text: '2' });
    expect(view.cell(3, 6)).toMatchObject({ kind: 'number', value: 1234.5, text: '1,235' });
    expect(view.cell(4, 6)).toMatchObject({ kind: 'number', value: 0.875, text: '87.5%' });
    expect(view.cell(5, 4)).toMatchObject({ kind: 'number', text: '0.3' });
  });

  it('reads the 和暦 date, the formula and the boolean', () => {
    expect(view.cell(5, 1)).toMatchObject({ kind: 'date', value: '2020-04-01', text: '令和2年4月1日' });
    expect(view.cell(5, 2).formula).toBe('G4*2');
    expect(view.cell(5, 3)).toMatchObject({ kind: 'boolean', value: true, text: 'TRUE' });
  });

  it('reads workbook- and sheet-scoped defined names', () => {
    expect(result.names['mokuhyo.template']).toBe('org-goals@1');
    expect(result.names['健康福祉課!実績']).toMatch(/健康福祉課'?!\$G\$4$/);
    expect(result.grids[0]!.names).toMatchObject({
      'mokuhyo.template': 'org-goals@1',
      実績: expect.stringContaining('$G$4'),
    });
    expect(result.grids[1]!.names).toEqual({ 'mokuhyo.template': 'org-goals@1' });
  });
});
