import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAMILIES } from '../../shared/families/index.ts';
import type { SheetRecord } from '../../shared/model/record.ts';
import { buildTemplates } from '../../templates/build-templates.ts';
import { templateEntries } from '../../templates/registry.ts';
import { generateTemplate } from '../../templates/generate-template.ts';
import { extractFile } from '../../worker/ingest/extract-file.ts';
import { fillTemplate } from '../helpers/fill-template.ts';
import { findSoffice } from '../helpers/libreoffice.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'mokuhyo-tpl-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const entries = templateEntries();

async function sheetOf(path: string): Promise<SheetRecord> {
  const { record } = await extractFile(path);
  expect(record.error).toBeNull();
  return record.sheets[0]!;
}

function essence(sheet: SheetRecord) {
  return {
    family: sheet.family,
    variant: sheet.variant,
    organization: sheet.organization,
    fiscalYear: sheet.fiscalYear,
    fields: Object.fromEntries(
      Object.entries(sheet.fields ?? {})
        .filter(([, f]) => f.value !== '')
        .map(([k, f]) => [k, f.value]),
    ),
    measures: sheet.measures.map((m) => ({
      group: m.group,
      name: m.name,
      unit: m.unit,
      fields: Object.fromEntries(Object.entries(m.fields ?? {}).filter(([, v]) => v)),
      values: m.values.map((v) => [v.year, v.kind, v.raw, v.value, v.blank]),
    })),
    items: Object.fromEntries(
      Object.entries(sheet.items ?? {})
        .filter(([k]) => k !== 'groups')
        .map(([k, list]) => [k, list.map((i) => [i['no'], i['text']])]),
    ),
  };
}

describe('templates', () => {
  it('has a blank form for every family, and for both org-goals sheets', () => {
    expect(new Set(entries.map((e) => e.family.id))).toEqual(new Set(FAMILIES.map((f) => f.id)));
    expect(
      entries
        .filter((e) => e.family.id === 'org-goals')
        .map((e) => e.variant.id)
        .sort(),
    ).toEqual(['division', 'ward']);
  });

  for (const { family, variant, build } of entries) {
    it(`writes a blank ${family.id}/${variant.id} form that is recognised by its tag and its labels`, async () => {
      const path = join(tmp, `${family.id}-${variant.id}.xlsx`);
      await writeFile(path, await build(2026));
      const { record } = await extractFile(path);
      expect(record.error).toBeNull();
      const sheets = record.sheets.filter((s) => s.family);
      expect(sheets.length).toBeGreaterThan(0);
      for (const sheet of sheets) {
        expect(sheet).toMatchObject({
          family: family.id,
          variant: variant.id,
          templateVersion: family.templateVersion,
        });
        expect(sheet.measures).toEqual([]);
      }
      if (variant.template) expect(sheets[0]!.fiscalYear).toBe(2026);
    });
  }

  it('round-trips a division sheet: generate → fill with seed data → extract gives the same data', async () => {
    const seed = await sheetOf('seeds/org-goals/akiha-2020-kenko-fukushi.xlsx');
    const family = FAMILIES.find((f) => f.id === 'org-goals')!;
    const { bytes, map } = await generateTemplate(
      family,
      family.variants.find((v) => v.id === 'division')!,
      { fiscalYear: 2020 },
    );
    const path = join(tmp, 'filled-division.xlsx');
    await writeFile(path, await fillTemplate(bytes, map, seed));
    const filled = await sheetOf(path);
    const expected = essence(seed);
    for (const m of expected.measures)
      m.values = m.values.map(([year, kind, , value, blank]) => [year, kind, expect.anything(), value, blank]);
    expect(essence(filled)).toEqual({ ...expected, fields: { ...expected.fields, fiscalYear: '令和2年度' } });
    expect(filled.measures.map((m) => m.values.map((v) => v.header))[0]).toEqual([
      'H29実績',
      'H30実績',
      'R1実績',
      'R2目標',
      'R2結果',
    ]);
  });

  it('round-trips the ward sheet', async () => {
    const seed = await sheetOf('seeds/org-goals/akiha-2020-ward.xlsx');
    const family = FAMILIES.find((f) => f.id === 'org-goals')!;
    const { bytes, map } = await generateTemplate(
      family,
      family.variants.find((v) => v.id === 'ward')!,
      { fiscalYear: 2020 },
    );
    const path = join(tmp, 'filled-ward.xlsx');
    await writeFile(path, await fillTemplate(bytes, map, seed));
    const filled = await sheetOf(path);
    expect(filled.items?.['priorities']?.map((p) => p['text'])).toEqual(
      seed.items?.['priorities']?.map((p) => p['text']),
    );
    expect(filled).toMatchObject({ organization: seed.organization, fiscalYear: 2020 });
    expect(filled.fields?.['goalCount']?.value).toBe(seed.fields?.['goalCount']?.value);
  });

  it('keeps the committed templates in step with the specs (npm run templates regenerates them byte for byte)', async () => {
    const fresh = await buildTemplates(join(tmp, 'fresh'));
    for (const path of fresh) {
      const name = path.split('/').pop()!;
      expect(
        (await readFile(path)).equals(await readFile(join('templates', name))),
        `${name} is stale: run npm run templates`,
      ).toBe(true);
    }
  });

  it('opens every template in LibreOffice without complaint', async () => {
    const soffice = await findSoffice();
    if (!soffice) {
      if (process.env['CI']) throw new Error('soffice is required in CI');
      return;
    }
    const paths = (await buildTemplates(join(tmp, 'lo'))).filter(Boolean);
    const run = promisify(execFile);
    const { stderr } = await run(
      soffice,
      [
        `-env:UserInstallation=file://${tmp}/lo-profile`,
        '--headless',
        '--convert-to',
        'csv',
        '--outdir',
        join(tmp, 'lo-out'),
        ...paths,
      ],
      { timeout: 180_000 },
    );
    expect(
      stderr
        .split('\n')
        .filter((line) => !/javaldx|^\s*$/.test(line))
        .join('\n'),
    ).not.toMatch(/error|warning/i);
    for (const path of paths) {
      const csv = await readFile(
        join(
          tmp,
          'lo-out',
          path
            .split('/')
            .pop()!
            .replace(/\.xlsx$/, '.csv'),
        ),
        'utf8',
      );
      expect(csv.length).toBeGreaterThan(10);
    }
  }, 300_000);
});
