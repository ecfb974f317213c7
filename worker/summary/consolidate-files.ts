import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { buildSummary, type SubmissionInput, type SummaryModel } from '../../shared/summary/index.ts';
import type { Phase } from '../../shared/rules/index.ts';
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

/** Embedded consolidation: ingest every file in-process, keep the latest per division, write the workbook. */
export async function consolidateFiles(files: readonly string[], options: ConsolidateFilesOptions): Promise<{ model: SummaryModel; submissions: SubmissionInput[]; timings: ConsolidateTimings }> {
  const outDir = dirname(resolve(options.output));
  const jobs = files.map((file) => ({ file, link: relative(outDir, resolve(file)).split(sep).join('/') }));
  const started = performance.now();
  const submissions = await ingestAll(jobs, { threads: options.threads ?? 1, onProgress: options.onProgress, ...(options.phase ? { phase: options.phase } : {}) });
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

/** Writes to a temporary sibling and renames, so a reader never sees half a file. */
export async function writeAtomically(path: string, data: Buffer | string): Promise<void> {
  await mkdir(dirname(resolve(path)), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, path);
}
