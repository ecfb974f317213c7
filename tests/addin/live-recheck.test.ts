import { describe, expect, it } from 'vitest';
import { checkActiveSheet } from '../../addin/src/use-cases/check-active-sheet.ts';
import { startLiveRecheck } from '../../addin/src/use-cases/live-recheck.ts';
import { FakeExcel } from './fake-excel/fake-excel.ts';
import { key, WorkbookModel } from './fake-excel/model.ts';
import { markerCheck, workbookWithRows } from './fixtures.ts';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function edit(model: WorkbookModel, worksheetId: string, triggerSource?: string) {
  const event = {
    worksheetId,
    address: 'H12',
    source: 'Local',
    changeType: 'RangeEdited',
    type: 'WorksheetChanged',
    ...(triggerSource ? { triggerSource } : {}),
  };
  model.staffEdit();
  for (const handler of model.changeHandlers) void handler(event);
}

describe('startLiveRecheck', () => {
  it("re-checks once after staff stop typing, and not for the add-in's own writes", async () => {
    const model = new WorkbookModel('1.18');
    const sheet = model.addSheet('健康福祉課');
    let runs = 0;
    await startLiveRecheck(
      new FakeExcel(model).host(),
      async () => {
        runs++;
      },
      30,
    );

    edit(model, sheet.id);
    edit(model, sheet.id);
    edit(model, sheet.id);
    await wait(80);
    expect(runs).toBe(1);

    edit(model, sheet.id, 'ThisLocalAddin');
    await wait(80);
    expect(runs).toBe(1);
  });

  it("does not loop although the add-in's own fills raise onChanged: they say ThisLocalAddin (ExcelApi 1.14)", async () => {
    for (const version of ['1.14', '1.20']) {
      const model = workbookWithRows(20, version);
      const excel = new FakeExcel(model);
      let runs = 0;
      const recheck = async () => {
        runs++;
        await checkActiveSheet({ excel: excel.host(), check: markerCheck });
      };
      await startLiveRecheck(excel.host(), recheck, 20);
      edit(model, model.sheets[0]!.id);
      await wait(400);
      expect(runs).toBe(1);
    }
  });

  it('does not watch where events cannot tell its own writes apart (before ExcelApi 1.14)', async () => {
    const model = workbookWithRows(20, '1.12');
    await startLiveRecheck(new FakeExcel(model).host(), async () => undefined, 20);
    expect(model.changeHandlers).toHaveLength(0);
  });

  it("refreshes only the list after a co-author's change, so two panes never mark the same cell", async () => {
    const model = workbookWithRows(20, '1.20');
    const sheet = model.sheets[0]!;
    const panes = ['A', 'B'].map((client) => ({
      excel: new FakeExcel(model, client),
      errors: [] as unknown[],
      marked: [] as boolean[],
    }));
    for (const pane of panes)
      await startLiveRecheck(
        pane.excel.host(),
        async (origin) => {
          try {
            const view = await checkActiveSheet({ excel: pane.excel.host(), check: markerCheck, trigger: origin });
            pane.marked.push(view.outcome?.marked ?? false);
          } catch (err) {
            pane.errors.push(err);
          }
        },
        20,
      );
    const registered = panes.map((p) => p.excel.runs.length);
    model.typeInto('健康福祉課', 3, 2, 'NG', 'A');
    await wait(400);
    const [a, b] = panes as [(typeof panes)[number], (typeof panes)[number]];
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    expect(a.marked).toEqual([true]);
    expect(b.marked.every((m) => !m)).toBe(true);
    expect(b.marked.length).toBeGreaterThan(0);
    expect(
      b.excel.runs
        .slice(registered[1])
        .flat()
        .filter((s) => s.writes > 0),
    ).toEqual([]);
    expect([...sheet.notes.keys()].filter((k) => k === key(3, 2))).toHaveLength(1);
  });

  it('checks the sheet staff switch to', async () => {
    const model = new WorkbookModel('1.18');
    model.addSheet('健康福祉課');
    const other = model.addSheet('産業振興課');
    let runs = 0;
    await startLiveRecheck(
      new FakeExcel(model).host(),
      async () => {
        runs++;
      },
      500,
    );
    for (const handler of model.activatedHandlers)
      void handler({ worksheetId: other.id, type: 'WorksheetActivated', source: 'Local' });
    await wait(30);
    expect(runs).toBe(1);
  });

  it('starts without change events on a host before ExcelApi 1.9 instead of failing the pane', async () => {
    const model = new WorkbookModel('1.8');
    model.addSheet('健康福祉課');
    await expect(startLiveRecheck(new FakeExcel(model).host(), async () => undefined, 30)).resolves.toBeDefined();
    expect(model.changeHandlers).toHaveLength(0);
  });
});
