import { describe, expect, it } from 'vitest';
import { judgeMeasure } from '../../../shared/summary/index.ts';
import { measure, value } from './summary-fixtures.ts';

describe('judgeMeasure', () => {
  it('judges a higher-is-better result equal to its target as achieved', () => {
    const j = judgeMeasure(
      measure('参加者数（人）', [value(2020, 'target', '1,700'), value(2020, 'result', '1700')]),
      2020,
    );
    expect(j.judgement).toBe('achieved');
    expect(j.basis).toBe('結果 1,700 ≥ 目標 1,700（以上で達成）');
    expect(j.rate).toBe(100);
  });

  it('judges a result below a higher-is-better target as not achieved', () => {
    const j = judgeMeasure(measure('開催回数', [value(2020, 'target', '10'), value(2020, 'result', '9')]), 2020);
    expect(j.judgement).toBe('not-achieved');
    expect(j.basis).toBe('結果 9 < 目標 10（以上で達成）');
  });

  it('reads 削減 in the goal as lower is better', () => {
    const m = measure(
      '電気使用量（kw）',
      [value(2020, 'target', '315,492'), value(2020, 'result', '300000')],
      '庁舎の電気使用量を削減します',
    );
    const j = judgeMeasure(m, 2020);
    expect(j.direction).toBe('lower');
    expect(j.judgement).toBe('achieved');
    expect(j.basis).toContain('≤ 目標 315,492');
    expect(j.basis).toContain('「削減」');
  });

  it('reads 減らす / 抑える in the goal as lower is better, as the 評価 check does', () => {
    const m = measure(
      'ごみの量（t）',
      [value(2020, 'target', '1,000'), value(2020, 'result', '1,100')],
      '家庭ごみを減らす取組を進めます',
    );
    expect(judgeMeasure(m, 2020)).toMatchObject({ direction: 'lower', judgement: 'not-achieved' });
  });

  it('takes the comparator of a 未満 target', () => {
    const j = judgeMeasure(measure('BMI', [value(2025, 'target', '90.0未満'), value(2025, 'result', '90')]), 2025);
    expect(j.judgement).toBe('not-achieved');
    expect(j.basis).toBe('結果 90 ≥ 目標 90（未満で達成）');
  });

  it('reports a numeric target without a result as pending', () => {
    expect(
      judgeMeasure(measure('件数', [value(2020, 'target', '21'), value(2020, 'result', '－')]), 2020).judgement,
    ).toBe('pending');
  });

  it('does not judge a target without a number', () => {
    const j = judgeMeasure(
      measure('石油の世界館', [value(2020, 'target', 'リニューアルの実施'), value(2020, 'result', '実施')]),
      2020,
    );
    expect(j.judgement).toBe('qualitative');
    expect(j.basis).toContain('リニューアルの実施');
  });

  it('marks a target of several numbers 要確認 when the result cannot be paired with them', () => {
    const target = value(2020, 'target', '青パト月4回\n区だよりによる実施団体の募集　年2回');
    const j = judgeMeasure(
      measure('「青パト」による防犯パトロールの実施回数', [target, value(2020, 'result', '実施')]),
      2020,
    );
    expect(j.judgement).toBe('review');
    expect(j.basis).toBe('目標に数値が 2 つあり（月4回・年2回）、結果「実施」と部分ごとに対応づけられないため要確認');
    // A figure with its unit and comparator stays a figure: a result written without a number is 要確認 (a
    // person decides), never 未評価 (nothing written) nor 達成.
    for (const raw of ['１，７００人以上', 'H29年度までに50％以上', '16講座実施', '435g以下']) {
      expect(
        judgeMeasure(measure('件数', [value(2020, 'target', raw), value(2020, 'result', '実施')]), 2020).judgement,
      ).toBe('review');
    }
  });

  it('marks a result 「実施中」 要確認 with its reason, an empty one 未評価', () => {
    const ongoing = judgeMeasure(
      measure('子育て講座等の開催回数（回）', [value(2020, 'target', '100'), value(2020, 'result', '実施中')]),
      2020,
    );
    expect([ongoing.judgement, ongoing.basis]).toEqual([
      'review',
      '結果「実施中」に数値がなく目標 100 と比べられないため要確認',
    ]);
    const empty = judgeMeasure(measure('件数', [value(2020, 'target', '100'), value(2020, 'result', '')]), 2020);
    expect(empty.judgement).toBe('pending');
  });

  it('marks a result still being counted 「集計中（5月確定）」 要確認, never 未評価 (the cell is not empty)', () => {
    const counting = judgeMeasure(
      measure('相談件数（件）', [value(2020, 'target', '100件'), value(2020, 'result', '集計中（5月確定）')]),
      2020,
    );
    expect([counting.judgement, counting.basis]).toEqual([
      'review',
      '結果「集計中（5月確定）」はまだ確定していないため要確認（目標 100件）',
    ]);
  });

  it('judges a target of several numbers on every part, so a missed second part is 未達成', () => {
    const target = value(2020, 'target', '青パト月4回 区だよりによる実施団体の募集 年2回');
    const missed = judgeMeasure(measure('防犯', [target, value(2020, 'result', '青パト月4回 募集 年1回')]), 2020);
    expect(missed.judgement).toBe('not-achieved');
    expect(missed.basis).toBe('未達の部分あり（月4回: 4 ≥ 4、年2回: 1 < 2）');
    const met = judgeMeasure(measure('防犯', [target, value(2020, 'result', '月5回・年2回')]), 2020);
    expect(met.judgement).toBe('achieved');
    expect(met.rate).toBeNull();
    // Years and dates in a target are when, not how much: one number.
    expect(
      judgeMeasure(measure('割合', [value(2020, 'target', 'R3年度までに50％以上'), value(2020, 'result', '51')]), 2020)
        .judgement,
    ).toBe('achieved');
  });

  it('compares a relative target with the named base year when the sheet holds its figure', () => {
    const values = [value(2019, 'actual', '541'), value(2021, 'target', 'R1比で減らす')];
    const fell = judgeMeasure(measure('刑法犯認知件数', [...values, value(2021, 'result', '498')]), 2021);
    expect(fell.judgement).toBe('achieved');
    expect(fell.direction).toBe('lower');
    expect(fell.basis).toBe('結果 498 < R1実績 541（目標「R1比で減らす」）');
    const rose = judgeMeasure(measure('刑法犯認知件数', [...values, value(2021, 'result', '560')]), 2021);
    expect(rose.judgement).toBe('not-achieved');
    const percent = judgeMeasure(
      measure('来場者数', [
        value(2020, 'actual', '1000'),
        value(2021, 'target', '前年度比10%増'),
        value(2021, 'result', '1050'),
      ]),
      2021,
    );
    expect(percent.judgement).toBe('not-achieved');
    expect(percent.basis).toBe('結果 1,050 < R2実績 1,000 の 110% = 1,100（目標「前年度比10%増」）');
  });

  it('marks a relative target 要確認 when the base year has no figure on the sheet', () => {
    const j = judgeMeasure(
      measure('刑法犯認知件数', [value(2021, 'target', 'R1比で減らす'), value(2021, 'result', '498')]),
      2021,
    );
    expect(j.judgement).toBe('review');
    expect(j.basis).toBe('目標「R1比で減らす」はR1の実績と比べるものですが、R1の実績がシートにないため要確認');
  });

  it('gives 実績/目標 only where more is better; a lower-is-better or relative target leaves it blank', () => {
    const lower = judgeMeasure(measure('件数', [value(2020, 'target', '5件未満'), value(2020, 'result', '5')]), 2020);
    expect([lower.judgement, lower.rate]).toEqual(['not-achieved', null]);
    // 3 against 「5件未満」 is 達成: 60 % would read as falling short.
    const under = judgeMeasure(measure('件数', [value(2020, 'target', '5件未満'), value(2020, 'result', '3')]), 2020);
    expect([under.judgement, under.rate]).toEqual(['achieved', null]);
    const relative = judgeMeasure(
      measure('相談件数', [
        value(2019, 'actual', '541'),
        value(2020, 'target', 'R1比で減らす'),
        value(2020, 'result', '442'),
      ]),
      2020,
    );
    expect([relative.judgement, relative.rate]).toEqual(['achieved', null]);
    const higher = judgeMeasure(measure('件数', [value(2020, 'target', '4'), value(2020, 'result', '8')]), 2020);
    expect(higher.rate).toBe(200);
  });

  it('reports a measure without a target as such', () => {
    expect(judgeMeasure(measure('参考', [value(2019, 'actual', '5')]), 2020).judgement).toBe('no-target');
  });

  it('judges a policy-review style actual of the target year', () => {
    const j = judgeMeasure(measure('割合', [value(2017, 'target', '50%以上'), value(2017, 'actual', '62.5%')]), 2015);
    expect(j.judgement).toBe('achieved');
  });
});
