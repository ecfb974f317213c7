// Drives the intake over HTTP with concurrent clients and waits until every acknowledged submission
// is final: the load benchmark (bench/load/run.ts) and its small correctness test share it.
import { allFinal, submit, type Cluster } from '../../tests/faults/cluster.ts';
import { seedSubmissions } from '../../tests/faults/fixtures.ts';
import { completeSummary } from '../../tests/faults/summary-check.ts';

export interface LoadResult {
  submissions: number;
  acknowledged: number;
  refused: Record<string, number>;
  finals: Record<string, number>;
  /** Milliseconds per intake request (202 answer). */
  latency: { p50: number; p90: number; p99: number; max: number };
  /** Seconds from the first request to the last final status, and submissions finished per second. */
  endToEndSeconds: number;
  throughput: number;
  /** Seconds until the ward summary listed every acknowledged submission. */
  summarySeconds: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0;
}

export async function runLoad(
  cluster: Cluster,
  opts: { submissions: number; clients: number },
): Promise<LoadResult & { ids: string[] }> {
  const files = (await seedSubmissions()).filter((f) => f.expect === 'accepted');
  const latencies: number[] = [];
  const ids: string[] = [];
  const refused: Record<string, number> = {};
  let next = 0;
  const started = performance.now();
  const client = async () => {
    for (let i = next++; i < opts.submissions; i = next++) {
      const file = files[i % files.length]!;
      const t0 = performance.now();
      const res = await submit(cluster.base, file.token, file.bytes);
      latencies.push(performance.now() - t0);
      if (res.status === 202) ids.push(String(res.body['id']));
      else refused[res.status] = (refused[res.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: opts.clients }, client));
  const metas = await allFinal(cluster.store, ids, 30 * 60_000);
  const finished = performance.now();
  await completeSummary(cluster.base, ids, 10 * 60_000);
  const summarized = performance.now();
  const finals: Record<string, number> = {};
  for (const m of metas) finals[m.status] = (finals[m.status] ?? 0) + 1;
  const sorted = [...latencies].sort((a, b) => a - b);
  const endToEndSeconds = (finished - started) / 1000;
  return {
    ids,
    submissions: opts.submissions,
    acknowledged: ids.length,
    refused,
    finals,
    latency: {
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      max: sorted.at(-1) ?? 0,
    },
    endToEndSeconds,
    throughput: ids.length / endToEndSeconds,
    summarySeconds: (summarized - started) / 1000,
  };
}
