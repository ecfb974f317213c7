// `npm run bench [-- --quick] [-- --recall] [-- --n 300,3000] [-- --queue 1000] [-- --peer-max 3000] [-- --repeats 5]`: builds (or reuses)
// the corpus, runs every scenario, prints a table and writes bench/out/report.json.
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CORPUS_VERSION, ensureCorpus } from './corpus.ts';
import { medianRun } from './measure.ts';
import { formatReport, judgeTargets, type Report } from './report.ts';
import { runAddin } from './scenarios/addin.ts';
import { runCeiling } from './scenarios/ceiling.ts';
import { peerAvailable, runEmbedded, runPeer, type ProcessRun } from './scenarios/consolidate.ts';
import { runExtraction } from './scenarios/extraction.ts';
import { runFloor } from './scenarios/floor.ts';
import { runQueue } from './scenarios/queue.ts';
import { runStartup } from './scenarios/startup.ts';
import { runValues } from './scenarios/values.ts';
import { CORPUS_CASES } from '../tests/corpus/index.ts';
import { formatRecall, measureRecall } from '../tests/corpus/recall.ts';

export interface BenchOptions {
  ns: number[];
  /** Peer runs only for N up to this. */
  peerMax: number;
  /** Submissions for queue mode; 0 skips it. */
  queue: number;
  extractionSample: number;
  valuesMs: number;
  /** Runs of each consolidate scenario at N ≤ 1,000 (the median is reported): short runs are noisy. */
  repeats: number;
  outDir: string;
  log: (line: string) => void;
}

/** Parses the command line into options; --quick is a smoke run (N = 30, small queue). */
export function benchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: 'boolean', default: false },
      n: { type: 'string' },
      'peer-max': { type: 'string' },
      queue: { type: 'string' },
      repeats: { type: 'string' },
      out: { type: 'string' },
      recall: { type: 'boolean', default: false },
    },
  });
  const quick = values.quick ?? false;
  const ns = (values.n ?? (quick ? '30' : '300,3000')).split(',').map(Number);
  if (ns.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--n takes counts like 300,3000, not ${values.n}`);
  const repeats = Number(values.repeats ?? (quick ? 1 : 5));
  if (!Number.isInteger(repeats) || repeats < 1)
    throw new Error(`--repeats takes a count like 5, not ${values.repeats}`);
  return {
    ns: ns.sort((a, b) => a - b),
    peerMax: Number(values['peer-max'] ?? Math.max(...ns)),
    queue: Number(values.queue ?? (quick ? 20 : 1000)),
    extractionSample: quick ? 30 : 300,
    valuesMs: quick ? 300 : 2000,
    repeats,
    outDir: values.out ?? new URL('./out/', import.meta.url).pathname,
    log: (line) => process.stderr.write(`${line}\n`),
  };
}

/** Runs every scenario and returns the report (also written to <outDir>/report.json). */
export async function runBench(o: BenchOptions): Promise<Report> {
  const startLoad = loadavg()[0] ?? 0;
  o.log(`recall: ${CORPUS_CASES.length} workbooks of the variety corpus`);
  const recall = await measureRecall(CORPUS_CASES);
  o.log(formatRecall(recall));
  const corpora = [];
  for (const n of o.ns) {
    o.log(`corpus: ${n} workbooks (cached under ${join(o.outDir, 'corpus')})`);
    corpora.push({
      n,
      corpus: await ensureCorpus(n, {
        root: o.outDir,
        onProgress: (d, t) => d % 100 === 0 && o.log(`  generated ${d}/${t}`),
      }),
    });
  }
  const smallest = corpora[0]!.corpus;
  const runDir = join(o.outDir, 'runs');

  o.log('values: parseValue over the seed strings');
  const values = await runValues(o.valuesMs);
  o.log('extraction: read + extract + validate per workbook');
  const extraction = await runExtraction(smallest.files.slice(0, o.extractionSample));

  // The first CLI run after a source change bundles the CLI (≈ 0.3 s); do it before anything is timed.
  spawnSync(process.execPath, ['bin/mokuhyo.js', '--help'], { stdio: 'ignore' });
  o.log(
    `start-up: validate one workbook, through node and through npx${o.repeats > 1 ? ` (median of ${o.repeats})` : ''}`,
  );
  const startup = await runStartup(o.repeats);
  const consolidate: Report['consolidate'] = [];
  const havePeer = await peerAvailable();
  for (const { n, corpus } of corpora) {
    // Runs of a second or so vary by ±10 % on shared cores: repeat them and keep the median run.
    const times = n <= 1000 ? Math.max(1, o.repeats) : 1;
    const suffix = times > 1 ? ` (median of ${times})` : '';
    o.log(`floor: N = ${n}${suffix}`);
    const floor = await medianOf(times, () => runFloor(corpus.files));
    o.log(`embedded consolidate: N = ${n}${suffix}`);
    const embedded = await medianOf(times, () => runEmbedded(corpus.dir, n, runDir));
    let oneThread: ProcessRun | null = null;
    if (n === o.ns[0]) {
      o.log(`embedded consolidate --threads 1: N = ${n}${suffix}`);
      oneThread = await medianOf(times, () => runEmbedded(corpus.dir, n, runDir, 1));
    }
    let peer: ProcessRun | null = null;
    if (havePeer && n <= o.peerMax) {
      const peerTimes = Math.min(times, 3);
      o.log(`openpyxl peer: N = ${n}${peerTimes > 1 ? ` (median of ${peerTimes})` : ''}`);
      peer = await medianOf(peerTimes, () => runPeer(corpus.dir, n, runDir));
    }
    consolidate.push({ n, embedded, oneThread, peer, floor });
  }

  let queue: Report['queue'] = null;
  let ceiling: Report['ceiling'] = null;
  if (o.queue > 0) {
    o.log(`queue mode: ${o.queue} submissions, 1 and 2 workers`);
    queue = await runQueue(o.queue, { outDir: o.outDir, log: o.log, repeats: Math.min(o.repeats, 3) });
    o.log(`ceiling: consolidate N = ${smallest.files.length} alone, then two at once`);
    ceiling = await runCeiling(smallest.dir, smallest.files.length, join(runDir, 'ceiling'));
  }
  o.log('add-in: 1,000-row sheet on the fake Excel');
  const addin = await runAddin(1000);

  const report: Report = {
    generatedAt: new Date().toISOString(),
    machine: {
      cpus: availableParallelism(),
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: totalmem() / 2 ** 30,
      node: process.version,
      loadAverage: { start: startLoad, end: loadavg()[0] ?? 0 },
    },
    corpusVersion: CORPUS_VERSION,
    values,
    extraction,
    startup,
    consolidate,
    queue,
    ceiling,
    addin,
    recall,
    targets: [],
  };
  report.targets = judgeTargets(report);
  await mkdir(o.outDir, { recursive: true });
  await writeFile(join(o.outDir, 'report.json'), JSON.stringify(report, null, 2));
  return report;
}

/** Runs a timed scenario `times` times; the run with the median wall time, with every wall time kept. */
export async function medianOf<T extends { wallMs: number }>(
  times: number,
  run: () => Promise<T>,
): Promise<T & { wallRunsMs?: number[] }> {
  const runs: T[] = [];
  for (let i = 0; i < times; i++) runs.push(await run());
  if (runs.length === 1) return runs[0]!;
  return { ...medianRun(runs, (r) => r.wallMs), wallRunsMs: runs.map((r) => r.wallMs) };
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv.includes('--recall')) {
  // `npm run bench -- --recall`: the variety corpus's recall table alone, with every miss.
  const recall = await measureRecall(CORPUS_CASES);
  process.stdout.write(`${formatRecall(recall)}\n`);
  for (const r of recall) for (const miss of r.misses) process.stdout.write(`  ${r.family}: ${miss}\n`);
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const options = benchOptions(process.argv.slice(2));
  const report = await runBench(options);
  process.stdout.write(formatReport(report));
  process.stderr.write(`report: ${join(options.outDir, 'report.json')}\n`);
}
