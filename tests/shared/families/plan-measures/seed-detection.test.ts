import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractSheet } from '../../../../shared/extract/index.ts';
import { FAMILIES } from '../../../../shared/families/index.ts';
import { readWorkbookFile } from '../../../../worker/xlsx/index.ts';

const SEEDS = 'seeds';
/** Families whose every seed sheet must be recognised here (the plan's 基本目標 page excepted). */
const OWN = new Set(['plan-measures', 'policy-statement']);
/** Seed sheets of those families that are not a form on their own. */
const NOT_A_FORM = new Set(['plan-measures/suzaka-2025-goal-7.xlsx#基本目標７']);

async function seedWorkbooks(): Promise<{ family: string; file: string }[]> {
  const out: { family: string; file: string }[] = [];
  for (const entry of await readdir(SEEDS, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'build' || entry.name === 'data') continue;
    for (const file of await readdir(join(SEEDS, entry.name)))
      if (file.endsWith('.xlsx')) out.push({ family: entry.name, file });
  }
  return out;
}

describe('plan-measures and policy-statement detection over every seed workbook', () => {
  it('gives every seed sheet its own family and never claims another form', async () => {
    const books = await seedWorkbooks();
    for (const family of OWN) expect(books.some((b) => b.family === family)).toBe(true);
    expect(books.some((b) => !OWN.has(b.family))).toBe(true);
    for (const { family, file } of books) {
      const { grids } = await readWorkbookFile(join(SEEDS, family, file));
      for (const grid of grids) {
        const key = `${family}/${file}#${grid.sheet}`;
        const { record } = extractSheet(grid, FAMILIES);
        if (OWN.has(family)) expect([key, record.family]).toEqual([key, NOT_A_FORM.has(key) ? null : family]);
        // other families' cover pages, or families not registered yet, may read as no form; never as another form
        else expect([key, record.family === null || record.family === family]).toEqual([key, true]);
      }
    }
  });
});
