import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildActionPlan, layoutActionPlan } from '../../../../seed-src/build/action-plan.ts';
import { loadActionPlanData, type ActionPlanSeed } from '../../../../seed-src/build/action-plan-data.ts';
import { extractSheet, type SheetExtraction } from '../../../../shared/extract/index.ts';
import { FAMILIES } from '../../../../shared/families/index.ts';
import { readWorkbook, readWorkbookFile } from '../../../../worker/xlsx/index.ts';
import { expectedRows, rowOf, SEED_FILE } from './action-plan-fixture.ts';

let seed: ActionPlanSeed;
let sheets: SheetExtraction[];
beforeAll(async () => {
  seed = await loadActionPlanData();
  const { grids } = await readWorkbookFile(SEED_FILE);
  sheets = grids.map((g) => extractSheet(g, FAMILIES));
});

const pillarSheets = () => sheets.filter((s) => s.record.family === 'action-plan');
const measures = () => pillarSheets().flatMap((s) => s.record.measures.map((m) => ({ sheet: s.record.sheet, m })));

describe('action-plan seed transcription', () => {
  it('holds every project of seed 001: 5 pillars, 85 projects, 105 事業内容 rows', () => {
    const projects = seed.pillars.flatMap((p) =>
      p.policies.flatMap((po) => po.measures.flatMap((m) => m.blocks.flatMap((b) => b.projects))),
    );
    expect(seed.pillars.map((p) => p.no)).toEqual(['Ⅰ', 'Ⅱ', 'Ⅲ', 'Ⅳ', 'Ⅴ']);
    expect(projects).toHaveLength(85);
    expect(projects.flatMap((p) => p.rows)).toHaveLength(105);
  });
});

describe('action-plan seed workbook extraction', () => {
  it('recognises the five pillar sheets and leaves the cover sheet alone', () => {
    expect(sheets.map((s) => [s.record.sheet, s.record.family])).toEqual([
      ['表紙', null],
      ...seed.pillars.map((p) => [p.sheetName, 'action-plan']),
    ]);
  });

  it('reads the ward, plan title, period and first plan year from each sheet', () => {
    for (const s of pillarSheets()) {
      expect(s.record.organization).toBe('西区');
      expect(s.record.fiscalYear).toBe(2021);
      expect(s.record.fields?.['title']?.value).toBe(seed.title);
      expect(s.record.fields?.['period']).toEqual({ value: '令和3年度～令和4年度', cell: 'B2' });
    }
  });

  it('yields one measure per 事業内容 row with its texts, headings and all three year values', () => {
    expect(measures().map(({ sheet, m }) => rowOf(sheet, m))).toEqual(expectedRows(seed));
  });

  it('gives every value its year, kind and cell', () => {
    for (const { m } of measures()) {
      expect(m.values.map((v) => [v.year, v.kind, v.header])).toEqual([
        [2020, 'actual', 'R2実績'],
        [2021, 'target', 'R3'],
        [2022, 'target', 'R4'],
      ]);
      for (const v of m.values) expect(v.cell).toMatch(/^[EFG]\d+$/);
      expect(m.cell).toMatch(/^B\d+$/);
    }
  });

  it('places the first project of pillar Ⅰ where the layout puts it', () => {
    const first = pillarSheets()[0]!.record.measures[0]!;
    expect(first).toMatchObject({
      group: '1',
      name: '子育て支援事業',
      detail: 'BPプログラム、NPプログラム、CSPオンライン講座の実施',
      cell: 'B12',
      unit: '講座',
    });
    expect(first.values.map((v) => [v.cell, v.raw, v.value])).toEqual([
      ['E12', '16講座実施', 16],
      ['F12', '20講座実施', 20],
      ['G12', '20講座実施', 20],
    ]);
    expect(first.cells?.['division']).toBe('H12');
  });

  it('spot-checks values against the transcription', () => {
    const find = (name: string, detail?: string) =>
      measures().find(({ m }) => m.name === name && (detail === undefined || m.detail?.startsWith(detail)))!.m;
    const byName = (name: string) =>
      measures()
        .filter(({ m }) => m.name === name)
        .map(({ m }) => m);
    expect(find('母子保健事業').values.map((v) => [v.value, v.unit, v.comparator])).toEqual([
      [87.9, '%', null],
      [96, '%', '>='],
      [96, '%', '>='],
    ]);
    expect(find('西区図書館整備事業').values.map((v) => v.value)).toEqual([4994, 5100, 5200]);
    expect(find('子どもの読書環境の整備事業').values.map((v) => v.value)).toEqual([177998, 185000, 185500]);
    expect(find('ごみ分別推進事業').values.map((v) => [v.value, v.comparator])).toEqual([
      [435, null],
      [435, '<='],
      [435, '<='],
    ]);
    expect(
      find('農商工連携事業', '「くろさき茶豆」「いもジェンヌ」公式').values.map((v) => [v.raw, v.blank, v.value]),
    ).toEqual([
      ['-', true, null],
      ['ホームページアクセス数3,000', false, 3000],
      ['ホームページアクセス数3,300', false, 3300],
    ]);
    const walking = byName('西区NEWスタイルウォーキング');
    expect(walking.map((m) => m.fields?.['division'])).toEqual(['健康福祉課', '建設課', '地域課']);
    expect(walking.map((m) => m.values[0]!.blank)).toEqual([true, true, true]);
    expect(walking[1]!.values[2]).toMatchObject({ raw: '(R3で事業終了)', blank: true });
    expect(new Set(walking.map((m) => m.detail)).size).toBe(1);
    const library = byName('図書館サービス向上事業');
    expect(library.map((m) => m.values[2]!.value)).toEqual([14500, 85]);
    expect(find('子どもエコ教室').values.map((v) => v.value)).toEqual([null, 90, 90]);
  });

  it('links the (再) row to the project it re-lists', () => {
    const relisted = measures()
      .filter(({ m }) => m.fields?.['relist'] === 'true')
      .map(({ m }) => m);
    expect(relisted).toHaveLength(1);
    expect(relisted[0]).toMatchObject({
      group: '(再)',
      name: '地域コミュニティ協議会啓発事業',
      detail: '区政懇談会の開催',
    });
    expect(relisted[0]!.fields).toMatchObject({ relistOf: '3', measure: '(4)みんなをつなぐ広報・広聴の充実' });
    const original = measures().find(
      ({ sheet, m }) => sheet === seed.pillars[4]!.sheetName && m.cell === relisted[0]!.fields?.['relistCell'],
    )!.m;
    expect(original.fields?.['measure']).toBe('(2)地域コミュニティ協議会との協働');
  });

  it('lists each project once in record.items.groups', () => {
    const groups = pillarSheets().flatMap((s) => s.record.items?.['groups'] ?? []);
    expect(groups).toHaveLength(85);
    expect(groups[3]).toMatchObject({ group: '4', indicators: '2' });
  });
});

describe('detection across every seed workbook', () => {
  const seedsDir = fileURLToPath(new URL('../../../../seeds/', import.meta.url));

  it("never lets one family claim another family's sheet", async () => {
    const folders = (await readdir(seedsDir, { withFileTypes: true })).filter(
      (d) => d.isDirectory() && FAMILIES.some((f) => f.id === d.name),
    );
    expect(folders.map((d) => d.name)).toContain('action-plan');
    for (const folder of folders) {
      for (const file of (await readdir(join(seedsDir, folder.name))).filter((f) => f.endsWith('.xlsx'))) {
        const { grids } = await readWorkbookFile(join(seedsDir, folder.name, file));
        const families = grids.map((g) => extractSheet(g, FAMILIES).record.family);
        for (const family of families) expect([folder.name, null], `${folder.name}/${file}`).toContain(family);
        expect(families, `${folder.name}/${file}`).toContain(folder.name);
      }
    }
  });
});

describe('action-plan builder', () => {
  it('rebuilds the committed seed workbook byte for byte', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mokuhyo-action-plan-seed-'));
    try {
      const [path] = await buildActionPlan(dir, seed);
      expect(await readFile(path!)).toEqual(await readFile(SEED_FILE));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('lays out a blank form that is recognised and has no projects', async () => {
    const wb = new ExcelJS.Workbook();
    layoutActionPlan(wb.addWorksheet('実施計画'), null);
    const { grids } = await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()));
    const { record } = extractSheet(grids[0]!, FAMILIES);
    expect(record).toMatchObject({ family: 'action-plan', fiscalYear: 2023, measures: [] });
  });
});
