// Stands in for https://appsforoffice.microsoft.com/lib/1/hosted/office.js in headless Chromium: global
// Office and Excel backed by the fake object model, loaded with the grids the test put on the page.
import type { Grid } from '../../../shared/grid/grid.ts';
import { FakeExcel } from '../fake-excel/fake-excel.ts';
import { WorkbookModel } from '../fake-excel/model.ts';

const g = globalThis as unknown as { __MOKUHYO_WORKBOOK__: { grids: Grid[]; names: Record<string, string>; apiVersion: string }; __fake: FakeExcel } & Record<string, unknown>;
const { grids, names, apiVersion } = g.__MOKUHYO_WORKBOOK__;
const fake = new FakeExcel(WorkbookModel.fromGrids(grids, names, apiVersion));
g.__fake = fake;
g['Excel'] = { run: (batch: (ctx: Excel.RequestContext) => Promise<unknown>) => fake.run(batch) };
g['Office'] = {
  onReady: (cb?: (info: { host: string; platform: string }) => void) => {
    const info = { host: 'Excel', platform: 'OfficeOnline' };
    setTimeout(() => cb?.(info), 0);
    return Promise.resolve(info);
  },
  context: {
    requirements: { isSetSupported: (set: string, version: string) => fake.model.isSetSupported(set, version) },
    document: { getFileAsync: () => { throw new Error('not used in the pane test'); } },
  },
  actions: { associate: () => undefined },
  FileType: { Compressed: 'compressed' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
};
