import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusWorkbook, ensureCorpus } from '../../bench/corpus.ts';
import { formatReport, type Report } from '../../bench/report.ts';
import { benchOptions, medianOf, runBench } from '../../bench/run.ts';
import { runCeiling } from '../../bench/scenarios/ceiling.ts';
import { runQueue } from '../../bench/scenarios/queue.ts';
import { findRedisServer } from '../worker/queue/redis-server.ts';

const root = await mkdtemp(join(tmpdir(), 'mokuhyo-bench-'));
afterAll(() => rm(root, { recursive: true, force: true }));

describe('bench corpus', () => {
  it('makes the same bytes for the same index and different workbooks for different ones', async () => {
    const [a, b, c] = [await corpusWorkbook(3), await corpusWorkbook(3), await corpusWorkbook(4)];
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
  });

  it('reuses the cached pool and links the first N into their own folder', async () => {
    const first = await ensureCorpus(5, { root });
    let generated = 0;
    const again = await ensureCorpus(5, { root, onProgress: () => generated++ });
    expect(again.files).toEqual(first.files);
    expect(generated).toBe(0);
    expect((await readFile(first.files[4]!)).equals(await corpusWorkbook(4))).toBe(true);
  });
});

describe('medianOf', () => {
  it('keeps the run with the median wall time and every run in order', async () => {
    const walls = [130, 110, 170, 120, 150];
    let i = 0;
    const run = await medianOf(5, async () => ({ wallMs: walls[i]!, id: i++ }));
    expect(run).toEqual({ wallMs: 130, id: 0, wallRunsMs: walls });
    expect(await medianOf(1, async () => ({ wallMs: 7 }))).toEqual({ wallMs: 7 });
  });

  it('reads repeats from the command line: 5 by default, 1 for a quick run', () => {
    expect(benchOptions([]).repeats).toBe(5);
    expect(benchOptions(['--quick']).repeats).toBe(1);
    expect(benchOptions(['--repeats', '3']).repeats).toBe(3);
  });
});

describe('runCeiling', () => {
  it('times one consolidation alone and two at once, and reports the throughput ratio', async () => {
    const corpus = await ensureCorpus(5, { root });
    const c = await runCeiling(corpus.dir, 5, join(root, 'ceiling'));
    expect(c.aloneMs).toBeGreaterThan(0);
    expect(c.togetherMs).toBeGreaterThan(0);
    expect(c.ratio).toBeCloseTo((2 * c.aloneMs) / c.togetherMs, 6);
  }, 120_000);
});

let benchReport: Report | undefined;

describe('runBench', () => {
  it('runs every scenario on N = 5 and writes a report whose targets name this run', async () => {
    const options = {
      ...benchOptions(['--quick', '--n', '5', '--queue', '0', '--out', root]),
      valuesMs: 50,
      log: () => undefined,
    };
    const report = await runBench(options);
    benchReport = report;
    const saved = JSON.parse(await readFile(join(root, 'report.json'), 'utf8')) as Report;
    expect(saved.consolidate.map((c) => c.n)).toEqual([5]);
    const row = saved.consolidate[0]!;
    expect(row.embedded.note).toMatch(/ファイル 5/);
    expect(row.floor.cells).toBeGreaterThan(100);
    expect(row.embedded.phases?.ingestMs).toBeGreaterThan(0);
    expect(formatReport(report)).toMatch(/N = 5: start-up [\d.]+ s, read \+ extract \+ validate/);
    expect(saved.values.stringsPerSecond).toBeGreaterThan(0);
    expect(saved.extraction.workbooks).toBe(5);
    expect(saved.queue).toBeNull();
    expect(saved.ceiling).toBeNull();
    expect(report.targets.find((t) => t.name.startsWith('peak RSS'))?.met).toBeNull();
    expect(formatReport(report)).toContain('| 5 | mokuhyo consolidate |');
    // Recall on the variety corpus: one row per form family, printed before the timings.
    expect(saved.recall?.map((r) => r.family).sort()).toEqual([
      'action-plan',
      'org-goals',
      'plan-measures',
      'policy-review',
      'policy-statement',
    ]);
    expect(formatReport(report)).toMatch(/Recall on the variety corpus[\s\S]*org-goals +1\d /);
  }, 180_000);
});

describe.skipIf(!(await findRedisServer()))('runQueue', () => {
  it('drains a backlog with 1 and 2 workers, alternating, reports the median drain, then a live run each', async () => {
    const q = await runQueue(6, { outDir: root, log: () => undefined, repeats: 2, settleMs: 300 });
    if (!q.available) throw new Error(q.reason);
    for (const run of [q.one, q.two]) {
      expect(run.drainRunsPerSecond).toHaveLength(2);
      expect(run.accepted + run.rejected).toBe(6);
      expect(run.livePerSecond).toBeGreaterThan(0);
      expect(run.summaryMs).toBeGreaterThanOrEqual(run.ingestMs);
    }
    expect(q.scaling).toBeCloseTo(q.two.perSecond / q.one.perSecond, 9);
    expect(benchReport, 'runs after the runBench test, whose report it reuses').toBeDefined();
    expect(formatReport({ ...benchReport!, queue: q })).toMatch(
      /Backlog drains \(median reported; 1 and 2 workers alternated\): 1 worker [\d.]+, [\d.]+ \/s; 2 workers [\d.]+, [\d.]+ \/s\./,
    );
  }, 240_000);
});
