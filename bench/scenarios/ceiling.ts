// The machine's own ceiling for "two processes instead of one": the same embedded consolidation run alone,
// then twice at once. A Node process is not one core's worth of work (V8 compiles and collects garbage on
// background threads), so on a small machine two processes cannot double the throughput of one; queue-mode
// scaling is read against this number.
import { join } from 'node:path';
import { runEmbedded } from './consolidate.ts';

export interface CeilingResult {
  workbooks: number;
  aloneMs: number;
  /** Wall time of the slower of the two simultaneous runs. */
  togetherMs: number;
  /** Throughput of two simultaneous runs over one alone: 2 × alone ÷ together (2.0 = perfect). */
  ratio: number;
}

export async function runCeiling(dir: string, workbooks: number, outDir: string): Promise<CeilingResult> {
  const alone = await runEmbedded(dir, workbooks, join(outDir, 'alone'), 1);
  const pair = await Promise.all([
    runEmbedded(dir, workbooks, join(outDir, 'a'), 1),
    runEmbedded(dir, workbooks, join(outDir, 'b'), 1),
  ]);
  const togetherMs = Math.max(...pair.map((r) => r.wallMs));
  return { workbooks, aloneMs: alone.wallMs, togetherMs, ratio: (2 * alone.wallMs) / togetherMs };
}
