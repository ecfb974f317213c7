// The add-in: validate and annotate a 1,000-row sheet on the fake Excel, counting round trips — and the
// round trips of every other case docs/addin.md states (re-check, merge bands, the web's 5 MB cap, clearing).
// `npx tsx bench/scenarios/addin.ts` prints the table.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cpuNow } from '../measure.ts';

/** One measured case: its read and write round trips (`failed` counts batches Excel refused and the add-in retried). */
export interface AddinCase {
  name: string;
  reads: number;
  writes: number;
  failed: number;
}

export interface AddinResult {
  rows: number;
  readRoundTrips: number;
  writeRoundTrips: number;
  computeMs: number;
  findings: number;
  cases: AddinCase[];
}

const FAKE = fileURLToPath(new URL('../../tests/addin/fake-excel/fake-excel.ts', import.meta.url));
const USE_CASE = fileURLToPath(new URL('../../addin/src/use-cases/check-active-sheet.ts', import.meta.url));

interface Sync {
  loads: number;
  writes: number;
  failed?: string;
}

function count(name: string, syncs: readonly Sync[]): AddinCase {
  return {
    name,
    reads: syncs.filter((s) => s.writes === 0 && !s.failed).length,
    writes: syncs.filter((s) => s.writes > 0 && !s.failed).length,
    failed: syncs.filter((s) => s.failed).length,
  };
}

/** null when the add-in or its fake Excel is not in the tree. */
export async function runAddin(rows = 1000): Promise<AddinResult | null> {
  if (!existsSync(FAKE) || !existsSync(USE_CASE)) return null;
  const { FakeExcel } = await import('../../tests/addin/fake-excel/fake-excel.ts');
  const { key, NO_FILL, WorkbookModel } = await import('../../tests/addin/fake-excel/model.ts');
  const { workbookWithRows, markerCheck } = await import('../../tests/addin/fixtures.ts');
  const { checkActiveSheet } = await import('../../addin/src/use-cases/check-active-sheet.ts');
  const { clearAnnotations } = await import('../../addin/src/use-cases/clear-annotations.ts');
  await checkActiveSheet({ excel: new FakeExcel(workbookWithRows(20)).host(), check: markerCheck });

  // Microsoft 365 as of ExcelApi 1.20: add-in writes join the undo history, so the live re-check writes too.
  const model = workbookWithRows(rows, '1.20');
  const excel = new FakeExcel(model);
  const start = cpuNow();
  const view = await checkActiveSheet({ excel: excel.host(), check: markerCheck });
  const computeMs = cpuNow() - start;
  const first = excel.lastRun();
  const cases: AddinCase[] = [count(`first check, ${rows.toLocaleString('en-US')} rows`, first)];

  await checkActiveSheet({ excel: excel.host(), check: markerCheck });
  cases.push(count('re-check, nothing changed', excel.lastRun()));
  model.sheets[0]!.cells.get(key(7, 2))!.value = 'OK';
  model.sheets[0]!.cells.get(key(8, 3))!.value = 'NG';
  await checkActiveSheet({ excel: excel.host(), check: markerCheck });
  cases.push(count('re-check, one cell fixed and one new finding', excel.lastRun()));
  model.sheets[0]!.cells.get(key(16, 2))!.value = 'NG';
  await checkActiveSheet({ excel: excel.host(), check: markerCheck, trigger: 'live' });
  cases.push(count('live re-check after an edit, ExcelApi 1.20', excel.lastRun()));
  await clearAnnotations({ excel: excel.host() });
  cases.push(count('注釈を消す', excel.lastRun()));

  const merged = workbookWithRows(rows);
  merged.sheets[0]!.merges = Array.from({ length: 519 }, (_, i) => ({ top: 1 + i, left: 1, bottom: 1 + i, right: 2 }));
  const mergedExcel = new FakeExcel(merged);
  await checkActiveSheet({ excel: mergedExcel.host(), check: markerCheck });
  cases.push(count(`first check, ${rows.toLocaleString('en-US')} rows with 519 merged areas`, mergedExcel.lastRun()));

  const locked = workbookWithRows(rows);
  locked.sheets[0]!.protection = { protected: true, allowFormatCells: false, allowEditObjects: false };
  const lockedExcel = new FakeExcel(locked);
  await checkActiveSheet({ excel: lockedExcel.host(), check: markerCheck });
  cases.push(count('protected sheet (list only)', lockedExcel.lastRun()));

  const ltsc = workbookWithRows(rows, '1.17');
  const ltscExcel = new FakeExcel(ltsc);
  await checkActiveSheet({ excel: ltscExcel.host(), check: markerCheck, trigger: 'live' });
  cases.push(count('live re-check on ExcelApi 1.17 (list only)', ltscExcel.lastRun()));

  const web = new WorkbookModel('1.18', 'web');
  const sheet = web.addSheet('健康福祉課');
  const long = '地域の見守り活動を担う人材の育成と定着を図るため、'.repeat(8);
  for (let r = 0; r < 3000; r++)
    for (let c = 0; c < 6; c++)
      sheet.cells.set(key(r, c), { value: `${long}${r}`, numberFormat: 'General', fill: { ...NO_FILL } });
  const webExcel = new FakeExcel(web);
  await checkActiveSheet({ excel: webExcel.host(), check: markerCheck });
  cases.push(count('Excel on the web, 18,000 cells of long text (5 MB cap)', webExcel.lastRun()));

  return {
    rows,
    readRoundTrips: cases[0]!.reads,
    writeRoundTrips: cases[0]!.writes,
    computeMs,
    findings: view.counts.error + view.counts.warning + view.counts.info,
    cases,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await runAddin(Number(process.argv[2] ?? 1000));
  if (!result) process.exit(1);
  console.log('| case | read syncs | write syncs | refused and retried |');
  console.log('|---|---|---|---|');
  for (const c of result.cases) console.log(`| ${c.name} | ${c.reads} | ${c.writes} | ${c.failed} |`);
}
