// Stands in for https://appsforoffice.microsoft.com/lib/1/hosted/office.js in headless Chromium: global
// Office and Excel backed by the fake object model, loaded with the grids the test put on the page.
import type { Grid } from '../../../shared/grid/grid.ts';
import { FakeExcel } from '../fake-excel/fake-excel.ts';
import { fakeDocument } from '../fake-excel/office-document.ts';
import { WorkbookModel, type Platform } from '../fake-excel/model.ts';

const g = globalThis as unknown as {
  __MOKUHYO_WORKBOOK__: {
    grids: Grid[];
    names: Record<string, string>;
    apiVersion: string;
    platform?: Platform;
    /** Sheet names protected (保護 with no option ticked). */
    protectedSheets?: string[];
    /** Document.url; default a file in the user's Documents folder. */
    url?: string | null;
  };
  __fake: FakeExcel;
} & Record<string, unknown>;
const { grids, names, apiVersion, platform, protectedSheets = [], url } = g.__MOKUHYO_WORKBOOK__;
const fake = new FakeExcel(WorkbookModel.fromGrids(grids, names, apiVersion, platform));
for (const name of protectedSheets)
  fake.model.sheet(name).protection = { protected: true, allowFormatCells: false, allowEditObjects: false };
g.__fake = fake;
g['Excel'] = fake.namespace();
g['Office'] = {
  onReady: (cb?: (info: { host: string; platform: string }) => void) => {
    const info = {
      host: 'Excel',
      platform: platform === 'web' ? 'OfficeOnline' : platform === 'mac' ? 'Mac' : platform === 'ipad' ? 'iOS' : 'PC',
    };
    setTimeout(() => cb?.(info), 0);
    return Promise.resolve(info);
  },
  context: {
    requirements: { isSetSupported: (set: string, version: string) => fake.model.isSetSupported(set, version) },
    // A tiny stand-in for the workbook's bytes; Excel on iPad has no getFileAsync (no CompressedFile).
    document: fake.model.isSetSupported('CompressedFile')
      ? fakeDocument(new TextEncoder().encode('PK workbook bytes'), {
          model: fake.model,
          ...(url === undefined ? {} : { url }),
        }).document
      : { url: null },
  },
  actions: { associate: () => undefined },
  FileType: { Compressed: 'compressed' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
};
