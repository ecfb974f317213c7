// The comparison of a result with its target as every rule sees it: the summary's judgement (one truth).
import type { Measure, MeasureValue } from '../model/record.ts';
import { judgedValues, judgeMeasure } from '../summary/judge.ts';
import { numberParts, relativeTarget } from '../summary/target-parts.ts';
import type { MeasureJudgement } from '../summary/types.ts';

/** The summary's 判定 of a measure, reduced to what a rule may hold a division's 評価 against. */
export interface JudgedComparison {
  /** 達成 (true) or 未達成 (false); null when the judge does not decide (要確認, 未評価, 定性目標, 目標なし). */
  met: boolean | null;
  lower: boolean;
  /** The word the direction was read from (以上, 以下, 削減, 既定) for a single figure; else the judge's 判定根拠. */
  basis: string;
  judgement: MeasureJudgement;
}

const WORDS: Record<string, string> = { '<=': '以下', '<': '未満', '>=': '以上', '>': '超' };
const LOWER_WORDS = /削減|減少|抑制|低減|縮減|減らす|抑える/;

/**
 * Judges a measure exactly as `mokuhyo consolidate` does (compound targets on all parts, relative targets
 * against their base year). A rule compares a 評価 only when `met` is not null: what the summary calls 要確認
 * is never an error.
 */
export function judgedComparison(measure: Measure, fiscalYear: number | null): JudgedComparison {
  const judgement = judgeMeasure(measure, fiscalYear);
  const met = judgement.judgement === 'achieved' ? true : judgement.judgement === 'not-achieved' ? false : null;
  // A single figure against a single figure: its basis is 「結果 8 < 目標 10（…）」, a relative one names 目標「…」.
  const single = /^結果 .* 目標 /.test(judgement.basis) && !judgement.basis.includes('（目標「');
  const comparator = judgedValues(measure, fiscalYear).target?.comparator;
  const word =
    (comparator ? WORDS[comparator] : undefined) ??
    LOWER_WORDS.exec([measure.name, measure.detail, measure.fields?.['goal']].filter(Boolean).join(' '))?.[0] ??
    '既定';
  return { met, lower: judgement.direction === 'lower', basis: single ? word : judgement.basis, judgement };
}

/**
 * A target a rule may compare one number with: a single figure. A target of several numbers (「青パト月4回
 * 区だより 年2回」) or against a base year (「R1比で減らす」) is judged only by `judgeMeasure`, never on its
 * first number.
 */
export function singleFigureTarget(target: MeasureValue, fiscalYear: number | null): boolean {
  if (target.value === null) return false;
  return relativeTarget(target.raw, target.year ?? fiscalYear) === null && numberParts(target.raw).length < 2;
}
