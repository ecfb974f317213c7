// The add-in against the third, stricter reading of Microsoft's documentation (issue 24): each rule lives in
// tests/addin/fake-excel/ with its reference, and tests/addin/fake-excel.test.ts checks it on its own.
import { describe, expect, it } from 'vitest';
import { parseA1 } from '../../shared/grid/address.ts';
import { SEVERITY_FILL } from '../../addin/src/excel/fills.ts';
import { MARK_PREFIX } from '../../addin/src/excel/marks.ts';
import { checkActiveSheet } from '../../addin/src/use-cases/check-active-sheet.ts';
import { clearAnnotations } from '../../addin/src/use-cases/clear-annotations.ts';
import { errorText } from '../../addin/src/use-cases/error-text.ts';
import { FakeExcel } from './fake-excel/fake-excel.ts';
import { key, NO_FILL, WorkbookModel, type SheetModel } from './fake-excel/model.ts';
import { markerCheck, workbookWithRows } from './fixtures.ts';

function cellAt(sheet: SheetModel, address: string) {
  const { row, col } = parseA1(address)!;
  return sheet.cells.get(key(row, col));
}

function fillsOf(sheet: SheetModel) {
  return Object.fromEntries([...sheet.cells].map(([k, c]) => [k, { ...c.fill }]));
}

/** Write round trips the add-in attempted, refused ones included. */
const writeSyncs = (excel: FakeExcel) => excel.runs.flat().filter((s) => s.writes > 0).length;

describe('a dense sheet on Excel on the web (5 MB responses)', () => {
  it('re-checks and marks it although Excel refuses the first band: nothing of the refused batch is read', async () => {
    const model = new WorkbookModel('1.18', 'web');
    const sheet = model.addSheet('健康福祉課');
    const long = '地域の見守り活動を担う人材の育成と定着を図るため、'.repeat(8);
    for (let r = 0; r < 3000; r++)
      for (let c = 0; c < 6; c++)
        sheet.cells.set(key(r, c), {
          value: r % 500 === 7 && c === 2 ? 'NG' : `${long}${r}`,
          numberFormat: 'General',
          fill: { ...NO_FILL },
        });
    const excel = new FakeExcel(model);
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    // The re-check reads the record and the notes in the refused band's batch: their results are never filled.
    cellAt(sheet, 'C8')!.value = 'OK';
    const view = await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    expect(excel.lastRun().some((s) => s.failed === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
    expect(view.counts.error).toBe(5);
    expect(cellAt(sheet, 'C8')?.fill.pattern).toBe('None');
    expect(cellAt(sheet, 'C508')?.fill.color).toBe(SEVERITY_FILL.error);
    expect(sheet.notes.size).toBe(5);
  });
});

describe('the comment fallback (Office LTSC 2021, ExcelApi 1.14)', () => {
  it('adds each comment on its own sheet (a string address must name the sheet)', async () => {
    const model = workbookWithRows(10, '1.14');
    const sheet = model.sheets[0]!;
    const view = await checkActiveSheet({ excel: new FakeExcel(model).host(), check: markerCheck });
    expect(view.outcome).toMatchObject({ mode: 'comments', marked: true, writeError: null });
    expect([...sheet.comments.keys()].sort()).toEqual([key(5, 3), key(7, 2), key(10, 3)].sort());
  });

  it('still lists every finding when Excel refuses a write, and says the sheet is not marked', async () => {
    const model = workbookWithRows(10, '1.14');
    const sheet = model.sheets[0]!;
    // A legacy note the add-in cannot see before ExcelApi 1.18: adding a comment there fails the write.
    sheet.notes.set(key(7, 2), { content: '課長確認済み', author: '佐藤' });
    const view = await checkActiveSheet({ excel: new FakeExcel(model).host(), check: markerCheck });
    expect(view.counts).toEqual({ error: 1, warning: 2, info: 0 });
    expect(view.outcome?.writeError).toContain('注釈');
  });
});

describe('undo (ExcelApi 1.20)', () => {
  it("does not mark while staff type on ExcelApi 1.19, where add-in writes still clear staff's Ctrl+Z history", async () => {
    const model = workbookWithRows(10, '1.19');
    model.staffEdit();
    const view = await checkActiveSheet({ excel: new FakeExcel(model).host(), check: markerCheck, trigger: 'live' });
    expect(view.outcome?.marked).toBe(false);
    expect(model.undo).toEqual({ entries: 1, cleared: 0 });
  });

  it("keeps staff's history on ExcelApi 1.20 and marks while they type", async () => {
    const model = workbookWithRows(10, '1.20');
    model.staffEdit();
    const view = await checkActiveSheet({ excel: new FakeExcel(model).host(), check: markerCheck, trigger: 'live' });
    expect(view.outcome?.marked).toBe(true);
    expect(model.undo.cleared).toBe(0);
    expect(model.undo.entries).toBe(2);
  });

  it('marks again what Ctrl+Z took off (the record, a custom XML part, is not undone)', async () => {
    const model = workbookWithRows(10, '1.20');
    const sheet = model.sheets[0]!;
    const before = fillsOf(sheet);
    const excel = new FakeExcel(model);
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    model.pressUndo();
    expect(cellAt(sheet, 'C8')?.fill.pattern).toBe('None');
    expect(model.customXmlParts).toHaveLength(1);
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    expect(cellAt(sheet, 'C8')?.fill.color).toBe(SEVERITY_FILL.error);
    expect(sheet.notes.get(key(7, 2))?.content).toBe(`${MARK_PREFIX}エラー: 値が不正です`);
    await clearAnnotations({ excel: excel.host() });
    expect(fillsOf(sheet)).toEqual(before);
  });

  it('takes off again the colour Ctrl+Z brought back after a fix, instead of keeping it for good', async () => {
    const model = workbookWithRows(10, '1.20');
    const sheet = model.sheets[0]!;
    const before = fillsOf(sheet);
    const excel = new FakeExcel(model);
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    cellAt(sheet, 'C8')!.value = 'OK';
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    expect(cellAt(sheet, 'C8')?.fill.pattern).toBe('None');
    model.pressUndo(); // the restore: C8 is the error colour again and has its note back
    expect(cellAt(sheet, 'C8')?.fill.color).toBe(SEVERITY_FILL.error);
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    expect(cellAt(sheet, 'C8')?.fill).toEqual(NO_FILL);
    expect(sheet.notes.has(key(7, 2))).toBe(false);
    await clearAnnotations({ excel: excel.host() });
    expect(fillsOf(sheet)).toEqual(before);
  });
});

describe('a protected sheet', () => {
  it('lists the findings without writing, and says why the sheet is not marked', async () => {
    const model = workbookWithRows(10);
    const sheet = model.sheets[0]!;
    sheet.protection = { protected: true, allowFormatCells: false, allowEditObjects: false };
    const before = fillsOf(sheet);
    const excel = new FakeExcel(model);
    const view = await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    expect(view.counts).toEqual({ error: 1, warning: 2, info: 0 });
    expect(view.outcome).toMatchObject({ marked: false, protected: true });
    expect(excel.lastRun().filter((s) => s.writes > 0)).toEqual([]);
    expect(fillsOf(sheet)).toEqual(before);
  });

  it('explains that its marks cannot be taken off until the protection is lifted', async () => {
    const model = workbookWithRows(10);
    const excel = new FakeExcel(model);
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    model.sheets[0]!.protection = { protected: true, allowFormatCells: false, allowEditObjects: false };
    const error = await clearAnnotations({ excel: excel.host() }).catch((e: unknown) => e);
    expect(errorText(error)).toContain('保護');
    expect(writeSyncs(excel)).toBe(1);
  });
});

describe('a copied sheet', () => {
  it("does not take the add-in's own colour for the copy's original fill", async () => {
    const model = workbookWithRows(10);
    const excel = new FakeExcel(model);
    const before = fillsOf(model.sheets[0]!);
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    const copy = model.copySheet('健康福祉課', '健康福祉課 (2)');
    model.active = 1;
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    for (const address of ['C8', 'D6', 'D11']) cellAt(copy, address)!.value = '済';
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    expect(fillsOf(copy)).toEqual(before);
    expect(copy.notes.size).toBe(0);
  });

  it('clears the marks a copy brought along even before it was checked', async () => {
    const model = workbookWithRows(10);
    const excel = new FakeExcel(model);
    const before = fillsOf(model.sheets[0]!);
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    const copy = model.copySheet('健康福祉課', '健康福祉課 (2)');
    model.active = 1;
    await clearAnnotations({ excel: excel.host() });
    expect(fillsOf(copy)).toEqual(before);
    expect(copy.notes.size).toBe(0);
  });
});
