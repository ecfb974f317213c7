// The benchmark report: its shape, the targets of issue 8 judged against it, and a Markdown rendering.
import type { AddinResult } from './scenarios/addin.ts';
import type { CeilingResult } from './scenarios/ceiling.ts';
import type { ProcessRun } from './scenarios/consolidate.ts';
import type { ExtractionResult } from './scenarios/extraction.ts';
import type { FloorResult } from './scenarios/floor.ts';
import type { QueueResult, QueueRun } from './scenarios/queue.ts';
import type { StartupResult } from './scenarios/startup.ts';
import type { ValuesResult } from './scenarios/values.ts';
import { formatRecall, type FamilyRecall } from '../tests/corpus/recall.ts';

export interface ConsolidateRow {
  n: number;
  embedded: ProcessRun;
  oneThread: ProcessRun | null;
  peer: ProcessRun | null;
  floor: FloorResult;
}

export interface Target {
  name: string;
  goal: string;
  actual: string;
  /** null when the scenario could not run. */
  met: boolean | null;
}

export interface Report {
  generatedAt: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    loadAverage: { start: number; end: number };
  };
  corpusVersion: number;
  values: ValuesResult;
  extraction: ExtractionResult;
  /** `mokuhyo validate` on one workbook, started directly and through npx (absent in reports before it existed). */
  startup?: StartupResult;
  consolidate: ConsolidateRow[];
  queue: QueueResult | null;
  /** Two identical processes at once vs one: what a second process can add on this machine (null: not run). */
  ceiling: CeilingResult | null;
  addin: AddinResult | null;
  /** Recall of the extraction on the variety corpus (tests/corpus), per family (absent in older reports). */
  recall?: FamilyRecall[];
  targets: Target[];
}

const f1 = (n: number): string => (Number.isFinite(n) ? n.toFixed(1) : '–');
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const mb = (v: number | null): string => (v === null ? '–' : `${Math.round(v)} MB`);

/** Issue 8's targets, judged honestly against this run (null when the scenario did not run). */
export function judgeTargets(r: Report): Target[] {
  const targets: Target[] = [];
  const at300 = r.consolidate.find((c) => c.n === 300) ?? r.consolidate[0];
  const largest = r.consolidate[r.consolidate.length - 1];
  if (at300) {
    const ratio = at300.peer ? at300.peer.wallMs / at300.embedded.wallMs : Number.NaN;
    targets.push({
      name: `embedded vs openpyxl peer (N = ${at300.n})`,
      goal: '≥ 3× faster (wall)',
      actual: at300.peer ? `${f1(ratio)}× (CPU ${f1(at300.peer.cpuMs / at300.embedded.cpuMs)}×)` : 'peer not available',
      met: at300.peer ? ratio >= 3 : null,
    });
    const floorRatio = at300.embedded.wallMs / at300.floor.wallMs;
    targets.push({
      name: `embedded vs floor (N = ${at300.n})`,
      goal: '≤ 10× the floor (wall)',
      actual: `${f1(floorRatio)}×`,
      met: floorRatio <= 10,
    });
  }
  if (largest && largest.n >= 3000) {
    targets.push({
      name: `peak RSS (N = ${largest.n})`,
      goal: '< 512 MB',
      actual: mb(largest.embedded.peakRssMb),
      met: largest.embedded.peakRssMb === null ? null : largest.embedded.peakRssMb < 512,
    });
    const first = r.consolidate[0]!;
    const growth = largest.embedded.wallMs / largest.n / (first.embedded.wallMs / first.n);
    targets.push({
      name: `time linear in N (${first.n} → ${largest.n})`,
      goal: 'per-workbook time grows ≤ 1.25×',
      actual: `${f1(growth)}×`,
      met: first === largest ? null : growth <= 1.25,
    });
  } else {
    targets.push({ name: 'peak RSS (N = 3,000)', goal: '< 512 MB', actual: 'not run (N < 3,000)', met: null });
  }
  const q = r.queue;
  targets.push({
    name: 'queue mode scaling (backlog drain)',
    goal: '2 workers ≥ 1.8× of 1',
    actual:
      q && q.available
        ? `${f1(q.scaling)}× (live uploads ${f1(q.liveScaling)}×${r.ceiling ? `; this machine's two-process ceiling ${f1(r.ceiling.ratio)}×` : ''})`
        : (q?.reason ?? 'not run'),
    met: q && q.available ? q.scaling >= 1.8 : null,
  });
  const a = r.addin;
  targets.push({
    name: 'add-in, 1,000 rows',
    goal: '≤ 3 read + ≤ 1 write round trips',
    actual: a ? `${a.readRoundTrips} read + ${a.writeRoundTrips} write` : 'not available',
    met: a ? a.readRoundTrips <= 3 && a.writeRoundTrips <= 1 : null,
  });
  return targets;
}

/** The report as Markdown tables (printed by `npm run bench`, pasted into docs/performance.md). */
export function formatReport(r: Report): string {
  const m = r.machine;
  const lines: string[] = [];
  lines.push(
    `Machine: ${m.cpus} cores (${m.cpuModel}), ${m.memoryGb.toFixed(1)} GB, Node ${m.node}; load average ${f1(m.loadAverage.start)} → ${f1(m.loadAverage.end)}. ${r.generatedAt}`,
  );
  if (r.recall) lines.push('', 'Recall on the variety corpus (tests/corpus):', '', formatRecall(r.recall));
  lines.push('');
  lines.push('| scenario | result |');
  lines.push('|---|---|');
  lines.push(
    `| value reading (parseValue, ${r.values.strings} seed strings × typings) | ${Math.round(r.values.stringsPerSecond).toLocaleString('en-US')} strings/s |`,
  );
  lines.push(
    `| extraction (read + extract + validate, ${r.extraction.workbooks} workbooks, one thread) | median ${f1(r.extraction.medianMs)} ms, p95 ${f1(r.extraction.p95Ms)} ms per workbook |`,
  );
  if (r.startup) {
    lines.push('');
    lines.push(`| start-up: \`validate\` of one workbook (${r.startup.file}) | wall (median) | CPU | runs |`);
    lines.push('|---|---:|---:|---|');
    for (const row of r.startup.rows)
      lines.push(
        `| ${row.label} | ${s(row.wallMs)} | ${Number.isFinite(row.cpuMs) ? s(row.cpuMs) : '–'} | ${row.wallRunsMs.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s |`,
      );
  }
  lines.push('');
  lines.push('| N | tool | wall | CPU | workbooks/s | peak RSS | × peer (wall) | × floor (wall) |');
  lines.push('|---:|---|---:|---:|---:|---:|---:|---:|');
  for (const c of r.consolidate) {
    const row = (label: string, run: ProcessRun): string =>
      `| ${c.n} | ${label} | ${s(run.wallMs)} | ${s(run.cpuMs)} | ${f1(run.workbooksPerSecond)} | ${mb(run.peakRssMb)} | ${c.peer ? `${f1(c.peer.wallMs / run.wallMs)}× faster` : '–'} | ${f1(run.wallMs / c.floor.wallMs)}× |`;
    lines.push(row('mokuhyo consolidate', c.embedded));
    if (c.oneThread) lines.push(row('mokuhyo consolidate --threads 1', c.oneThread));
    if (c.peer)
      lines.push(
        `| ${c.n} | openpyxl peer | ${s(c.peer.wallMs)} | ${s(c.peer.cpuMs)} | ${f1(c.peer.workbooksPerSecond)} | ${mb(c.peer.peakRssMb)} | 1× | ${f1(c.peer.wallMs / c.floor.wallMs)}× |`,
      );
    lines.push(
      `| ${c.n} | floor (inflate + count ${c.floor.cells.toLocaleString('en-US')} cells) | ${s(c.floor.wallMs)} | ${s(c.floor.cpuMs)} | ${f1(c.n / (c.floor.wallMs / 1000))} | – | – | 1× |`,
    );
  }
  const repeated = r.consolidate.filter((c) => c.embedded.wallRunsMs);
  if (repeated.length > 0) {
    lines.push('');
    lines.push(
      'Rows at ' +
        repeated.map((c) => `N = ${c.n}`).join(', ') +
        ' are the median of repeated runs (wall times of every run: ' +
        repeated
          .map((c) => {
            const range = (label: string, runs: readonly number[] | undefined): string =>
              runs ? `${label} ${runs.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s` : '';
            return [
              range('mokuhyo', c.embedded.wallRunsMs),
              range('--threads 1', c.oneThread?.wallRunsMs),
              range('peer', c.peer?.wallRunsMs),
              range('floor', c.floor.wallRunsMs),
            ]
              .filter(Boolean)
              .join('; ');
          })
          .join(' | ') +
        ').',
    );
  }
  const phased = r.consolidate.filter((c) => c.embedded.phases);
  if (phased.length > 0) {
    lines.push('');
    lines.push(
      'Where mokuhyo consolidate spends its time (`--timings`): ' +
        phased
          .map((c) => {
            const p = c.embedded.phases!;
            return `N = ${c.n}: start-up ${s(p.startMs)}, read + extract + validate ${s(p.ingestMs)}, summary model ${s(p.buildMs)}, workbook written ${s(p.writeMs)}`;
          })
          .join('; ') +
        '.',
    );
  }
  lines.push('');
  const q = r.queue;
  if (q && q.available) {
    lines.push(
      `| queue mode (${q.submissions} submissions, intake → BullMQ → summary; ${q.concurrency} ingest at a time per worker process) | 1 worker | 2 workers |`,
    );
    lines.push('|---|---:|---:|');
    lines.push(
      `| backlog drain: stored submissions processed | ${f1(q.one.perSecond)} /s | ${f1(q.two.perSecond)} /s |`,
    );
    lines.push(`| backlog drain: all processed after | ${s(q.one.drainMs)} | ${s(q.two.drainMs)} |`);
    lines.push(
      `| live: uploads while workers run, processed | ${f1(q.one.livePerSecond)} /s | ${f1(q.two.livePerSecond)} /s |`,
    );
    lines.push(`| live: all processed after | ${s(q.one.ingestMs)} | ${s(q.two.ingestMs)} |`);
    lines.push(`| live: summary rebuilt after | ${s(q.one.summaryMs)} | ${s(q.two.summaryMs)} |`);
    if (q.one.drainRunsPerSecond.length > 1) {
      const runs = (r: QueueRun): string => r.drainRunsPerSecond.map((v) => f1(v)).join(', ');
      lines.push('');
      lines.push(
        `Backlog drains (median reported; 1 and 2 workers alternated): 1 worker ${runs(q.one)} /s; 2 workers ${runs(q.two)} /s.`,
      );
    }
    if (r.ceiling) {
      const c = r.ceiling;
      lines.push('');
      lines.push(
        `Two-process ceiling: \`consolidate --threads 1\` of ${c.workbooks} workbooks alone ${s(c.aloneMs)}, two at once ${s(c.togetherMs)} → ${f1(c.ratio)}× the throughput of one.`,
      );
    }
    lines.push('');
  } else {
    lines.push(`Queue mode: ${q?.reason ?? 'not run'}.`);
    lines.push('');
  }
  const a = r.addin;
  lines.push(
    a
      ? `Add-in (fake Excel, ${a.rows} rows, ${a.findings} findings): ${a.readRoundTrips} read + ${a.writeRoundTrips} write round trips, ${f1(a.computeMs)} ms CPU.`
      : 'Add-in: not available.',
  );
  lines.push('');
  lines.push('| target | goal | this run | met |');
  lines.push('|---|---|---|---|');
  for (const t of r.targets)
    lines.push(`| ${t.name} | ${t.goal} | ${t.actual} | ${t.met === null ? 'n/a' : t.met ? 'yes' : 'no'} |`);
  return `${lines.join('\n')}\n`;
}
