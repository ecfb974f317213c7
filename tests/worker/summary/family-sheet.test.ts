import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Measure, SheetRecord } from '../../../shared/model/record.ts';
import { buildSummary, type FamilyTable, type MeasureRow } from '../../../shared/summary/index.ts';
import { familyPlan, figureWidth, yearColumns } from '../../../worker/summary/family-sheet.ts';
import { linesNeeded, wrappedHeight } from '../../../worker/summary/sheet-plan.ts';
import { writeSummary } from '../../../worker/summary/write-summary.ts';
import { measure, submission, value } from '../../shared/summary/summary-fixtures.ts';

function sheetOf(family: SheetRecord['family'], fiscalYear: number, measures: Measure[]): SheetRecord {
  return { sheet: '実施計画', family, organization: '西区', fiscalYear, measures, findings: [], variant: 'division' };
}

/** The 実施計画 of 西区 for R3: last year's 実績, this year's 目標 and 結果, next year's 目標. */
function actionPlan(r4Target: string): SheetRecord {
  return sheetOf('action-plan', 2021, [
    measure('子育て情報の配信事業（人）', [
      value(2020, 'actual', '累計登録者数3,520人'),
      value(2022, 'target', r4Target),
      value(2021, 'target', '4,360'),
      value(2021, 'result', ''),
    ]),
  ]);
}

function headers(table: FamilyTable): string[] {
  return yearColumns(table).map((c) => c.label);
}

function table(extra: Partial<FamilyTable>): FamilyTable {
  return {
    family: 'action-plan',
    title: '実施計画',
    columns: [],
    targetLabel: 'R3目標',
    resultLabel: 'R3結果',
    targetYear: 2021,
    resultYear: 2021,
    rows: [],
    ...extra,
  };
}

describe('year columns', () => {
  it('read chronologically, a year’s 目標 and 結果 together, on the 実施計画 sheet', () => {
    const model = buildSummary([submission('nishi', [actionPlan('累計登録者数の増加')])], {
      ward: '西区',
      fiscalYear: 2021,
      expectedDivisions: [],
      generatedAt: '2021-05-01T00:00:00Z',
    });
    expect(headers(model.tables[0]!)).toEqual(['R2実績', 'R3目標', 'R3結果', 'R4目標']);
    const plan = familyPlan('実施計画', model.tables[0]!, model, '西区');
    const head = [...plan.rows()].find(([r]) => r === 2)![1].map((c) => c?.value);
    expect(head.slice(head.indexOf('R2実績'), head.indexOf('判定'))).toEqual(['R2実績', 'R3目標', 'R3結果', 'R4目標']);
  });

  it('keep the 組織目標 order: past 実績, then this year’s 目標 and 結果', () => {
    const goals = sheetOf('org-goals', 2020, [
      measure('開催数', [
        value(2017, 'actual', '3'),
        value(2018, 'actual', '3'),
        value(2019, 'actual', '3'),
        value(2020, 'target', '3'),
        value(2020, 'result', '4'),
      ]),
    ]);
    const model = buildSummary([submission('akiha', [goals])], {
      ward: '秋葉区',
      fiscalYear: 2020,
      expectedDivisions: [],
      generatedAt: '2020-05-01T00:00:00Z',
    });
    expect(headers(model.tables[0]!)).toEqual(['H29実績', 'H30実績', 'R1実績', 'R2目標', 'R2結果']);
  });

  it('put 現状値 first, last year’s reported result in its year and an undated judged column last', () => {
    const columns = [
      { key: '2022:target', year: 2022, kind: 'target', label: 'R4目標' },
      { key: 'baseline', year: null, kind: 'baseline', label: '現状値' },
      { key: '2020:actual', year: 2020, kind: 'actual', label: 'R2実績' },
    ].sort((a, b) => (a.kind === 'baseline' ? -1 : b.kind === 'baseline' ? 1 : a.year! - b.year!));
    const previous = {
      figures: {},
      target: null,
      result: null,
      previous: { fiscalYear: 2020, result: null, restated: null, differs: false },
    } as unknown as MeasureRow;
    expect(headers(table({ columns, rows: [previous] }))).toEqual([
      '現状値（年度）',
      'R2実績',
      '前年度の報告値',
      'R3目標',
      'R3結果',
      'R4目標',
    ]);
    expect(
      headers(table({ columns, targetLabel: '目標', targetYear: null, resultLabel: '結果', resultYear: null })),
    ).toEqual(['現状値（年度）', 'R2実績', 'R4目標', '目標', '結果']);
  });

  it('place an interim 達成状況 in its own year, before a later 目標', () => {
    const columns = [
      { key: '2016:target', year: 2016, kind: 'target', label: 'H28目標' },
      { key: '2017:actual', year: 2017, kind: 'actual', label: 'H29実績' },
    ];
    const review = table({
      family: 'policy-review',
      columns,
      targetLabel: 'H29目標',
      resultLabel: 'H27達成状況',
      targetYear: 2017,
      resultYear: 2015,
    });
    expect(headers(review)).toEqual(['H27達成状況', 'H28目標', 'H29実績', 'H29目標']);
  });
});

describe('text as written', () => {
  it('shows a qualitative value whole, wrapped in its cell, with a row tall enough for it', async () => {
    const model = buildSummary([submission('nishi', [actionPlan('累計登録者数の増加')])], {
      ward: '西区',
      fiscalYear: 2021,
      expectedDivisions: [],
      generatedAt: '2021-05-01T00:00:00Z',
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeSummary(model)) as unknown as ArrayBuffer);
    const sheet = book.worksheets.find((s) => s.name.includes('実施計画'))!;
    const head = (sheet.getRow(2).values as unknown[]).map(String);
    const cell = sheet.getRow(3).getCell(head.indexOf('R4目標'));
    expect(cell.value).toBe('累計登録者数の増加');
    expect(cell.alignment?.wrapText).toBe(true);
    const width = sheet.getColumn(head.indexOf('R4目標')).width!;
    expect(sheet.getRow(3).height).toBeGreaterThanOrEqual(wrappedHeight(linesNeeded('累計登録者数の増加', width)));
    // A number stays a number; what its cell says beyond it is in 判定根拠, whole.
    expect(sheet.getRow(3).getCell(head.indexOf('R2実績')).value).toBe(3520);
    expect(String(sheet.getRow(3).getCell(head.indexOf('判定根拠・記載どおりの値')).value)).toContain(
      'R2実績「累計登録者数3,520人」',
    );
  });

  it('keeps a long note whole in 判定根拠 instead of cutting it', () => {
    const long = `約${'とても長い説明の文章'.repeat(6)}1,000人`;
    const sheet = sheetOf('action-plan', 2021, [
      measure('事業', [value(2021, 'target', '1,200'), value(2021, 'result', long)]),
    ]);
    const model = buildSummary([submission('nishi', [sheet])], {
      ward: '西区',
      fiscalYear: 2021,
      expectedDivisions: [],
      generatedAt: '2021-05-01T00:00:00Z',
    });
    const plan = familyPlan('実施計画', model.tables[0]!, model, '西区');
    const [head, row] = [...plan.rows()].filter(([r]) => r >= 2).map(([, cells]) => cells.map((c) => c?.value));
    expect(String(row![head!.indexOf('判定根拠・記載どおりの値')])).toContain(`結果「${long}」`);
  });
});

describe('判定根拠', () => {
  it('quotes what the cells say in the columns’ order under their headers, one quote for columns saying the same', () => {
    const sheet = sheetOf('action-plan', 2021, [
      measure('配信事業', [
        value(2020, 'actual', '累計3,520人'),
        value(2022, 'target', '累計5,000人'),
        value(2021, 'target', '累計4,360人'),
        value(2021, 'result', '累計4,360人'),
      ]),
    ]);
    const model = buildSummary([submission('nishi', [sheet])], {
      ward: '西区',
      fiscalYear: 2021,
      expectedDivisions: [],
      generatedAt: '2021-05-01T00:00:00Z',
    });
    const plan = familyPlan('実施計画', model.tables[0]!, model, '西区');
    const [head, row] = [...plan.rows()].filter(([r]) => r >= 2).map(([, cells]) => cells.map((c) => c?.value));
    expect(String(row![head!.indexOf('判定根拠・記載どおりの値')]).split('\n')[1]).toBe(
      '記載: R2実績「累計3,520人」、R3目標・R3結果「累計4,360人」、R4目標「累計5,000人」',
    );
  });
});

describe('row height estimate', () => {
  it('counts a wide character as one em and a narrow one as half, at width × 7 px per line', () => {
    // 18 units × 7 px = 126 px, less the cell's padding: ≈ 9 ems of 10 pt text (13.3 px), less a little slack.
    expect(linesNeeded('あ'.repeat(8), 18)).toBe(1);
    expect(linesNeeded('あ'.repeat(9), 18)).toBe(2);
    expect(linesNeeded('a'.repeat(17), 18)).toBe(1);
    expect(linesNeeded('あ'.repeat(88), 18)).toBe(10);
    expect(linesNeeded('あ'.repeat(89), 18)).toBe(11);
    expect(linesNeeded('一\n二\n三', 18)).toBe(3);
    // A smaller font holds more on a line.
    expect(linesNeeded('あ'.repeat(10), 18, 8)).toBe(1);
    expect(wrappedHeight(10)).toBeLessThan(10 * 16);
    expect(wrappedHeight(10)).toBeGreaterThanOrEqual(10 * 14.5);
  });
});

describe('what a coordinator copies onto the detail sheets', () => {
  const cells = (records: SheetRecord[], fiscalYear: number) => {
    const model = buildSummary([submission('s', records)], {
      ward: '西区',
      fiscalYear,
      expectedDivisions: [],
      generatedAt: '2021-05-01T00:00:00Z',
    });
    const plan = familyPlan('x', model.tables[0]!, model, '西区');
    const rows = [...plan.rows()].map(([, r]) => r.map((c) => c?.value ?? null));
    const head = rows[1]!;
    return { head, body: rows.slice(2), col: (label: string) => head.indexOf(label) };
  };

  it('puts each 実施計画 project’s 担当課 in the 課 column, and names as written (no unit added)', () => {
    const project = measure('子育て支援講座事業', [value(2021, 'target', '15講座実施'), value(2021, 'result', '16')]);
    project.unit = '講座';
    project.fields = { division: '健康福祉課' };
    const { body, col } = cells([sheetOf('action-plan', 2021, [project])], 2021);
    expect(body[0]![col('課')]).toBe('健康福祉課');
    expect(body[0]![col('事業')]).toBe('1\u3000子育て支援講座事業');
  });

  it('carries the division’s own 評価, its 主な取組 and the year-end comment beside the computed 判定', () => {
    const m = measure(
      '講習会の開催回数（回）',
      [value(2020, 'target', '10'), value(2020, 'result', '11')],
      '防犯力を高める',
    );
    m.fields = { ...m.fields, evaluation: 'A', initiatives: '青色防犯パトロール隊の支援' };
    const sheet: SheetRecord = {
      ...sheetOf('org-goals', 2020, [m]),
      organization: '地域総務課',
      fields: { outcome: { value: '目標を上回った。次年度も継続する。', cell: 'B20' } },
    };
    const { body, col } = cells([sheet], 2020);
    expect(body[0]![col('判定')]).toBe('達成');
    expect(body[0]![col('課の評価')]).toBe('A');
    expect(body[0]![col('No.・目標（主な取組）')]).toBe(
      '1\u3000防犯力を高める\n（主な取組）青色防犯パトロール隊の支援',
    );
    expect(body[0]![col('課の年度末コメント')]).toBe('目標を上回った。次年度も継続する。');
  });
});

describe('主な取組 of an unmerged sheet', () => {
  it('keeps each row’s own 主な取組 under the goal when it differs from the row above, once when it is the same', () => {
    const indicator = (name: string, initiatives: string) => {
      const m = measure(name, [value(2020, 'target', '10'), value(2020, 'result', '11')], '防犯力を高める');
      m.fields = { ...m.fields, initiatives };
      return m;
    };
    const sheet: SheetRecord = {
      ...sheetOf('org-goals', 2020, [
        indicator('講習会の開催回数（回）', '講習会の開催'),
        indicator('パトロール回数（回）', '青色防犯パトロール隊の支援'),
        indicator('パトロール参加者数（人）', '青色防犯パトロール隊の支援'),
      ]),
      organization: '地域総務課',
    };
    const model = buildSummary([submission('s', [sheet])], {
      ward: '西区',
      fiscalYear: 2020,
      expectedDivisions: [],
      generatedAt: '2021-05-01T00:00:00Z',
    });
    const rows = [...familyPlan('x', model.tables[0]!, model, '西区').rows()].map(([, r]) =>
      r.map((c) => c?.value ?? null),
    );
    const column = rows[1]!.indexOf('No.・目標（主な取組）');
    expect(rows.slice(2).map((row) => row[column] ?? null)).toEqual([
      '1\u3000防犯力を高める\n（主な取組）講習会の開催',
      '（主な取組）青色防犯パトロール隊の支援',
      null,
    ]);
  });
});

describe('number column widths', () => {
  it('fit the widest number as shown, with room for 游ゴシック digits, and a text as written wraps in a few words', () => {
    const f = (value: number | null, format: string | null, text = '') => ({
      value,
      format,
      text,
      note: null,
      year: null,
    });
    expect(figureWidth([f(3, null)])).toBe(7);
    // "320,354": 7 characters.
    expect(figureWidth([f(320354, '#,##0'), f(9560, '#,##0')])).toBe(Math.ceil(7 * 1.15 + 2));
    // "4,597,752 (2019)": 16 characters, at the widest.
    expect(figureWidth([f(4597752, '#,##0" (2019)"')])).toBe(18);
    expect(figureWidth([f(null, null, '対象者全てに実態調査')])).toBe(8.5);
    expect(figureWidth([f(1e15, '#,##0')])).toBe(18);
  });
});
