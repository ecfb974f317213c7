import { describe, expect, it } from 'vitest';
import { checkGrid } from '../../../shared/rules/index.ts';
import { division, found, ward } from './fixtures.ts';

/** The division fixture evaluated: 評価日 set, every target met and marked 達成, result narrative written. */
const evaluated = (edits: Record<string, string | number | null> = {}) =>
  division({
    J4: '令和3年4月30日',
    I11: 10,
    I12: 100,
    I13: 100,
    I14: 1700,
    I15: 7,
    I16: 21,
    K11: '達成',
    K12: '達成',
    K13: '達成',
    K14: '達成',
    K15: '達成',
    K16: '達成',
    F19: '全ての指標で目標を達成した。',
    ...edits,
  });

/** The errors of a grid (the ones that send a sheet back), as code and cell. */
const errors = (grid: Parameters<typeof checkGrid>[0]) =>
  checkGrid(grid)
    .findings.filter((f) => f.severity === 'error')
    .map((f) => `${f.code} ${f.cell}`);

describe('org-goals rules', () => {
  it("reports year headers left over from last year's sheet", () => {
    const check = checkGrid(
      division({ E10: 'Ｈ28実績', F10: 'Ｈ29実績', G10: 'Ｈ30実績', H10: 'R1目標', I10: 'R1結果' }),
    );
    expect(check.record.findings.map((f) => f.message)).toMatchInlineSnapshot(`
      [
        "E10 の見出し「Ｈ28実績」は令和2年度のシートと合いません。ここは「H29実績」のはずです。前年度のシートを写して作った場合は、見出しの年度を今年度に合わせて更新してください。",
        "F10 の見出し「Ｈ29実績」は令和2年度のシートと合いません。ここは「H30実績」のはずです。前年度のシートを写して作った場合は、見出しの年度を今年度に合わせて更新してください。",
        "G10 の見出し「Ｈ30実績」は令和2年度のシートと合いません。ここは「R1実績」のはずです。前年度のシートを写して作った場合は、見出しの年度を今年度に合わせて更新してください。",
        "H10 の見出し「R1目標」は令和2年度のシートと合いません。ここは「R2目標」のはずです。前年度のシートを写して作った場合は、見出しの年度を今年度に合わせて更新してください。",
        "I10 の見出し「R1結果」は令和2年度のシートと合いません。ここは「R2結果」のはずです。前年度のシートを写して作った場合は、見出しの年度を今年度に合わせて更新してください。",
      ]
    `);
  });

  it("accepts headers that match the sheet's 年度, era or Western", () => {
    expect(found(division())).toEqual([]);
    expect(
      found(division({ E10: '2017実績', F10: '2018実績', G10: '2019実績', H10: '2020目標', I10: '2020結果' })),
    ).toEqual([]);
  });

  it('reports a date that does not exist', () => {
    expect(found(division({ J2: '令和2年2月30日' }))).toEqual(['org-goals/date-invalid J2']);
  });

  it('reports 修正日 before 作成日 and 評価日 before 修正日', () => {
    expect(found(division({ J3: '令和2年3月1日' }))).toEqual(['org-goals/date-order J3']);
    expect(found(evaluated({ J3: '令和3年5月1日' }))).toEqual(['org-goals/date-order J4']);
  });

  it('accepts dates in order', () => {
    expect(found(evaluated({ J3: '令和2年5月1日' }))).toEqual([]);
  });

  it('reports a 作成日 left over from last year', () => {
    expect(found(division({ J2: '令和元年4月1日' }))).toEqual(['org-goals/date-outside-year J2']);
  });

  it('reports a goal without indicators', () => {
    expect(found(division({ D11: null }))).toContain('org-goals/goal-without-indicators A11');
  });

  it('reports an indicator without target, blank or dash', () => {
    expect(found(division({ H12: null, H13: '－' }))).toEqual([
      'org-goals/target-missing H12',
      'org-goals/target-missing H13',
    ]);
  });

  it('asks for results and 評価 only in evaluation', () => {
    expect(found(division({ I11: null }), 'planning')).toEqual([]);
    expect(found(evaluated({ I11: null, K12: null }))).toEqual([
      'org-goals/result-missing I11',
      'org-goals/evaluation-missing K12',
    ]);
  });

  it('says a result 「集計中（5月確定）」 is not final yet (要確認, as the summary judges it), not missing', () => {
    const check = checkGrid(evaluated({ I11: '集計中（5月確定）' }));
    expect(check.findings.map((f) => [f.code, f.severity, f.cell])).toEqual([
      ['org-goals/result-not-final', 'warning', 'I11'],
    ]);
    expect(found(evaluated({ I11: '集計中（5月確定）' }))).not.toContain('org-goals/result-missing I11');
  });

  it('accepts a fully evaluated sheet', () => {
    expect(found(evaluated())).toEqual([]);
  });

  it('reports 達成 claimed while the result misses the target', () => {
    const check = checkGrid(evaluated({ I11: 8 }));
    expect(check.findings.map((f) => [f.code, f.cell, f.params['direction'], f.params['basis']])).toEqual([
      ['org-goals/evaluation-contradicts', 'K11', 'higher', '既定'],
    ]);
  });

  it('reads 削減 and 以下 as lower is better', () => {
    const lower = checkGrid(evaluated({ D11: '電気使用量の削減（kWh）', G11: 120, H11: 100, I11: 90, K11: '未達成' }));
    expect(lower.findings.map((f) => [f.code, f.params['direction'], f.params['basis']])).toEqual([
      ['org-goals/evaluation-contradicts', 'lower', '削減'],
    ]);
    const atMost = checkGrid(evaluated({ H11: '10回以下', I11: 12, K11: '達成' }));
    expect(atMost.findings.map((f) => [f.code, f.params['direction'], f.params['basis']])).toEqual([
      ['org-goals/evaluation-contradicts', 'lower', '以下'],
    ]);
  });

  it('accepts 評価 that agrees with the numbers', () => {
    expect(
      found(evaluated({ I11: 8, K11: '未達成', F19: '開催会場の確保が難しく…来年度は会場を増やします。' })),
    ).toEqual([]);
    expect(found(evaluated({ D11: '電気使用量の削減（kWh）', G11: 120, H11: 100, I11: 90, K11: '達成' }))).toEqual([]);
  });

  it('judges 評価 as the summary does: every part of a compound target, a relative one against its base year', () => {
    const compound = {
      H16: '青パト月4回\n区だよりによる実施団体の募集　年2回',
      I16: '青パト月4回\n区だよりによる実施団体の募集　年1回',
    };
    // 未達成 agrees with 年2回 missed (not with the first number, 4 ≥ 4): no error; 達成 contradicts it.
    expect(errors(evaluated({ ...compound, K16: '未達成', F19: '年2回の募集は1回にとどまった。' }))).toEqual([]);
    const claimed = checkGrid(evaluated({ ...compound, K16: '達成' }));
    expect(
      claimed.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.cell, f.params['basis']]),
    ).toEqual([['org-goals/evaluation-contradicts', 'K16', '未達の部分あり（月4回: 4 ≥ 4、年2回: 1 < 2）']]);
    // 「R1比で減らす」 against R1's 541: 498 is 達成 whatever its ratio to a first number.
    expect(errors(evaluated({ D11: '相談件数（件）', G11: 541, H11: 'R1比で減らす', I11: 498, K11: '達成' }))).toEqual(
      [],
    );
  });

  it('raises no error where the summary says 要確認 (parts it cannot pair, a result without a number)', () => {
    const review = { H16: '青パト月4回\n区だよりによる実施団体の募集　年2回', I16: '実施した' };
    expect(errors(evaluated({ ...review, K16: '未達成', F19: '一部未実施。' }))).toEqual([]);
    expect(errors(evaluated({ ...review, K16: '達成' }))).toEqual([]);
    expect(errors(evaluated({ I11: '実施中', K11: '達成' }))).toEqual([]);
  });

  it('reports a missed target with no explanation in 取り組みの結果について', () => {
    expect(found(evaluated({ I11: 8, K11: '未達成', F19: null }))).toEqual(['org-goals/explanation-missing F19']);
  });

  it('reports 目標数 that differs from the 重点目標 listed', () => {
    expect(found(ward({ C8: '4' }))).toEqual(['org-goals/goal-count-mismatch C8']);
    expect(found(ward())).toEqual([]);
  });

  it('reports 達成数 above 目標数, and a missing 達成数 in evaluation', () => {
    expect(found(ward({ E8: '４' }))).toEqual(['org-goals/achieved-over-goals E8']);
    expect(found(ward({ E8: '2' }))).toEqual([]);
    expect(found(ward(), 'evaluation')).toEqual(['org-goals/achieved-count-missing E8']);
    expect(found(ward({ E8: '2' }), 'evaluation')).toEqual([]);
  });
});
