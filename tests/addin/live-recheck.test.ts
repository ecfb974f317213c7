import { describe, expect, it } from 'vitest';
import { STORE_SHEET } from '../../addin/src/excel/annotation-store.ts';
import { startLiveRecheck } from '../../addin/src/use-cases/live-recheck.ts';
import { FakeExcel } from './fake-excel/fake-excel.ts';
import { WorkbookModel } from './fake-excel/model.ts';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function edit(model: WorkbookModel, worksheetId: string, triggerSource = 'Unknown') {
  for (const handler of model.changeHandlers) void handler({ worksheetId, address: 'H12', triggerSource, source: 'Local', changeType: 'RangeEdited', type: 'WorksheetChanged' });
}

describe('startLiveRecheck', () => {
  it('re-checks once after staff stop typing, and not for the add-in\'s own writes', async () => {
    const model = new WorkbookModel('1.18');
    const sheet = model.addSheet('健康福祉課');
    const store = model.addSheet(STORE_SHEET);
    let runs = 0;
    await startLiveRecheck(new FakeExcel(model).host(), async () => { runs++; }, 30);

    edit(model, sheet.id);
    edit(model, sheet.id);
    edit(model, sheet.id);
    await wait(80);
    expect(runs).toBe(1);

    edit(model, sheet.id, 'ThisLocalAddin');
    edit(model, store.id);
    await wait(80);
    expect(runs).toBe(1);
  });
});
