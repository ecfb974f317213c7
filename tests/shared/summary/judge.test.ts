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

  it('takes a target describing the work, with a number inside, as qualitative when the result has no number', () => {
    const target = value(2020, 'target', '青パト月4回\n区だよりによる実施団体の募集　年2回');
    const j = judgeMeasure(
      measure('「青パト」による防犯パトロールの実施回数', [target, value(2020, 'result', '実施')]),
      2020,
    );
    expect(j.judgement).toBe('qualitative');
    expect(j.basis).toContain('結果「実施」');
    // A figure with its unit and comparator stays a figure: a wordless result is still awaited.
    for (const raw of ['１，７００人以上', 'H29年度までに50％以上', '16講座実施', '435g以下']) {
      expect(
        judgeMeasure(measure('件数', [value(2020, 'target', raw), value(2020, 'result', '実施')]), 2020).judgement,
      ).toBe('pending');
    }
  });

  it('reports a measure without a target as such', () => {
    expect(judgeMeasure(measure('参考', [value(2019, 'actual', '5')]), 2020).judgement).toBe('no-target');
  });

  it('judges a policy-review style actual of the target year', () => {
    const j = judgeMeasure(measure('割合', [value(2017, 'target', '50%以上'), value(2017, 'actual', '62.5%')]), 2015);
    expect(j.judgement).toBe('achieved');
  });
});
