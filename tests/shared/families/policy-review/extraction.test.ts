import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractSheet } from '../../../../shared/extract/index.ts';
import { FAMILIES } from '../../../../shared/families/index.ts';
import type { Grid } from '../../../../shared/grid/index.ts';
import type { SheetRecord } from '../../../../shared/model/record.ts';
import { toHalfWidth } from '../../../../shared/values/index.ts';
import { readWorkbookFile } from '../../../../worker/xlsx/index.ts';
import { loadPolicyReviewData, type PolicyReviewSeed } from '../../../../seed-src/build/policy-review-data.ts';
import { insertColumns, insertRows, mapText, toFullWidth, unmerge } from '../../../helpers/grid-relayout.ts';

const SEED = join(import.meta.dirname, '../../../../seeds/policy-review/policy-review-kita-2015.xlsx');
let grids: Grid[];
let data: PolicyReviewSeed;

beforeAll(async () => {
  grids = (await readWorkbookFile(SEED)).grids;
  data = await loadPolicyReviewData();
});

const extract = (grid: Grid): SheetRecord => extractSheet(grid, FAMILIES).record;

/** What a coordinator reads off the sheet, independent of where it sits and of full-width typing. */
function essence(record: SheetRecord) {
  return JSON.parse(
    toHalfWidth(
      JSON.stringify({
        fiscalYear: record.fiscalYear,
        organization: record.organization,
        measures: record.measures.map((m) => ({
          name: m.name,
          values: m.values.map((v) => [v.year, v.kind, v.value, v.blank]),
          rating: m.fields?.['rating'] ?? null,
          states: m.fields?.['states']?.slice(0, 6) ?? null,
          overall: m.fields?.['overall'] ?? null,
        })),
        actions: (record.items?.['actions'] ?? []).map((a) => [
          a['content']?.slice(0, 12),
          a['goal']?.slice(0, 10),
          a['withdrawal']?.slice(0, 10),
          a['achievement'],
          a['effective'],
          a['improvement']?.slice(0, 10),
        ]),
      }),
    ),
  ) as unknown;
}

describe('policy-review extraction of the Kita ward seed', () => {
  it('recognises every sheet with ward, year and header fields', () => {
    expect(grids).toHaveLength(data.sheets.length);
    for (const grid of grids) {
      const record = extract(grid);
      expect(record.family).toBe('policy-review');
      expect(record.organization).toBe('北区');
      expect(record.fiscalYear).toBe(2015);
      expect(record.fields?.['policy']?.value).toBe(data.policy);
    }
  });

  it('reads one measure per outcome indicator with target, this year and last year', () => {
    data.sheets.forEach((sheet, s) => {
      const record = extract(grids[s]!);
      const rows = sheet.blocks.flatMap((b) => b.rows.map((r) => ({ r, plan: b.plan })));
      expect(record.measures.map((m) => m.name)).toEqual(rows.map(({ r }) => r.indicator));
      record.measures.forEach((m, i) => {
        const { r, plan } = rows[i]!;
        expect(m.values.map((v) => [v.kind, v.raw, v.cell])).toEqual([
          ['target', r.target, `D${9 + i}`],
          ['actual', r.current, `H${9 + i}`],
          ['actual', r.previous, `I${9 + i}`],
        ]);
        expect(m.values[1]!.year).toBe(2015);
        expect(m.values[2]!.year).toBe(2014);
        expect(m.fields?.['rating']).toBe(r.rating);
        expect(m.fields?.['item']).toBe(r.item);
        expect(m.fields?.['states']).toBe(plan?.states ?? '―');
        expect(m.fields?.['direction']).toBe(plan?.direction ?? '―');
        expect(m.cell).toBe(`C${9 + i}`);
      });
    });
  });

  it('reads the exact values a coordinator compares', () => {
    const [one, two] = grids.map(extract);
    const byName = (r: SheetRecord, start: string) => r.measures.find((m) => m.name.startsWith(start))!;
    const community = byName(one!, '校区等地域において');
    expect(community.values.map((v) => [v.year, v.kind, v.value, v.comparator])).toEqual([
      [2017, 'target', 50, '>='],
      [2015, 'actual', 8, null],
      [2014, 'actual', 6.6, null],
    ]);
    expect(community.unit).toBe('%');
    const counter = byName(two!, '過去１年間に');
    expect(counter.values[1]!.value).toBe(75);
    const mystery = byName(two!, '区役所来庁者に対する');
    expect(mystery.values.map((v) => v.value)).toEqual([3.5, 3.1, 3]);
    expect(mystery.fields?.['rating']).toBe('Ｂ');
    expect(mystery.fields?.['overall']).toBe('A');
    expect(mystery.fields?.['progress']).toBe('ａ');
    const qualitative = byName(one!, '平成27年度中に');
    expect(qualitative.values[0]).toMatchObject({ raw: '―', value: null, blank: true });
  });

  it('reads every concrete action into items.actions with its codes', () => {
    data.sheets.forEach((sheet, s) => {
      const actions = extract(grids[s]!).items?.['actions'] ?? [];
      expect(actions).toHaveLength(sheet.actions.length);
      actions.forEach((a, i) => {
        const want = sheet.actions[i]!;
        for (const key of [
          'content',
          'goal',
          'withdrawal',
          'pastResult',
          'result',
          'figures',
          'achievement',
          'effective',
          'issue',
          'improvement',
          'section',
          'item',
        ] as const) {
          expect(a[key], `${sheet.sheetName} action ${i} ${key}`).toBe(want[key]);
        }
      });
    });
  });

  it('extracts the same after rows and columns are inserted, merges undone and digits typed full-width', () => {
    for (const grid of grids) {
      const base = essence(extract(grid));
      expect(essence(extract(insertRows(grid, 0, 3)))).toEqual(base);
      expect(essence(extract(insertRows(insertColumns(grid, 0, 1), 12, 1)))).toEqual(base);
      expect(essence(extract(unmerge(grid, 'repeat')))).toEqual(base);
      expect(essence(extract(mapText(grid, (t) => toFullWidth(t))))).toEqual(base);
    }
  });

  it('keeps measures when merged plan cells are unmerged and left blank below', () => {
    for (const grid of grids) {
      const base = extract(grid).measures.map((m) => [m.name, m.values.map((v) => v.value)]);
      expect(extract(unmerge(grid, 'blank')).measures.map((m) => [m.name, m.values.map((v) => v.value)])).toEqual(base);
    }
  });
});

describe('policy-review detection across the seeds', () => {
  it('gives every seed sheet its own family or none, never another family', async () => {
    const root = join(import.meta.dirname, '../../../../seeds');
    const families = (await readdir(root, { withFileTypes: true })).filter(
      (d) => d.isDirectory() && d.name !== 'build' && d.name !== 'data',
    );
    let checked = 0;
    for (const dir of families) {
      for (const file of (await readdir(join(root, dir.name))).filter((f) => f.endsWith('.xlsx'))) {
        const found = (await readWorkbookFile(join(root, dir.name, file))).grids.map((grid) => [
          grid.sheet,
          extract(grid).family,
        ]);
        for (const [sheet, family] of found)
          expect([dir.name, null], `${dir.name}/${file} › ${sheet}`).toContain(family);
        expect(
          found.some(([, family]) => family === dir.name),
          `${dir.name}/${file}`,
        ).toBe(true);
        checked += found.length;
      }
    }
    expect(checked).toBeGreaterThan(grids.length);
  });
});
