// Extraction: read + extract + validate one workbook at a time in this process (ms per workbook).
import { readFile } from 'node:fs/promises';
import { ingestWorkbook } from '../../worker/queue/ingest-workbook.ts';
import { quantile } from '../measure.ts';

export interface ExtractionResult {
  workbooks: number;
  medianMs: number;
  p95Ms: number;
  meanMs: number;
}

/** Times ingestWorkbook (read → extract → validate) per file, after a short warm-up. */
export async function runExtraction(files: readonly string[]): Promise<ExtractionResult> {
  for (const file of files.slice(0, 5)) await ingestWorkbook(await readFile(file));
  const times: number[] = [];
  for (const file of files) {
    const bytes = await readFile(file);
    const start = performance.now();
    await ingestWorkbook(bytes);
    times.push(performance.now() - start);
  }
  return {
    workbooks: files.length,
    medianMs: quantile(times, 0.5),
    p95Ms: quantile(times, 0.95),
    meanMs: times.reduce((a, b) => a + b, 0) / times.length,
  };
}
