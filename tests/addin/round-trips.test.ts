// The round trips docs/addin.md and README state are the ones bench/scenarios/addin.ts measures on the fake.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runAddin } from '../../bench/scenarios/addin.ts';

const root = new URL('../../', import.meta.url).pathname;

/** The rows of the table under a heading: first cell → the other cells. */
function tableUnder(markdown: string, heading: string): Map<string, string[]> {
  const lines = markdown.slice(markdown.indexOf(heading)).split('\n');
  const start = lines.findIndex((line) => line.startsWith('|'));
  const end = lines.findIndex((line, i) => i > start && !line.startsWith('|'));
  const rows = lines.slice(start, end);
  const out = new Map<string, string[]>();
  for (const row of rows.slice(2)) {
    const cells = row
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    out.set(cells[0]!, cells.slice(1));
  }
  return out;
}

describe('the round trips the docs state', () => {
  it('are what the bench measures, case by case', { timeout: 60_000 }, async () => {
    const result = (await runAddin(1000))!;
    const docs = tableUnder(readFileSync(`${root}docs/addin.md`, 'utf8'), '### Round trips');
    expect([...docs].map(([name, [reads, writes, refused]]) => ({ name, reads, writes, refused }))).toEqual(
      result.cases.map((c) => ({
        name: c.name,
        reads: String(c.reads),
        writes: String(c.writes),
        refused: String(c.failed),
      })),
    );

    const readme = readFileSync(`${root}README.md`, 'utf8');
    const addin = readme.slice(
      readme.indexOf('## The web console and the Excel add-in'),
      readme.indexOf('## One truth'),
    );
    const first = result.cases[0]!;
    const nothing = result.cases.find((c) => c.name === 're-check, nothing changed')!;
    expect(addin).toContain(`${first.reads} reads and ${first.writes} write`);
    expect(addin).toContain(`${nothing.reads} reads and no write`);
  });
});
