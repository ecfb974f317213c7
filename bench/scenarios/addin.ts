// The add-in: validate and annotate a 1,000-row sheet on the fake Excel, counting round trips.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cpuNow } from '../measure.ts';

export interface AddinResult {
  rows: number;
  readRoundTrips: number;
  writeRoundTrips: number;
  computeMs: number;
  findings: number;
}

const FAKE = fileURLToPath(new URL('../../tests/addin/fake-excel/fake-excel.ts', import.meta.url));
const USE_CASE = fileURLToPath(new URL('../../addin/src/use-cases/check-active-sheet.ts', import.meta.url));

/** null when the add-in or its fake Excel is not in the tree. */
export async function runAddin(rows = 1000): Promise<AddinResult | null> {
  if (!existsSync(FAKE) || !existsSync(USE_CASE)) return null;
  const { FakeExcel } = await import('../../tests/addin/fake-excel/fake-excel.ts');
  const { workbookWithRows, markerCheck } = await import('../../tests/addin/fixtures.ts');
  const { checkActiveSheet } = await import('../../addin/src/use-cases/check-active-sheet.ts');
  await checkActiveSheet({ excel: new FakeExcel(workbookWithRows(20)).host(), check: markerCheck });
  const excel = new FakeExcel(workbookWithRows(rows));
  const start = cpuNow();
  const view = await checkActiveSheet({ excel: excel.host(), check: markerCheck });
  const computeMs = cpuNow() - start;
  const syncs = excel.lastRun();
  return {
    rows,
    readRoundTrips: syncs.filter((s) => s.writes === 0).length,
    writeRoundTrips: syncs.filter((s) => s.writes > 0).length,
    computeMs,
    findings: view.counts.error + view.counts.warning + view.counts.info,
  };
}
