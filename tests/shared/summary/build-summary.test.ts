import { describe, expect, it } from 'vitest';
import { buildSummary } from '../../../shared/summary/index.ts';
import { divisionSheet, measure, submission, value, wardSheet } from './summary-fixtures.ts';

const OPTIONS = {
  ward: '秋葉区',
  fiscalYear: 2020,
  expectedDivisions: ['健康福祉課', '産業振興課', '地域総務課'],
  generatedAt: '2020-04-30T00:00:00.000Z',
};

function kenko(result: string, goal = '福祉の推進') {
  return divisionSheet('健康福祉課', [
    measure('開催回数', [value(2019, 'actual', '9'), value(2020, 'target', '10'), value(2020, 'result', result)], goal),
  ]);
}

describe('buildSummary', () => {
  it('counts 要確認 on its own and never as 達成: the share achieved is 達成 ÷ (達成 + 未達成)', () => {
    const sheet = divisionSheet('健康福祉課', [
      measure('開催回数', [value(2020, 'target', '10'), value(2020, 'result', '12')]),
      measure('講座', [value(2020, 'target', '10'), value(2020, 'result', '8')]),
      // Two numbers in the target, none to pair in the result: 要確認.
      measure('青パト', [value(2020, 'target', '青パト月4回 募集年2回'), value(2020, 'result', '実施した')]),
      // A base year the sheet does not hold: 要確認.
      measure('件数', [value(2020, 'target', 'H30比で減らす'), value(2020, 'result', '5')]),
    ]);
    const model = buildSummary([submission('a', [sheet])], OPTIONS);
    const row = model.overview.find((o) => o.division === '健康福祉課')!;
    expect(row.counts).toMatchObject({ achieved: 1, 'not-achieved': 1, review: 2 });
    expect(row.achievementRate).toBe(50);
    expect(model.total.counts.review).toBe(2);
  });

  it('keeps the latest submission per division by submission time', () => {
    const older = submission('a', [kenko('12')], { submittedAt: '2020-05-01T00:00:00Z' });
    const newer = submission('b', [kenko('8')], { submittedAt: '2020-05-02T00:00:00Z' });
    const model = buildSummary([newer, older], OPTIONS);
    expect(model.tables[0]?.rows.map((r) => r.resultText)).toEqual(['8']);
    expect(model.divisions[0]).toMatchObject({ division: '健康福祉課', indicators: 1, achievementRate: 0 });
    expect(model.statuses.find((s) => s.file === 'a.xlsx')?.state).toBe('superseded');
  });

  it('shows a (再) re-listed project in the table but counts it once', () => {
    const original = measure('子育て支援事業', [value(2021, 'target', '10'), value(2021, 'result', '12')]);
    const relisted: typeof original = {
      ...original,
      group: '(再)1',
      fields: { ...original.fields, relist: 'true', relistOf: '1' },
    };
    const summary = buildSummary([submission('a', [divisionSheet('健康福祉課', [original, relisted], 2021)])], {
      ward: null,
      fiscalYear: 2021,
      expectedDivisions: [],
      generatedAt: '2021-06-01T00:00:00Z',
    });
    expect(summary.tables[0]!.rows.map((r) => [r.group, r.relist])).toEqual([
      ['1', false],
      ['(再)1', true],
    ]);
    expect(summary.divisions[0]).toMatchObject({ indicators: 1, goals: 1 });
    expect(summary.divisions[0]!.counts.achieved).toBe(1);
  });

  it('falls back to file mtime when submission times are absent', () => {
    const older = submission('a', [kenko('12')], { mtime: '2020-05-03T00:00:00Z' });
    const newer = submission('b', [kenko('8')], { mtime: '2020-05-01T00:00:00Z' });
    expect(buildSummary([older, newer], OPTIONS).tables[0]?.rows[0]?.resultText).toBe('12');
  });

  it('prefers the version whose own 修正日/評価日 is later over the file mtime (a copied or mailed file)', () => {
    const dated = (result: string, dates: Record<string, string>) => ({
      ...kenko(result),
      fields: Object.fromEntries(Object.entries(dates).map(([key, v]) => [key, { value: v, cell: 'J2' }])),
    });
    const older = submission('a', [dated('12', { createdOn: '令和2年4月1日', evaluatedOn: '令和3年3月31日' })], {
      mtime: '2020-05-03T00:00:00Z',
    });
    const newer = submission(
      'b',
      [dated('8', { createdOn: '令和2年4月1日', revisedOn: '2021-03-25 0:00:00', evaluatedOn: '令和3年3月31日' })],
      { mtime: '2020-05-01T00:00:00Z' },
    );
    const model = buildSummary([older, newer], OPTIONS);
    expect(model.tables[0]?.rows[0]?.resultText).toBe('8');
    expect(model.statuses.find((s) => s.file === 'a.xlsx')?.state).toBe('superseded');
    // An earlier 作成日 alone marks the older version too.
    const first = submission('c', [dated('12', { createdOn: '令和2年4月1日' })], { mtime: '2020-05-03T00:00:00Z' });
    const second = submission('d', [dated('8', { createdOn: '令和2年5月7日' })], { mtime: '2020-05-01T00:00:00Z' });
    expect(buildSummary([first, second], OPTIONS).tables[0]?.rows[0]?.resultText).toBe('8');
  });

  it('lists missing divisions and unreadable files with their reason', () => {
    const bad = submission('broken', [], {
      status: 'unreadable',
      error: { code: 'not-zip', message: 'Excel ブック（.xlsx）ではありません。' },
    });
    const model = buildSummary([submission('a', [kenko('12')]), bad], OPTIONS);
    expect(model.missingDivisions).toEqual(['産業振興課', '地域総務課']);
    expect(model.statuses.filter((s) => s.state === 'missing' && !s.wardSheet).map((s) => s.division)).toEqual([
      '産業振興課',
      '地域総務課',
    ]);
    // The ward's own sheet has its own row, never a division's.
    expect(model.statuses.find((s) => s.wardSheet)).toMatchObject({ division: '秋葉区', state: 'missing' });
    expect(model.ledger.wardSheet.status).toBe('未提出');
    expect(model.statuses.find((s) => s.file === 'broken.xlsx')).toMatchObject({
      state: 'unreadable',
      reason: 'Excel ブック（.xlsx）ではありません。',
    });
  });

  it("sends back a division's sheet of another fiscal year, saying which year, and counts none of it", () => {
    const old = submission('old', [divisionSheet('産業振興課', [measure('x', [value(2019, 'target', '1')])], 2019)]);
    const model = buildSummary([submission('a', [kenko('12')]), old], OPTIONS);
    expect(model.divisions.map((d) => d.division)).toEqual(['健康福祉課']);
    expect(model.statuses.find((s) => s.file === 'old.xlsx')).toMatchObject({
      division: '産業振興課',
      state: 'rejected',
      reason: '令和元年度のシートです（この取りまとめは令和2年度）。',
    });
    expect(model.overview.find((r) => r.division === '産業振興課')).toMatchObject({ state: 'rejected', counted: null });
  });

  it('puts year columns other than the judged target and result into the table', () => {
    const table = buildSummary([submission('a', [kenko('12')])], OPTIONS).tables[0];
    expect(table?.columns.map((c) => c.label)).toEqual(['R1実績']);
    expect([table?.targetLabel, table?.resultLabel]).toEqual(['R2目標', 'R2結果']);
    expect(table?.rows[0]?.values).toEqual({ '2019:actual': '9' });
    expect(table?.rows[0]?.figures['2019:actual']).toMatchObject({ value: 9, format: '0', note: null });
  });

  it('says the ward roll-up cannot be derived when no goal names its 重点目標', () => {
    const model = buildSummary(
      [submission('w', [wardSheet(['まちづくり', '福祉'])]), submission('a', [kenko('12')])],
      OPTIONS,
    );
    expect(model.wardRollup?.achievedCount).toBeNull();
    expect(model.wardRollup?.note).toContain('集計できません');
    expect(model.divisions.map((d) => d.division)).toEqual(['健康福祉課']);
  });

  it('rolls division results up into the 重点目標 they name', () => {
    const model = buildSummary(
      [
        submission('w', [wardSheet(['まちづくり', '福祉'])]),
        submission('a', [kenko('12', '【重点目標２】福祉の推進')]),
      ],
      OPTIONS,
    );
    expect(model.wardRollup?.priorities.map((p) => p.achieved)).toEqual([null, true]);
    expect(model.wardRollup?.achievedCount).toBe(1);
  });
});

describe('buildSummary with sheets of other forms', () => {
  it('does not take a priorities list of another variant for the ward sheet', () => {
    const statement = {
      ...wardSheet(['方針']),
      variant: 'statement',
      organization: '増田地域局',
      family: 'policy-statement' as const,
    };
    const model = buildSummary([submission('s', [statement]), submission('a', [kenko('12')])], {
      ...OPTIONS,
      ward: null,
    });
    expect(model.wardRollup).toBeNull();
    expect(model.ward).toBeNull();
  });
});

describe('buildSummary for the manager', () => {
  it('keeps a division whose latest file has errors as 差戻し, with its findings, counting its older 受理 version and saying so', () => {
    const older = submission('a', [kenko('12')], { submittedAt: '2020-05-01T00:00:00Z' });
    const error = {
      severity: 'error' as const,
      code: 'org-goals/evaluation-contradicts',
      cell: 'K11',
      message: '評価が食い違っています',
      params: {},
    };
    const newer = submission('b', [{ ...kenko('8'), findings: [error] }], {
      submittedAt: '2020-05-02T00:00:00Z',
      status: 'rejected',
      error: { code: 'validation', message: '検証でエラーが 1 件見つかりました。' },
    });
    const model = buildSummary([older, newer], OPTIONS);
    const row = model.overview.find((r) => r.division === '健康福祉課');
    expect(row).toMatchObject({ state: 'rejected', file: 'b.xlsx', counted: 'a', indicators: 1 });
    expect(row?.reason).toBe(
      '検証でエラーが 1 件見つかりました（評価が食い違っています）。 集計には、前に受理された版の数値を使っています。',
    );
    expect(model.tables[0]?.rows.map((r) => r.resultText)).toEqual(['12']);
    expect(model.findings.map((f) => [f.division, f.finding.code])).toEqual([
      ['健康福祉課', 'org-goals/evaluation-contradicts'],
    ]);
    expect(model.statuses.find((s) => s.file === 'a.xlsx')).toMatchObject({ state: 'used', counted: true });
    expect(model.statuses.find((s) => s.file === 'b.xlsx')?.state).toBe('rejected');
    expect(model.total.achievementRate).toBe(100);
    expect(model.ledger.divisions.find((r) => r.division === '健康福祉課')).toMatchObject({
      status: '差戻し',
      submission: 'b',
      counted: 'a',
    });
  });

  it('gives every expected division a row and totals the accepted ones', () => {
    const bad = submission('産業振興課.xls', [], {
      status: 'unreadable',
      error: { code: 'legacy-xls', message: '古い Excel 形式（.xls）のファイルです。' },
    });
    const model = buildSummary([submission('a', [kenko('12')]), bad], OPTIONS);
    expect(model.overview.map((r) => [r.division, r.state])).toEqual([
      ['健康福祉課', 'accepted'],
      ['産業振興課', 'unreadable'],
      ['地域総務課', 'missing'],
    ]);
    expect(model.total).toMatchObject({ indicators: 1, achievementRate: 100 });
  });

  it("judges a self-evaluation on this year's 達成状況 and says whether its own A/B agrees", () => {
    const m = {
      ...measure('満足度', [
        value(2017, 'target', 'H29年度までに50％以上'),
        value(2015, 'actual', '8.0%'),
        value(2014, 'actual', '6.6%'),
      ]),
      fields: { item: '㋐つながり', rating: 'Ａ', effectiveness: 'ア', progress: 'ｂ' },
    };
    const sheet = { ...divisionSheet('北区', [m], 2015), family: 'policy-review' as const };
    const model = buildSummary([submission('k', [sheet])], { ...OPTIONS, fiscalYear: 2015, expectedDivisions: [] });
    const row = model.tables[0]!.rows[0]!;
    expect(row.judgement.judgement).toBe('not-achieved');
    expect(row.result).toMatchObject({ value: 8, year: 2015 });
    expect(row.codes).toMatchObject({ text: 'A・ア・b', agrees: false });
    expect([model.tables[0]!.targetLabel, model.tables[0]!.resultLabel]).toEqual(['H29目標', 'H27達成状況']);
  });

  it('lists each 方針書 priority with what the reports say about it', () => {
    const statement = {
      ...divisionSheet('増田地域局', [], 2020),
      family: 'policy-statement' as const,
      variant: 'statement',
      items: {
        priorities: [
          {
            no: '１',
            outcome: '地域づくり',
            actions: '①支援',
            firstHalf: '会議を開催',
            secondHalf: '',
            summary: '共有が進んだ',
            outcomeCell: 'D14',
          },
        ],
      },
    };
    const model = buildSummary([submission('m', [statement])], { ...OPTIONS, expectedDivisions: [] });
    expect(model.statements).toEqual([
      expect.objectContaining({
        division: '増田地域局',
        no: '1',
        outcome: '地域づくり',
        firstHalf: '会議を開催',
        summary: '共有が進んだ',
      }),
    ]);
    expect(model.tables).toEqual([]);
  });

  it("puts last year's result beside this year's restatement and last year's 達成率 on the overview", () => {
    // Last year the division reported 8; this year's sheet gives 2019's actual as 9: history rewritten.
    const lastYear = submission('old', [
      divisionSheet(
        '健康福祉課',
        [measure('開催回数', [value(2019, 'target', '10'), value(2019, 'result', '8')])],
        2019,
      ),
    ]);
    const model = buildSummary([submission('a', [kenko('12')])], { ...OPTIONS, previous: [lastYear] });
    const row = model.tables[0]!.rows[0]!;
    expect(row.previous).toMatchObject({ fiscalYear: 2019, differs: true });
    expect([row.previous?.result?.value, row.previous?.restated?.value]).toEqual([8, 9]);
    expect(model.overview.find((r) => r.division === '健康福祉課')?.previousRate).toBe(0);
  });

  it('lists a sent-back file that a newer accepted one replaced as superseded, not as 差戻し', () => {
    const refused = submission('a', [kenko('8')], {
      submittedAt: '2020-05-01T00:00:00Z',
      status: 'rejected',
      error: { code: 'validation', message: '検証でエラーが 1 件見つかりました。' },
    });
    const fixed = submission('b', [kenko('12')], { submittedAt: '2020-05-02T00:00:00Z' });
    const model = buildSummary([refused, fixed], OPTIONS);
    expect(model.overview.find((r) => r.division === '健康福祉課')?.state).toBe('accepted');
    expect(model.statuses.find((s) => s.file === 'a.xlsx')).toMatchObject({
      state: 'superseded',
      reason: expect.stringContaining('差戻し'),
    });
    expect(model.findings).toEqual([]);
  });
});
