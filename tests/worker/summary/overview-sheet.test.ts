import { describe, expect, it } from 'vitest';
import { buildSummary } from '../../../shared/summary/index.ts';
import { overviewPlan } from '../../../worker/summary/overview-sheet.ts';
import type { CellValue } from '../../../worker/xlsx/xlsx-book.ts';
import { divisionSheet, measure, submission, value } from '../../shared/summary/summary-fixtures.ts';

/** What a cell shows: a formula's stored result, else the value. */
function shown(v: CellValue | null | undefined): unknown {
  return v !== null && typeof v === 'object' && 'formula' in v ? v.result : v;
}

describe('概要 備考', () => {
  it('gives the ledger’s reason word for word, as the console and 提出状況 do', () => {
    const broken = submission('建設課', [], {
      status: 'unreadable',
      error: { code: 'corrupt', message: 'ファイルが途中で切れています。もう一度保存して提出してください。' },
    });
    const short = submission('区民生活課', [], {
      status: 'unreadable',
      error: { code: 'legacy-xls', message: '古い Excel 形式（.xls）のファイルです。' },
    });
    const model = buildSummary([broken, short], {
      ward: '秋葉区',
      fiscalYear: 2020,
      expectedDivisions: ['建設課', '区民生活課'],
      generatedAt: '2021-04-10T01:00:00Z',
    });
    const notes = [...overviewPlan('概要', model, '秋葉区').rows()].map(([, cells]) => cells.at(-1)?.value).map(String);
    // The ledger's reason word for word, then the file that could not be read.
    expect(notes).toContain(
      'ファイルが途中で切れています。もう一度保存して提出してください。\n（ファイル: 建設課.xlsx）',
    );
    expect(notes).toContain('古い Excel 形式（.xls）のファイルです。\n（ファイル: 区民生活課.xlsx）');
    for (const row of model.ledger.divisions) expect(notes.some((n) => n.startsWith(row.reason!))).toBe(true);
  });
});

describe('概要 合計', () => {
  it('counts the divisions whose figures are summed, and names the forms of the version that counts', () => {
    const older = submission(
      '建設課-1',
      [divisionSheet('建設課', [measure('道路補修', [value(2020, 'target', '10件'), value(2020, 'result', '12件')])])],
      {
        division: '建設課',
        submittedAt: '2021-03-01T00:00:00Z',
      },
    );
    const broken = submission('建設課-2', [], {
      division: '建設課',
      submittedAt: '2021-03-05T00:00:00Z',
      status: 'unreadable',
      error: { code: 'corrupt', message: 'ファイルが途中で切れています。' },
    });
    const model = buildSummary([older, broken], {
      ward: '秋葉区',
      fiscalYear: 2020,
      expectedDivisions: ['建設課', '区民生活課'],
      generatedAt: '2021-04-10T01:00:00Z',
    });
    expect(model.ledger.counts.受理).toBe(0);
    const rows = new Map(
      [...overviewPlan('概要', model, '秋葉区').rows()].map(([, cells]) => [String(cells[0]?.value), cells]),
    );
    const kensetsu = rows.get('建設課')!.map((c) => shown(c?.value));
    expect(kensetsu.slice(1, 4)).toEqual(['読込不可', '組織目標', 1]);
    // The headline counts the one division whose (older, 受理) figures are summed — not 「受理 0 課」.
    expect(rows.get('合計')![1]!.value).toBe('集計 1 課');
    expect(shown(rows.get('合計')![3]!.value)).toBe(1);
  });
});

describe('概要 chart', () => {
  const options = { ward: '秋葉区', fiscalYear: 2020, expectedDivisions: [], generatedAt: '2021-04-10T01:00:00Z' };

  it('draws no chart when no counted division has an indicator (a 方針書 alone)', () => {
    const statement = { ...divisionSheet('増田地域局', []), family: 'policy-statement' as const, variant: 'statement' };
    statement.items = {
      priorities: [{ no: '1', outcome: '地域づくり活動の推進', actions: null, title: null, text: null }],
    };
    const model = buildSummary([submission('masuda', [statement])], options);
    expect(overviewPlan('概要', model, '増田地域局').chart).toBeUndefined();
  });

  it('draws the chart once a counted division has indicators', () => {
    const sheet = divisionSheet('健康福祉課', [
      measure('開催回数', [value(2020, 'target', '10'), value(2020, 'result', '9')]),
    ]);
    const model = buildSummary([submission('kenko', [sheet])], options);
    expect(overviewPlan('概要', model, '秋葉区').chart?.series.map((s) => s.name.values[0])).toEqual([
      '達成',
      '未達成',
      '要確認',
      '未評価',
      '定性',
      '目標なし',
    ]);
  });
});

describe('概要 formulas', () => {
  it('writes totals and rates as formulas over the rows above, with the computed values as their results', () => {
    const kenko = divisionSheet('健康福祉課', [
      measure('開催回数', [value(2020, 'target', '10'), value(2020, 'result', '12')]),
      measure('参加者数', [value(2020, 'target', '100'), value(2020, 'result', '90')]),
      measure('相談件数', [value(2020, 'target', '50'), value(2020, 'result', '50')]),
    ]);
    const chiiki = divisionSheet('地域総務課', [measure('懇談会', [value(2020, 'target', '5')])]);
    const model = buildSummary([submission('kenko', [kenko]), submission('chiiki', [chiiki])], {
      ward: '秋葉区',
      fiscalYear: 2020,
      expectedDivisions: ['健康福祉課', '地域総務課', '建設課'],
      generatedAt: '2021-04-10T01:00:00Z',
    });
    const rows = new Map([...overviewPlan('概要', model, '秋葉区').rows()].map(([r, cells]) => [r, cells]));
    // Row 5 健康福祉課, 6 地域総務課, 7 建設課 (未提出: no figures, no formula), 8 合計.
    expect(rows.get(5)![3]!.value).toEqual({ formula: 'SUM(E5:J5)', result: 3 });
    expect(rows.get(5)![10]!.value).toEqual({ formula: 'IF(E5+F5=0,"",E5/(E5+F5))', result: 2 / 3 });
    expect(rows.get(6)![10]!.value).toEqual({ formula: 'IF(E6+F6=0,"",E6/(E6+F6))', result: '' });
    expect(
      rows
        .get(7)!
        .slice(3, 11)
        .every((c) => !c || c.value === null),
    ).toBe(true);
    const total = rows.get(8)!;
    expect(total[0]!.value).toBe('合計');
    expect(total[3]!.value).toEqual({ formula: 'SUM(D5:D7)', result: 4 });
    expect(total[4]!.value).toEqual({ formula: 'SUM(E5:E7)', result: 2 });
    expect(total[10]!.value).toEqual({ formula: 'IF(E8+F8=0,"",E8/(E8+F8))', result: 2 / 3 });
    // The result is the rate the model computed (66.7 %).
    expect(Math.round((total[10]!.value as { result: number }).result * 1000) / 10).toBe(model.total.achievementRate);
  });
});

describe('概要 files that could not be read', () => {
  it('names the unreadable file on its row (never its folders), and the headline says where unattributed files are', () => {
    const broken = submission('/home/coordinator/inbox/建設課.xlsx', [], {
      file: '/home/coordinator/inbox/建設課.xlsx',
      division: '建設課',
      status: 'unreadable',
      error: { code: 'corrupt', message: 'ファイルが途中で切れています。' },
    });
    const stray = submission('/home/coordinator/inbox/メモ.csv', [], {
      file: '/home/coordinator/inbox/メモ.csv',
      status: 'unreadable',
      error: { code: 'not-xlsx', message: 'Excel のブック（.xlsx）ではありません。' },
    });
    const model = buildSummary([broken, stray], {
      ward: '秋葉区',
      fiscalYear: 2020,
      expectedDivisions: ['建設課'],
      generatedAt: '2021-04-10T01:00:00Z',
    });
    const rows = [...overviewPlan('概要', model, '秋葉区').rows()];
    const row = rows.find(([, cells]) => cells[0]?.value === '建設課')![1];
    expect(String(row.at(-1)?.value)).toContain('（ファイル: 建設課.xlsx）');
    const everything = rows.flatMap(([, cells]) => cells.map((c) => String(c?.value ?? ''))).join('\n');
    expect(everything).not.toContain('/home/coordinator');
    // The headline counts the expected divisions (読込不可 1) and says where the file no division claims is.
    const facts = rows
      .filter(([r]) => r === 2 || r === 3)
      .map(([, cells]) => String(cells[0]!.value))
      .join('\n');
    expect(facts).toContain('読込不可 1');
    expect(facts).toContain('このほか課の分からないファイル 1 件（読込不可 1、表の「（課名不明）」の行）');
    expect(rows.some(([, cells]) => cells[0]?.value === '（課名不明）')).toBe(true);
  });
});

describe('概要 chart of the divisions with figures', () => {
  it('leaves 未提出 and 読込不可 rows out (no empty slot that reads as zero) and draws 定性 too', () => {
    const kenko = divisionSheet('健康福祉課', [
      measure('開催回数', [value(2020, 'target', '10'), value(2020, 'result', '12')]),
    ]);
    const chiiki = divisionSheet('地域総務課', [
      measure('懇談会', [value(2020, 'target', '5'), value(2020, 'result', '6')]),
      measure('講座', [value(2020, 'target', '講座の充実')]),
    ]);
    const broken = submission('区民生活課', [], {
      status: 'unreadable',
      error: { code: 'corrupt', message: 'ファイルが途中で切れています。' },
    });
    const model = buildSummary([submission('kenko', [kenko]), submission('chiiki', [chiiki]), broken], {
      ward: '秋葉区',
      fiscalYear: 2020,
      expectedDivisions: ['健康福祉課', '建設課', '区民生活課', '地域総務課'],
      generatedAt: '2021-04-10T01:00:00Z',
    });
    const chart = overviewPlan('概要', model, '秋葉区').chart!;
    expect(chart.categories.values).toEqual(['健康福祉課', '地域総務課']);
    // Rows 5 and 8, with 建設課 (未提出) and 区民生活課 (読込不可) between them: a union of the two cells.
    expect(chart.categories.ref).toBe("('概要'!$A$5,'概要'!$A$8)");
    const qualitative = chart.series.find((s) => s.name.values[0] === '定性')!;
    expect(qualitative.values).toEqual({ ref: "('概要'!$I$5,'概要'!$I$8)", values: [0, 1] });
    expect(chart.valueLabels).toBe(true);
    // A fixed size: tall 備考 rows do not stretch it off the page.
    expect(chart.anchor.size).toBeDefined();
  });
});
