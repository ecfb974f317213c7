import { describe, expect, it } from 'vitest';
import { parseA1 } from '../../shared/grid/address.ts';
import { parseStoreXml, STORE_NAMESPACE } from '../../addin/src/excel/annotation-store.ts';
import { SEVERITY_FILL } from '../../addin/src/excel/fills.ts';
import { MARK_PREFIX } from '../../addin/src/excel/marks.ts';
import { checkActiveSheet } from '../../addin/src/use-cases/check-active-sheet.ts';
import { clearAnnotations } from '../../addin/src/use-cases/clear-annotations.ts';
import type { SyncRecord } from './fake-excel/context.ts';
import { FakeExcel } from './fake-excel/fake-excel.ts';
import { key, type SheetModel } from './fake-excel/model.ts';
import { markerCheck, workbookWithRows } from './fixtures.ts';

const reads = (syncs: SyncRecord[]) => syncs.filter((s) => s.writes === 0).length;
const writes = (syncs: SyncRecord[]) => syncs.filter((s) => s.writes > 0).length;

function cellAt(sheet: SheetModel, address: string) {
  const { row, col } = parseA1(address)!;
  return sheet.cells.get(key(row, col));
}

function fillsOf(sheet: SheetModel) {
  return Object.fromEntries([...sheet.cells].map(([k, c]) => [k, { ...c.fill }]));
}

describe('checkActiveSheet', () => {
  it('checks a 1,000-row sheet in the same few round trips as a 10-row one', async () => {
    const counts: SyncRecord[][] = [];
    for (const rows of [10, 1000]) {
      const excel = new FakeExcel(workbookWithRows(rows));
      const view = await checkActiveSheet({ excel: excel.host(), check: markerCheck });
      expect(view.counts.error).toBe(Math.floor(rows / 7));
      counts.push(excel.lastRun());
    }
    const [small, large] = counts as [SyncRecord[], SyncRecord[]];
    expect(large.length).toBe(small.length);
    // The sheet's size and marks; its cells with merged areas, mark locations and the record; new cells' fills.
    expect(reads(large)).toBe(3);
    expect(writes(large)).toBe(1);
  });

  it('writes nothing when a re-check finds what the last one marked', async () => {
    const excel = new FakeExcel(workbookWithRows(1000));
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    const view = await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    expect(view.outcome?.writeSyncs).toBe(0);
    // The third read compares the flagged cells' fills with the record: Ctrl+Z may have changed them.
    expect(reads(excel.lastRun())).toBe(3);
    expect(writes(excel.lastRun())).toBe(0);
  });

  it('paints findings by severity, adds one prefixed note per cell and records the fills in a custom XML part', async () => {
    const model = workbookWithRows(10);
    const excel = new FakeExcel(model);
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    const sheet = model.sheet('健康福祉課');
    expect(cellAt(sheet, 'C8')?.fill.color).toBe(SEVERITY_FILL.error);
    expect(cellAt(sheet, 'D6')?.fill.color).toBe(SEVERITY_FILL.warning);
    expect(cellAt(sheet, 'C2')?.fill.pattern).toBe('None');
    expect([...sheet.notes.values()].map((n) => n.content)).toEqual([
      `${MARK_PREFIX}警告: 確認してください`,
      `${MARK_PREFIX}エラー: 値が不正です`,
      `${MARK_PREFIX}警告: 確認してください`,
    ]);
    expect(model.sheets.map((s) => s.name)).toEqual(['健康福祉課']);
    expect(model.customXmlParts).toHaveLength(1);
    expect(model.customXmlParts[0]!.xml).toContain(STORE_NAMESPACE);
    expect(parseStoreXml(model.customXmlParts[0]!.xml).map((e) => [e.sheet, e.cell, e.severity])).toEqual([
      ['健康福祉課', 'D6', 'warning'],
      ['健康福祉課', 'C8', 'error'],
      ['健康福祉課', 'D11', 'warning'],
    ]);
    expect(model.suspendedScreen).toBe(1);
  });

  it('restores the original fills exactly and keeps staff notes when annotations are cleared', async () => {
    const model = workbookWithRows(14);
    const sheet = model.sheet('健康福祉課');
    cellAt(sheet, 'C8')!.fill = { pattern: 'Solid', color: '#00B050', patternColor: '' };
    cellAt(sheet, 'C15')!.fill = { pattern: 'Gray25', color: '#FFFF00', patternColor: '#FF0000' };
    sheet.notes.set(key(5, 3), { content: '課長確認済み', author: '佐藤' });
    sheet.notes.set(key(1, 1), { content: '担当: 田中', author: '田中' });
    const before = fillsOf(sheet);
    const excel = new FakeExcel(model);

    const view = await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    expect(view.outcome?.staffMarked).toEqual(['D6']);
    expect(cellAt(sheet, 'C15')?.fill.color).toBe(SEVERITY_FILL.error);
    await clearAnnotations({ excel: excel.host() });

    expect(fillsOf(sheet)).toEqual(before);
    expect([...sheet.notes.values()].map((n) => n.content)).toEqual(['課長確認済み', '担当: 田中']);
    expect(reads(excel.lastRun())).toBe(3);
    expect(writes(excel.lastRun())).toBe(1);
  });

  it('does not stack when a sheet is checked again', async () => {
    const model = workbookWithRows(10);
    const sheet = model.sheet('健康福祉課');
    cellAt(sheet, 'C8')!.fill = { pattern: 'Solid', color: '#00B050', patternColor: '' };
    const excel = new FakeExcel(model);
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    expect(sheet.notes.size).toBe(3);
    await clearAnnotations({ excel: excel.host() });
    expect(cellAt(sheet, 'C8')?.fill).toEqual({ pattern: 'Solid', color: '#00B050', patternColor: '' });
    expect(sheet.notes.size).toBe(0);
  });

  it('takes the marks off a cell once staff fix it', async () => {
    const model = workbookWithRows(10);
    const sheet = model.sheet('健康福祉課');
    const excel = new FakeExcel(model);
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    cellAt(sheet, 'C8')!.value = 'OK';
    const view = await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    expect(view.counts.error).toBe(0);
    expect(cellAt(sheet, 'C8')?.fill.pattern).toBe('None');
    expect(sheet.notes.has(key(7, 2))).toBe(false);
  });

  it('leaves a colour staff gave a flagged cell when they fix it and the sheet is checked again', async () => {
    const model = workbookWithRows(10);
    const sheet = model.sheet('健康福祉課');
    const excel = new FakeExcel(model);
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    cellAt(sheet, 'C8')!.fill = { pattern: 'Solid', color: '#0070C0', patternColor: '' };
    cellAt(sheet, 'C8')!.value = 'OK';
    cellAt(sheet, 'D6')!.value = '済';
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    expect(cellAt(sheet, 'C8')?.fill.color).toBe('#0070C0');
    expect(cellAt(sheet, 'D6')?.fill.pattern).toBe('None');
    expect(reads(excel.lastRun())).toBe(3);
  });

  it('leaves a fill staff changed after the check when clearing', async () => {
    const model = workbookWithRows(10);
    const sheet = model.sheet('健康福祉課');
    const excel = new FakeExcel(model);
    await checkActiveSheet({ excel: excel.host(), check: markerCheck });
    cellAt(sheet, 'C8')!.fill = { pattern: 'Solid', color: '#0070C0', patternColor: '' };
    const outcome = await clearAnnotations({ excel: excel.host() });
    expect(outcome.keptFills).toEqual(['C8']);
    expect(cellAt(sheet, 'C8')?.fill.color).toBe('#0070C0');
    expect(cellAt(sheet, 'D6')?.fill.pattern).toBe('None');
  });

  it('falls back to comments below ExcelApi 1.18', async () => {
    const model = workbookWithRows(10, '1.14');
    await checkActiveSheet({ excel: new FakeExcel(model).host(), check: markerCheck });
    const sheet = model.sheet('健康福祉課');
    expect(sheet.notes.size).toBe(0);
    expect([...sheet.comments.values()].every((c) => c.content.startsWith(MARK_PREFIX))).toBe(true);
    expect(sheet.comments.size).toBe(3);
  });
});

describe('checkActiveSheet on the 健康福祉課 seed', () => {
  async function seedView(phase?: 'planning' | 'evaluation') {
    const { readWorkbookFile } = await import('../../worker/xlsx/index.ts');
    const { WorkbookModel } = await import('./fake-excel/model.ts');
    const { grids, names } = await readWorkbookFile(
      new URL('../../seeds/org-goals/akiha-2020-kenko-fukushi.xlsx', import.meta.url).pathname,
    );
    const excel = new FakeExcel(WorkbookModel.fromGrids(grids, names, '1.18'));
    return checkActiveSheet({ excel: excel.host(), ...(phase ? { phase } : {}) });
  }

  it('says what it recognised in the words the console and the summary use', async () => {
    const view = await seedView();
    expect(view.facts).toEqual([
      { label: '様式', value: '課の組織目標管理シート' },
      { label: '団体', value: '秋葉区' },
      { label: '課', value: '健康福祉課' },
      { label: '年度', value: '令和2年度（2020）' },
      { label: '指標', value: '6件' },
    ]);
  });

  it('decides the phase as the intake does, and says what the evaluation would find when 自動 reads 計画', async () => {
    const auto = await seedView();
    expect(auto.form?.phase).toBe('planning');
    expect(auto.counts).toEqual({ error: 0, warning: 0, info: 0 });
    expect(auto.otherPhase).toEqual({ phase: 'evaluation', counts: { error: 12, warning: 0, info: 0 } });
    const chosen = await seedView('evaluation');
    expect(chosen.otherPhase).toBeNull();
    expect(chosen.counts.error).toBe(12);
  });
});
