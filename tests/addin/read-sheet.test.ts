import { describe, expect, it } from 'vitest';
import { isDateFormat, parseAreas } from '../../addin/src/excel/grid-from-range.ts';
import { checkAndAnnotate } from '../../addin/src/excel/annotate-sheet.ts';
import { cellBands, mergeBands } from '../../addin/src/excel/read-sheet.ts';
import { errorText } from '../../addin/src/use-cases/error-text.ts';
import type { Grid } from '../../shared/grid/grid.ts';
import { FakeExcel } from './fake-excel/fake-excel.ts';
import { key, NO_FILL, WorkbookModel } from './fake-excel/model.ts';

function sampleWorkbook(apiVersion = '1.18'): WorkbookModel {
  const model = new WorkbookModel(apiVersion);
  const sheet = model.addSheet('産業振興課');
  sheet.cells.set(key(1, 1), { value: '組織目標', numberFormat: 'General', fill: { ...NO_FILL } });
  sheet.cells.set(key(2, 1), { value: 43952, text: 'R2.5.1', numberFormat: '[$-ja-JP]ggge.m.d', fill: { ...NO_FILL } });
  sheet.cells.set(key(2, 3), {
    value: 1200,
    text: '1,200',
    formula: '=SUM(D1:D2)',
    numberFormat: '#,##0',
    fill: { ...NO_FILL },
  });
  sheet.cells.set(key(3, 2), { value: '#REF!', numberFormat: 'General', fill: { ...NO_FILL } });
  sheet.merges = [{ top: 1, left: 1, bottom: 1, right: 3 }];
  sheet.names.set('PRINT_AREA', "='産業振興課'!$A$1:$K$40");
  model.names.set('MOKUHYO_FORM', '="org-goals:division:1"');
  return model;
}

async function read(model: WorkbookModel, syncs = 2): Promise<Grid> {
  const excel = new FakeExcel(model);
  const host = excel.host();
  const { grid } = await host.run((context) =>
    checkAndAnnotate(context, host.capabilities, () => ({ result: null, annotations: [] }), { mark: false }),
  );
  expect(excel.lastRun()).toHaveLength(syncs);
  return grid;
}

describe('queueSheetRead', () => {
  it('reads text, dates, formulas, errors, merges and names into the shared Grid in two syncs', async () => {
    const grid = await read(sampleWorkbook());
    expect(grid.rows[2]?.[1]).toEqual({
      text: 'R2.5.1',
      kind: 'date',
      value: '2020-05-01',
      numFmt: '[$-ja-JP]ggge.m.d',
    });
    expect(grid.rows[2]?.[3]).toEqual({
      text: '1,200',
      kind: 'number',
      value: 1200,
      formula: 'SUM(D1:D2)',
      numFmt: '#,##0',
    });
    expect(grid.rows[3]?.[2]).toMatchObject({ kind: 'error', text: '#REF!' });
    expect(grid.rows[0]).toEqual([]);
    expect(grid.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
    expect(grid.names).toEqual({ MOKUHYO_FORM: 'org-goals:division:1', PRINT_AREA: "'産業振興課'!$A$1:$K$40" });
  });

  it('reads without merged areas before ExcelApi 1.13', async () => {
    const grid = await read(sampleWorkbook('1.12'));
    expect(grid.merges).toEqual([]);
    expect(grid.rows[1]?.[1]?.text).toBe('組織目標');
  });

  it('reads more than 512 merged areas (a 1,000-row 組織目標 sheet has 519) in bands Excel can answer', async () => {
    const model = sampleWorkbook();
    const sheet = model.sheets[0]!;
    sheet.merges = Array.from({ length: 600 }, (_, i) => ({ top: 20 + i, left: 5, bottom: 20 + i, right: 6 }));
    for (let r = 20; r < 620; r++)
      sheet.cells.set(key(r, 5), { value: `指標${r}`, numberFormat: 'General', fill: { ...NO_FILL } });
    const grid = await read(model);
    expect(grid.merges).toHaveLength(600);
    expect(grid.merges[599]).toEqual({ top: 619, left: 5, bottom: 619, right: 6 });
  });

  it("splits the read so no response passes Excel on the web's 5 MB", async () => {
    const model = new WorkbookModel('1.18', 'web');
    const sheet = model.addSheet('健康福祉課');
    const long = '地域の見守り活動を担う人材の育成と定着を図るため、'.repeat(8);
    for (let r = 0; r < 3000; r++)
      for (let c = 0; c < 6; c++)
        sheet.cells.set(key(r, c), { value: `${long}${r}-${c}`, numberFormat: 'General', fill: { ...NO_FILL } });
    const excel = new FakeExcel(model);
    const host = excel.host();
    const { grid } = await host.run((context) =>
      checkAndAnnotate(context, host.capabilities, () => ({ result: null, annotations: [] }), { mark: false }),
    );
    expect(grid.rows).toHaveLength(3000);
    expect(grid.rows[2999]?.[5]?.text).toBe(`${long}2999-5`);
    const answered = excel.lastRun().filter((s) => !s.failed);
    expect(answered.length).toBeGreaterThan(2);
    expect(answered.every((s) => s.responseBytes <= 5 * 1024 * 1024 && s.requestBytes <= 5 * 1024 * 1024)).toBe(true);
  });

  it('plans bands within the cell budget and the 512 merged-area bound', () => {
    const box = { row: 3, col: 1, rows: 1000, cols: 30 };
    expect(cellBands(box).map((b) => b.rows)).toEqual([666, 334]);
    expect(mergeBands(box).every((b) => b.rows * box.cols <= 512)).toBe(true);
    expect(mergeBands(box).reduce((n, b) => n + b.rows, 0)).toBe(1000);
  });

  it('refuses, in plain Japanese, a used range made huge by a stray value far away', async () => {
    const model = sampleWorkbook();
    model.sheets[0]!.cells.set(key(99_999, 16_383), { value: 'x', numberFormat: 'General', fill: { ...NO_FILL } });
    const error = await read(model, 2).catch((e: unknown) => e);
    expect(errorText(error)).toContain('B2:XFD100000');
    expect(errorText(error)).toContain('広すぎて');
  });

  it('reads an empty sheet as an empty Grid', async () => {
    const model = new WorkbookModel();
    model.addSheet('Sheet1');
    expect((await read(model)).rows).toEqual([]);
  });
});

describe('parseAreas and isDateFormat', () => {
  it('parses the address lists Excel returns for RangeAreas', () => {
    expect(parseAreas("'健康 福祉課'!$B$2:$D$2, '健康 福祉課'!F5")).toEqual([
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 4, left: 5, bottom: 4, right: 5 },
    ]);
  });

  it('tells date formats from number formats', () => {
    expect(['yyyy/m/d', '[$-ja-JP]ggge"年"m"月"d"日"', 'h:mm'].map(isDateFormat)).toEqual([true, true, true]);
    expect(['General', '#,##0', '0.0%', '"m"0', '0.00E+00'].map(isDateFormat)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
