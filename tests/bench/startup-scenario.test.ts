import { describe, expect, it } from 'vitest';
import { formatReport, type Report } from '../../bench/report.ts';
import { runStartup } from '../../bench/scenarios/startup.ts';

describe('runStartup', () => {
  it('times validate of one workbook started by node and by npx, and the report shows each way', async () => {
    const startup = await runStartup(2);
    expect(startup.rows.map((r) => r.command)).toEqual([
      'node -e 0',
      'node bin/mokuhyo.js validate seeds/org-goals/akiha-2020-kenko-fukushi.xlsx',
      'npx mokuhyo validate seeds/org-goals/akiha-2020-kenko-fukushi.xlsx',
    ]);
    for (const row of startup.rows) {
      expect(row.wallRunsMs).toHaveLength(2);
      expect(row.wallRunsMs).toContain(row.wallMs);
    }
    const report = {
      machine: { cpus: 2, cpuModel: 'x', memoryGb: 1, node: 'v20', loadAverage: { start: 0, end: 0 } },
      values: { strings: 1, stringsPerSecond: 1 },
      extraction: { workbooks: 1, medianMs: 1, p95Ms: 1 },
      startup,
      consolidate: [],
      queue: null,
      ceiling: null,
      addin: null,
      targets: [],
    } as unknown as Report;
    expect(formatReport(report)).toMatch(/\| npx mokuhyo \| [\d.]+ s \|/);
  }, 120_000);
});
