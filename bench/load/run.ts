// Load benchmark: N submissions over HTTP from C concurrent clients against real processes
// (private redis-server, `serve --no-worker`, W `worker`s). Prints intake latency and end-to-end
// throughput, and fails (exit 1) if any submission is refused or lost.
//   npx tsx bench/load/run.ts [--submissions 1000] [--clients 20] [--workers 3] [--json out.json]
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startCluster } from '../../tests/faults/cluster.ts';
import { findRedisServer } from '../../tests/worker/queue/redis-server.ts';
import { runLoad } from './load.ts';

const { values } = parseArgs({
  options: {
    submissions: { type: 'string', default: '1000' },
    clients: { type: 'string', default: '20' },
    workers: { type: 'string', default: '3' },
    json: { type: 'string' },
  },
});
const submissions = Number(values.submissions);
const clients = Number(values.clients);
const workers = Number(values.workers);
const binary = await findRedisServer();
if (!binary) process.exit(2);

const cluster = await startCluster(binary, {
  workers,
  extra: { consolidationDelayMs: 2000, reconcileIntervalMs: 10_000 },
});
try {
  const { ids, ...result } = await runLoad(cluster, { submissions, clients });
  const lost = ids.length - Object.values(result.finals).reduce((a, b) => a + b, 0);
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  process.stdout.write(
    [
      `submissions ${submissions}, clients ${clients}, workers ${workers} (concurrency 2 each)`,
      `acknowledged (202) ${result.acknowledged}, refused ${JSON.stringify(result.refused)}, lost ${lost}`,
      `final statuses ${JSON.stringify(result.finals)}`,
      `intake latency p50 ${ms(result.latency.p50)}, p90 ${ms(result.latency.p90)}, p99 ${ms(result.latency.p99)}, max ${ms(result.latency.max)}`,
      `end to end ${result.endToEndSeconds.toFixed(1)} s, throughput ${result.throughput.toFixed(2)} submissions/s`,
      `summary complete after ${result.summarySeconds.toFixed(1)} s`,
      '',
    ].join('\n'),
  );
  if (values.json) await writeFile(values.json, `${JSON.stringify({ clients, workers, lost, ...result }, null, 2)}\n`);
  process.exitCode = result.acknowledged === submissions && lost === 0 ? 0 : 1;
} finally {
  await cluster.stop();
}
