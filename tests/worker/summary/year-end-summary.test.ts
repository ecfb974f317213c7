import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSummary, type SummaryModel } from '../../../shared/summary/index.ts';
import { ingestFile } from '../../../worker/summary/ingest-files.ts';
import { writeSummary } from '../../../worker/summary/write-summary.ts';
import { readZipEntries } from '../../helpers/zip-reader.ts';
import { hasOpenpyxl, readWithOpenpyxl, type SheetDump } from './read-back.ts';
import { EXPECTED, yearEndInbox } from './year-end-inbox.ts';

describe('the summary of a year-end inbox', () => {
  let dir: string;
  let model: SummaryModel;
  let bytes: Buffer;
  let dump: Record<string, SheetDump> | null = null;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mokuhyo-year-end-'));
    const files = await yearEndInbox(join(dir, 'inbox'));
    const submissions = await Promise.all(files.map((file) => ingestFile(file)));
    model = buildSummary(submissions, {
      ward: '秋葉区',
      fiscalYear: 2020,
      expectedDivisions: EXPECTED,
      generatedAt: '2021-04-10T01:00:00.000Z',
    });
    bytes = await writeSummary(model);
    await writeFile(join(dir, 'summary.xlsx'), bytes);
    if (await hasOpenpyxl()) dump = await readWithOpenpyxl(join(dir, 'summary.xlsx'));
  }, 60_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('counts 達成 and 未達成 per division and in total as a coordinator would', () => {
    const row = (d: string) => model.overview.find((r) => r.division === d)!;
    expect([row('地域総務課').counts.achieved, row('地域総務課').counts['not-achieved']]).toEqual([5, 2]);
    expect([row('健康福祉課').counts.achieved, row('健康福祉課').counts['not-achieved']]).toEqual([4, 2]);
    expect(model.total.counts.achieved).toBe(9);
    expect(model.total.counts['not-achieved']).toBe(4);
    expect(model.total.achievementRate).toBe(69.2);
  });

  it('keeps every division on the overview: 受理, 差戻し, 読込不可, 未提出', () => {
    const states = Object.fromEntries(model.overview.map((r) => [r.division, r.state]));
    expect(states).toMatchObject({
      地域総務課: 'accepted',
      健康福祉課: 'accepted',
      産業振興課: 'rejected',
      区民生活課: 'unreadable',
      建設課: 'missing',
    });
    expect(model.overview.find((r) => r.file?.endsWith('添付ファイル.xlsx'))?.state).toBe('unreadable');
    expect(model.overview.some((r) => r.division === '秋葉区')).toBe(false);
    // The sent-back division's findings are in 検証結果; the older version is listed as superseded.
    expect(model.findings.some((f) => f.division === '産業振興課' && f.finding.severity === 'error')).toBe(true);
    expect(model.statuses.find((s) => s.file?.endsWith('地域総務課_R2_当初.xlsx'))?.state).toBe('superseded');
    expect(model.statuses.find((s) => s.division === '区民生活課')?.state).toBe('unreadable');
  });

  it('writes the overview with numbers, a 合計 row and the status of every division', ({ skip }) => {
    if (!dump) return skip();
    const sheet = dump['概要']!;
    const rows = sheet.rows;
    const header = rows.findIndex((r) => r[0] === '課');
    expect(rows[header]!.slice(0, 11)).toEqual([
      '課',
      '状態',
      '様式',
      '指標数',
      '達成',
      '未達成',
      '要確認',
      '未評価',
      '定性',
      '目標なし',
      '指標の\n達成割合',
    ]);
    const at = (division: string) => rows.findIndex((r) => r[0] === division) + 1;
    expect(sheet.numbers[`E${at('健康福祉課')}`]).toEqual([4, 'General']);
    expect(sheet.numbers[`F${at('健康福祉課')}`]).toEqual([2, 'General']);
    // Rates and totals are formulas over the cells above, with their results stored for readers that do not calculate.
    expect(sheet.formulaText[`K${at('健康福祉課')}`]).toBe(
      `=IF(E${at('健康福祉課')}+F${at('健康福祉課')}=0,"",E${at('健康福祉課')}/(E${at('健康福祉課')}+F${at('健康福祉課')}))`,
    );
    expect(sheet.cached[`K${at('健康福祉課')}`]).toBeCloseTo(4 / 6, 10);
    expect(rows[at('健康福祉課') - 1]!.slice(1, 3)).toEqual(['受理', '組織目標']);
    expect(rows[at('産業振興課') - 1]![1]).toBe('差戻し');
    expect(rows[at('区民生活課') - 1]![1]).toBe('読込不可');
    expect(rows[at('建設課') - 1]![1]).toBe('未提出');
    const total = at('合計');
    expect(sheet.formulaText[`E${total}`]).toBe(`=SUM(E${at('地域総務課')}:E${total - 1})`);
    expect(sheet.cached[`E${total}`]).toBe(9);
    expect(sheet.cached[`F${total}`]).toBe(4);
    expect(sheet.cached[`K${total}`]).toBeCloseTo(9 / 13, 10);
  });

  it("carries a chart a second reader parses, drawn from the overview's cells", ({ skip }) => {
    if (!dump) return skip();
    expect(dump['概要']!.charts).toEqual([
      {
        type: 'BarChart',
        grouping: 'stacked',
        // 達成, 未達成, 要確認, 未評価, 定性 and 目標なし: a division's bar is as tall as its indicators;
        // only the two divisions with figures (地域総務課, 健康福祉課), not the 差戻し, 読込不可 and 未提出 rows.
        series: [
          "'概要'!$E$5:$E$6",
          "'概要'!$F$5:$F$6",
          "'概要'!$G$5:$G$6",
          "'概要'!$H$5:$H$6",
          "'概要'!$I$5:$I$6",
          "'概要'!$J$5:$J$6",
        ],
      },
    ]);
    for (const [name, sheet] of Object.entries(dump)) if (name !== '概要') expect(sheet.charts, name).toEqual([]);
  });

  it('carries a native chart of the overview in its own parts', async () => {
    const entries = new Map((await readZipEntries(bytes)).map((e) => [e.name, e.content.toString('utf8')]));
    expect(entries.get('xl/charts/chart1.xml')).toMatch(
      /<c:barChart>.*<c:grouping val="stacked"\/>.*'概要'!\$E\$5:\$E\$\d+/s,
    );
    // Each segment's value printed on it, zeros hidden, so the printed page needs no axis reading.
    expect(entries.get('xl/charts/chart1.xml')).toContain('<c:dLbls><c:numFmt formatCode="0;;;" sourceLinked="0"/>');
    expect(entries.get('xl/drawings/drawing1.xml')).toContain('r:id="rId1"');
    expect(entries.get('xl/drawings/_rels/drawing1.xml.rels')).toContain('../charts/chart1.xml');
    expect(entries.get('xl/worksheets/_rels/sheet1.xml.rels')).toContain('../drawings/drawing1.xml');
    expect(entries.get('xl/worksheets/sheet1.xml')).toMatch(/<drawing r:id="rId\d+"\/><\/worksheet>$/);
    expect(entries.get('[Content_Types].xml')).toContain('/xl/charts/chart1.xml');
  });

  it('stores figures as numbers in the format staff wrote them, with year headers', ({ skip }) => {
    if (!dump) return skip();
    const sheet = dump['組織目標管理シート']!;
    const header = sheet.rows[1]!;
    expect(header).toEqual(
      expect.arrayContaining(['H29実績', 'H30実績', 'R1実績', 'R2目標', 'R2結果', 'ファイル', 'シート', 'セル']),
    );
    const col = (label: string) => String.fromCharCode(65 + header.indexOf(label));
    const row = sheet.rows.findIndex((r) => r.some((c) => c?.startsWith('庁舎における電気使用量'))) + 1;
    expect(sheet.numbers[`${col('H29実績')}${row}`]).toEqual([320354, '#,##0']);
    expect(sheet.numbers[`${col('R2結果')}${row}`]).toEqual([309876, '#,##0']);
    const frail = sheet.rows.findIndex((r) => r.some((c) => c?.startsWith('フレイル予防'))) + 1;
    expect(sheet.numbers[`${col('R2目標')}${frail}`]).toEqual([1700, '#,##0']);
    expect(sheet.rows[row - 1]![header.indexOf('セル')]).toBe('D17');
    expect(Object.keys(sheet.links)).toEqual([]);
    // The goal text is written once per goal, not on every indicator.
    const goals = sheet.rows
      .slice(2)
      .map((r) => r[1])
      .filter(Boolean);
    expect(new Set(goals).size).toBe(goals.length);
  });

  it('prints on A4 at ≥ 8 pt with the title and page numbers on every sheet', ({ skip }) => {
    if (!dump) return skip();
    for (const [name, sheet] of Object.entries(dump)) {
      expect(sheet.paper, name).toBe(9);
      expect(sheet.fitToPage, name).not.toBe(true);
      expect((sheet.scale! / 100) * sheet.minFont!, name).toBeGreaterThanOrEqual(8);
      expect(sheet.footer, name).toBe('&P / &N');
      expect(sheet.header, name).toBe('秋葉区 2020年度（令和2年度） 目標シート集計');
    }
  });
});

describe("the summary with last year's submissions in the input", () => {
  it("shows last year's 達成率 and result beside this year's, flagging a rewritten figure", async ({ skip }) => {
    if (!(await hasOpenpyxl())) return skip();
    const dir = await mkdtemp(join(tmpdir(), 'mokuhyo-yoy-'));
    try {
      const files = await yearEndInbox(join(dir, 'inbox'));
      const submissions = await Promise.all(files.map((file) => ingestFile(file)));
      const kenko = submissions.find((s) => s.file.endsWith('健康福祉課_R2_評価.xlsx'))!;
      // Last year's sheet as it was submitted: R1 results, 認知症カフェ reported as 8 (this year's sheet says 9).
      const lastYear = structuredClone(kenko);
      lastYear.id = 'r1';
      for (const sheet of lastYear.sheets) {
        sheet.fiscalYear = 2019;
        for (const m of sheet.measures) {
          const r1 = m.values.find((v) => v.kind === 'actual' && v.year === 2019)!;
          const result = m.name.startsWith('認知症') ? { ...r1, raw: '8', value: 8 } : r1;
          m.values = [
            { ...r1, kind: 'target' },
            { ...result, kind: 'result' },
          ];
        }
      }
      const model = buildSummary(submissions, {
        ward: '秋葉区',
        fiscalYear: 2020,
        expectedDivisions: EXPECTED,
        generatedAt: '2021-04-10T01:00:00.000Z',
        previous: [lastYear],
      });
      await writeFile(join(dir, 's.xlsx'), await writeSummary(model));
      const dump = await readWithOpenpyxl(join(dir, 's.xlsx'));
      const overview = dump['概要']!;
      const header = overview.rows.find((r) => r[0] === '課')!;
      // Whose year it is: the header names last year (R1 for a 2020 summary).
      expect(header).toContain('前年度の\n達成割合\n（R1）');
      const kenkoRow = overview.rows.findIndex((r) => r[0] === '健康福祉課') + 1;
      const column = String.fromCharCode(65 + header.indexOf('前年度の\n達成割合\n（R1）'));
      // Last year 認知症カフェ 8 < 9 missed its target; the other five met theirs.
      expect(overview.numbers[`${column}${kenkoRow}`]).toEqual([0.833, '0.0%']);
      const family = dump['組織目標管理シート']!;
      const cafe = family.rows.find((r) => r[2]?.startsWith('認知症カフェ'))!;
      expect(cafe[family.rows[1]!.indexOf('前年度の報告値')]).toBe('8');
      expect(cafe.find((c) => c?.includes('要確認'))).toContain(
        '前年度の報告値 8 と今年度シートの前年度実績 9 が異なります',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
