import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSummary, type SubmissionInput, type SummaryModel } from '../../../shared/summary/index.ts';
import { consoleUrl } from '../../../worker/queue/consolidate-processor.ts';
import { writeSummary } from '../../../worker/summary/write-summary.ts';
import { findSoffice, resaveWithLibreOffice } from '../../helpers/libreoffice.ts';
import { divisionSheet, measure, submission, value, wardSheet } from '../../shared/summary/summary-fixtures.ts';
import { hasOpenpyxl, readWithOpenpyxl, type SheetDump } from './read-back.ts';

const HOSTILE = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];

function model(): SummaryModel {
  const hostileMeasures = HOSTILE.map((name, i) =>
    measure(
      name,
      [value(2020, 'target', '10'), value(2020, 'result', String(5 + i))],
      '=cmd|"/c calc"!A1',
      String(i + 1),
    ),
  );
  const subs: SubmissionInput[] = [
    submission('ward', [wardSheet(['まちづくり', '福祉'], '1')]),
    submission(
      'kenko',
      [
        divisionSheet('健康福祉課', [
          measure(
            '認知症カフェ開催回数（回）',
            [value(2019, 'actual', '9'), value(2020, 'target', '10'), value(2020, 'result', '12')],
            '【重点目標2】福祉',
          ),
        ]),
      ],
      { sha256: 'ab'.repeat(32), submittedAt: '2020-05-01T00:30:00Z', link: 'kenko.xlsx' },
    ),
    submission('evil', [divisionSheet('=危険課', hostileMeasures)]),
    submission('broken', [], {
      status: 'unreadable',
      error: { code: 'not-zip', message: 'Excel ブック（.xlsx）ではありません。' },
    }),
  ];
  return buildSummary(subs, {
    ward: '秋葉区',
    fiscalYear: 2020,
    expectedDivisions: ['健康福祉課', '産業振興課'],
    generatedAt: '2020-05-02T01:00:00.000Z',
  });
}

describe('writeSummary', () => {
  let dir: string;
  let path: string;
  let dump: Record<string, SheetDump> | null = null;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mokuhyo-summary-'));
    path = join(dir, 'summary.xlsx');
    await writeFile(path, await writeSummary(model()));
    if (await hasOpenpyxl()) dump = await readWithOpenpyxl(path);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes 概要, one sheet per family, 検証結果 and 提出状況', ({ skip }) => {
    if (!dump) return skip();
    expect(Object.keys(dump)).toEqual(['概要', '組織目標管理シート', '検証結果', '提出状況']);
  });

  it('reads back the judged rows with a second reader', ({ skip }) => {
    if (!dump) return skip();
    const rows = dump['組織目標管理シート']!.rows;
    expect(rows[1]).toEqual([
      '課',
      'No.・目標',
      '指標（単位）',
      'R1実績',
      'R2目標',
      'R2結果',
      '判定',
      '実績/目標',
      '判定根拠・記載どおりの値',
      'ファイル',
      'シート',
      'セル',
    ]);
    const kenko = rows.find((r) => r[0] === '健康福祉課')!;
    expect(kenko).toEqual([
      '健康福祉課',
      '1　【重点目標2】福祉',
      '認知症カフェ開催回数（回）',
      '9',
      '10',
      '12',
      '達成',
      '1.2',
      '結果 12 ≥ 目標 10（以上で達成）',
      'kenko.xlsx',
      '健康福祉課',
      'D11',
    ]);
    const r = rows.indexOf(kenko) + 1;
    expect(dump['組織目標管理シート']!.numbers[`F${r}`]).toEqual([12, '0']);
    expect(dump['組織目標管理シート']!.numbers[`H${r}`]).toEqual([1.2, '0.0%']);
    // A relative link breaks once the summary is mailed: provenance is text.
    expect(dump['組織目標管理シート']!.links).toEqual({});
  });

  it('never turns submitted text into a formula', ({ skip }) => {
    if (!dump) return skip();
    // The only formulas are 概要's own totals and rates, over its cells; every submitted text stays text.
    for (const [name, sheet] of Object.entries(dump)) if (name !== '概要') expect(sheet.formulas, name).toEqual([]);
    for (const f of Object.values(dump['概要']!.formulaText))
      // Totals and rates over references, or the headline: our own closed literals with the 合計 rate as TEXT.
      expect(f.replace(/"[^"]*"/g, '""')).toMatch(
        /^=(SUM|IF)\([A-Z0-9$:(),+\-*/<>=" ]+\)$|^=""&IF\([A-Z]+\d+="","",""&TEXT\([A-Z]+\d+,""\)\)$/,
      );
    const names = dump['組織目標管理シート']!.rows.map((r) => r[2]);
    for (const text of HOSTILE) expect(names.map((n) => n?.replace(/\n/g, '\r'))).toContain(text);
    expect(dump['組織目標管理シート']!.rows.some((r) => r[0] === '=危険課')).toBe(true);
  });

  it('sets frozen headers, filters, Japanese font and A4 landscape with title rows', ({ skip }) => {
    if (!dump) return skip();
    const family = dump['組織目標管理シート']!;
    expect(family).toMatchObject({
      freeze: 'A3',
      orientation: 'landscape',
      paper: 9,
      titles: '$1:$2',
      font: '游ゴシック',
    });
    expect(family.filter).toMatch(/^A2:L\d+$/);
  });

  it('lists missing divisions and unreadable files in 提出状況', ({ skip }) => {
    if (!dump) return skip();
    const rows = dump['提出状況']!.rows;
    expect(rows).toContainEqual(['産業振興課', '未提出', null, null, null, null]);
    const broken = rows.find((r) => r[3] === 'broken.xlsx');
    expect([broken?.[1], broken?.[5]]).toEqual(['読込不可', 'Excel ブック（.xlsx）ではありません。']);
    expect(rows.find((r) => r[0] === '健康福祉課')?.[4]).toBe('ab'.repeat(32));
  });

  it('opens in LibreOffice headless and converts without loss', async ({ skip }) => {
    const soffice = await findSoffice();
    if (!soffice && process.env['CI']) throw new Error('CI: soffice is required');
    if (!soffice || !dump) return skip();
    const resaved = await resaveWithLibreOffice(path, join(dir, 'lo'));
    const again = await readWithOpenpyxl(resaved!);
    expect(Object.keys(again)).toEqual(Object.keys(dump));
    const strip = (rows: (string | null)[][]) =>
      rows
        .map((r) => r.map((c) => (c === null ? '' : c.replace(/\.0$/, ''))))
        .map((r) => r.join('|').replace(/\|+$/, ''))
        .filter(Boolean);
    expect(strip(again['組織目標管理シート']!.rows)).toEqual(strip(dump['組織目標管理シート']!.rows));
    expect(again['組織目標管理シート']!.formulas).toEqual([]);
  }, 180_000);
});

describe('writeSummary in queue mode', () => {
  it("names each row's submission by its full id, linked to the web console when publicUrl is set", async ({
    skip,
  }) => {
    if (!(await hasOpenpyxl())) return skip();
    const id = '3f2c9a1e-5b7d-4c8e-9a0b-1c2d3e4f5a6b';
    const url = consoleUrl('https://mokuhyo.example.lg.jp/', id);
    expect(url).toBe(`https://mokuhyo.example.lg.jp/#/submissions/${id}`);
    expect(consoleUrl(undefined, id)).toBeNull();
    const sheet = divisionSheet('健康福祉課', [
      measure('開催回数', [value(2020, 'target', '10'), value(2020, 'result', '12')]),
    ]);
    const queued = submission(id, [sheet], {
      file: `提出 ${id.slice(0, 8)}（健康福祉課.xlsx）`,
      division: '健康福祉課',
      queued: true,
      url,
    });
    const model = buildSummary([queued], {
      ward: '秋葉区',
      fiscalYear: 2020,
      expectedDivisions: [],
      generatedAt: '2020-05-02T01:00:00.000Z',
    });
    const dir = await mkdtemp(join(tmpdir(), 'mokuhyo-queued-'));
    try {
      await writeFile(join(dir, 's.xlsx'), await writeSummary(model));
      const family = (await readWithOpenpyxl(join(dir, 's.xlsx')))['組織目標管理シート']!;
      const header = family.rows[1]!;
      expect(header.slice(-4)).toEqual(['ファイル', 'シート', 'セル', '提出ID']);
      expect(family.rows[2]!.slice(-4)).toEqual(['提出 3f2c9a1e（健康福祉課.xlsx）', '健康福祉課', 'D11', id]);
      expect(Object.values(family.links)).toEqual([url]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('writeSummary with inputs of other bodies', () => {
  it('lists them on 提出状況 as 対象外 with the reason', async ({ skip }) => {
    if (!(await hasOpenpyxl())) return skip();
    const excluded = [
      {
        file: 'kita.xlsx',
        sheet: null,
        body: '北区',
        fiscalYear: 2015,
        reason: '対象（秋葉区 令和2年度）と異なる団体・年度（北区 平成27年度）です',
      },
      {
        file: 'akiha-2021.xlsx',
        sheet: null,
        body: '秋葉区',
        fiscalYear: 2021,
        reason: '対象年度（令和2年度）と異なる年度（令和3年度）です',
      },
    ];
    const summary = buildSummary([submission('a', [divisionSheet('健康福祉課', [])])], {
      ward: '秋葉区',
      fiscalYear: 2020,
      expectedDivisions: [],
      generatedAt: '2020-05-02T01:00:00.000Z',
      excluded,
    });
    const dir = await mkdtemp(join(tmpdir(), 'mokuhyo-excluded-'));
    try {
      await writeFile(join(dir, 's.xlsx'), await writeSummary(summary));
      const rows = (await readWithOpenpyxl(join(dir, 's.xlsx')))['提出状況']!.rows;
      // Named by its file, with why; the other body's name stays out of this body's workbook.
      expect(rows).toContainEqual([
        null,
        '対象外',
        null,
        'kita.xlsx',
        null,
        '対象の団体（秋葉区）とは別の団体の提出です',
      ]);
      expect(rows).toContainEqual(['秋葉区', '対象外', null, 'akiha-2021.xlsx', null, excluded[1]!.reason]);
      expect(JSON.stringify(rows)).not.toContain('北区');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
