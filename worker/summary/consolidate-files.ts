import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { buildSummary, type SubmissionInput, type SummaryModel } from '../../shared/summary/index.ts';
import type { SummaryPlan } from '../../shared/summary/group-plan.ts';
import { groupTitle } from '../../shared/summary/group-inputs.ts';
import { eraFiscalYear } from '../../shared/values/index.ts';
import type { Phase } from '../../shared/rules/index.ts';
import { lockFileError } from '../ingest/collect-files.ts';
import { ingestAll } from '../ingest/parallel-ingest.ts';
import { writeSummary } from './write-summary.ts';

export interface ConsolidateFilesOptions {
  output: string;
  ward: string | null;
  fiscalYear: number | null;
  expectedDivisions: readonly string[];
  phase?: Phase;
  now: Date;
  onProgress?: ((done: number, total: number, file: string) => void) | undefined;
  /** Worker threads reading the files (default 1: in this thread); the summary is the same for any count. */
  threads?: number;
}

/** Wall time of each phase of one consolidation, in milliseconds. */
export interface ConsolidateTimings {
  /** read → extract → validate of every file. */
  ingestMs: number;
  /** The summary model: latest per division, 判定, roll-up. */
  buildMs: number;
  /** The summary workbook rendered and written. */
  writeMs: number;
}

export interface IngestInboxOptions {
  /** The folder the summaries go to: provenance links are relative to it. */
  outDir: string;
  phase?: Phase;
  onProgress?: ((done: number, total: number, file: string) => void) | undefined;
  threads?: number;
}

/**
 * Reads every file as a submission, in the order given; an Excel lock file (~$…) is not read but named
 * unreadable with its reason, like any other file that is not a workbook.
 */
export async function ingestInbox(files: readonly string[], options: IngestInboxOptions): Promise<SubmissionInput[]> {
  const out = new Array<SubmissionInput>(files.length);
  const jobs: { file: string; link: string; index: number }[] = [];
  files.forEach((file, index) => {
    const lock = lockFileError(file);
    if (lock)
      out[index] = {
        id: file,
        file,
        link: null,
        sha256: null,
        submittedAt: null,
        mtime: null,
        division: null,
        status: 'unreadable',
        error: lock,
        sheets: [],
      };
    else jobs.push({ file, link: relative(options.outDir, resolve(file)).split(sep).join('/'), index });
  });
  const read = await ingestAll(jobs, {
    threads: options.threads ?? 1,
    onProgress: options.onProgress,
    ...(options.phase ? { phase: options.phase } : {}),
  });
  read.forEach((submission, i) => {
    out[jobs[i]!.index] = submission;
  });
  return out;
}

/** The summary of one plan, built as plain data. */
export function buildPlannedSummary(plan: SummaryPlan, now: Date): SummaryModel {
  return buildSummary(plan.submissions, {
    ward: groupTitle(plan.group),
    fiscalYear: plan.group.fiscalYear,
    expectedDivisions: plan.expectedDivisions,
    generatedAt: now.toISOString(),
    excluded: plan.excluded,
    previous: plan.previous,
  });
}

/** "秋葉区_令和2年度_集計.xlsx": the file name of a summary among several, safe on Windows and macOS. */
export function summaryFileName(plan: Pick<SummaryPlan, 'group'>): string {
  const body = groupTitle(plan.group)
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in Windows file names
    .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_')
    .replace(/\s+/g, '_')
    .replace(/^\.+/, '_');
  const year = plan.group.fiscalYear === null ? '年度不明' : eraFiscalYear(plan.group.fiscalYear);
  return `${body}_${year}_集計.xlsx`;
}

/**
 * Where each summary goes: the exact `-o` file for the one summary, or for the `primary` one (the ward
 * MOKUHYO_CONFIG names) among several; every other summary gets its body-and-year name (summaryFileName)
 * in the folder of `-o` — or in `-o` itself when it names a folder. Names never collide.
 */
export function summaryPaths(
  plans: readonly Pick<SummaryPlan, 'group'>[],
  output: { folder: string; file: string | null },
  primary: number | null = null,
): string[] {
  const main = output.file === null ? null : plans.length === 1 ? 0 : primary;
  const used = new Set<string>(main === null || output.file === null ? [] : [resolve(output.file)]);
  return plans.map((plan, i) => {
    if (i === main && output.file !== null) return output.file;
    const name = summaryFileName(plan);
    let path = join(output.folder, name);
    for (let n = 2; used.has(resolve(path)); n++)
      path = join(output.folder, name.replace(/_集計\.xlsx$/, `_${n}_集計.xlsx`));
    used.add(resolve(path));
    return path;
  });
}

/**
 * One summary of every file given, without grouping by body and year: for scripts and tests that feed a
 * single ward's files. The command line groups first (planSummaries) and calls buildPlannedSummary.
 */
export async function consolidateFiles(
  files: readonly string[],
  options: ConsolidateFilesOptions,
): Promise<{ model: SummaryModel; submissions: SubmissionInput[]; timings: ConsolidateTimings }> {
  const started = performance.now();
  const submissions = await ingestInbox(files, {
    outDir: dirname(resolve(options.output)),
    onProgress: options.onProgress,
    threads: options.threads ?? 1,
    ...(options.phase ? { phase: options.phase } : {}),
  });
  const ingested = performance.now();
  const model = buildSummary(submissions, {
    ward: options.ward,
    fiscalYear: options.fiscalYear,
    expectedDivisions: options.expectedDivisions,
    generatedAt: options.now.toISOString(),
  });
  const built = performance.now();
  await writeAtomically(options.output, await writeSummary(model));
  const timings = { ingestMs: ingested - started, buildMs: built - ingested, writeMs: performance.now() - built };
  return { model, submissions, timings };
}

/** Writes to a temporary sibling and renames, so a reader never sees half a file; the temporary file never stays. */
export async function writeAtomically(path: string, data: Buffer | string): Promise<void> {
  await mkdir(dirname(resolve(path)), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } finally {
    await rm(tmp, { force: true }).catch(() => undefined);
  }
}
