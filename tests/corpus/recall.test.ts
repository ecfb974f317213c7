import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { caseWorkbook } from './corpus-case.ts';
import { CORPUS_CASES } from './index.ts';
import { measureRecall, rate, RECALL_METRICS, type RecallMetric } from './recall.ts';
import { FAMILY_IDS } from '../../shared/model/record.ts';

/** The recorded bar per family and metric (percent). It only ever rises: raise it when recall improves. */
const BAR = JSON.parse(readFileSync(new URL('./recall-bar.json', import.meta.url), 'utf8')) as Record<
  string,
  Partial<Record<RecallMetric, number>>
>;

describe('variety corpus recall', () => {
  it('has at least ten workbooks for every family it covers, each with a hand-written expectation', () => {
    const families = new Set(CORPUS_CASES.map((c) => c.family));
    for (const family of families) {
      const cases = CORPUS_CASES.filter((c) => c.family === family);
      expect(cases.length, family).toBeGreaterThanOrEqual(10);
      for (const c of cases) expect(c.expect.length, c.file).toBeGreaterThan(0);
    }
    expect(new Set(CORPUS_CASES.map((c) => c.file)).size).toBe(CORPUS_CASES.length);
  });

  it('commits each workbook as its description writes it (npm run corpus)', async () => {
    for (const c of CORPUS_CASES) {
      const committed = await readFile(new URL(`./${c.family}/${c.file}`, import.meta.url));
      expect(committed.equals(await caseWorkbook(c)), `${c.family}/${c.file} is stale: run npm run corpus`).toBe(true);
    }
  });

  it('keeps recall per family at or above the recorded bar', { timeout: 60_000 }, async () => {
    const recall = await measureRecall(CORPUS_CASES);
    const measured: Record<string, Partial<Record<RecallMetric, number>>> = {};
    for (const r of recall)
      measured[r.family] = Object.fromEntries(
        RECALL_METRICS.filter((m) => r.metrics[m].total > 0).map((m) => [m, rate(r.metrics[m])]),
      );
    for (const [family, bars] of Object.entries(BAR)) {
      expect(FAMILY_IDS as readonly string[]).toContain(family);
      for (const [metric, bar] of Object.entries(bars)) {
        const got = measured[family]?.[metric as RecallMetric];
        const misses = recall.find((r) => r.family === family)?.misses ?? [];
        expect(got, `${family} ${metric}\n${misses.join('\n')}`).toBeGreaterThanOrEqual(bar);
      }
    }
    // Every family and metric measured has a bar, so a new family cannot slip in unguarded.
    for (const [family, metrics] of Object.entries(measured))
      expect(Object.keys(BAR[family] ?? {}).sort(), family).toEqual(Object.keys(metrics).sort());
  });
});
