import type { Measure, MeasureValue } from '../model/record.ts';
import { formatNumber } from '../values/format-number.ts';
import { isNotFinal } from '../values/parse-value.ts';
import type { Comparator } from '../values/types.ts';
import { baseYearWord, numberParts, relativeTarget, type NumberPart, type RelativeTarget } from './target-parts.ts';
import type { Direction, MeasureJudgement } from './types.ts';

// The same words as the org-goals 評価 check (shared/families/org-goals/rules.ts), so both read one direction.
const LOWER_WORDS = /削減|減少|抑制|低減|縮減|減らす|抑える/;

const RULE: Record<Comparator, { symbol: string; words: string }> = {
  '>=': { symbol: '≥', words: '以上で達成' },
  '>': { symbol: '>', words: '超で達成' },
  '<=': { symbol: '≤', words: '以下で達成' },
  '<': { symbol: '<', words: '未満で達成' },
};

/** The target and result a measure is judged on, for the given fiscal year. */
export interface JudgedValues {
  target: MeasureValue | null;
  result: MeasureValue | null;
}

/**
 * Picks the target (this year's, else the nearest later, else any) and the result of the same year. With
 * `interim` (a self-evaluation judging this year's 達成状況 against a target due later), the result is this
 * year's actual when the target's year has no result.
 */
export function judgedValues(measure: Measure, fiscalYear: number | null, interim = false): JudgedValues {
  const targets = measure.values.filter((v) => v.kind === 'target');
  const target =
    targets.find((v) => fiscalYear !== null && v.year === fiscalYear && !v.blank) ??
    [...targets]
      .filter((v) => !v.blank && (fiscalYear === null || v.year === null || v.year >= fiscalYear))
      .sort((a, b) => (a.year ?? 0) - (b.year ?? 0))[0] ??
    targets.find((v) => !v.blank) ??
    targets.find((v) => fiscalYear !== null && v.year === fiscalYear) ??
    targets[0] ??
    null;
  const year = target?.year ?? fiscalYear;
  const results = measure.values.filter((v) => v.kind === 'result');
  const result =
    results.find((v) => v.year === year) ??
    (results.length === 1 ? results[0] : undefined) ??
    measure.values.find((v) => v.kind === 'actual' && year !== null && v.year === year) ??
    (interim
      ? measure.values.find((v) => v.kind === 'actual' && fiscalYear !== null && v.year === fiscalYear)
      : undefined) ??
    null;
  return { target, result };
}

/** Lower is better when the target says 以下/未満, or the goal or indicator speaks of 削減/減少/抑制. */
export function directionOf(
  measure: Measure,
  target: MeasureValue | null,
): { direction: Direction; why: string | null } {
  if (target?.comparator === '<=' || target?.comparator === '<') return { direction: 'lower', why: null };
  if (target?.comparator === '>=' || target?.comparator === '>') return { direction: 'higher', why: null };
  const texts = [measure.name, measure.detail, measure.fields?.['goal'] ?? null];
  for (const text of texts) {
    const m = text ? LOWER_WORDS.exec(text) : null;
    if (m) return { direction: 'lower', why: `「${m[0]}」を含む目標のため少ないほど良い` };
  }
  return { direction: 'higher', why: null };
}

/** 判定 and 判定根拠 of one measure; never throws, whatever the cells hold. */
export function judgeMeasure(measure: Measure, fiscalYear: number | null, interim = false): MeasureJudgement {
  const { target, result } = judgedValues(measure, fiscalYear, interim);
  const { direction, why } = directionOf(measure, target);
  const base = { direction, target: target?.value ?? null, result: result?.value ?? null, rate: null };
  if (!target || target.blank) return { ...base, judgement: 'no-target', basis: '目標値の記載がありません' };
  // 「集計中（5月確定）」: the cell is not empty, the figure is not final yet — a person follows it up (要確認).
  if (result && result.blank && isNotFinal(result.raw))
    return {
      ...base,
      judgement: 'review',
      basis: `結果「${oneLine(result.raw)}」はまだ確定していないため要確認（目標 ${oneLine(target.raw)}）`,
    };
  const relative = relativeTarget(target.raw, target.year ?? fiscalYear);
  if (relative) return judgeRelative(measure, relative, target, result, base);
  const parts = numberParts(target.raw);
  if (parts.length >= 2) return judgeCompound(parts, target, result, direction, base);
  if (target.value === null) {
    const res = result && !result.blank ? `（結果: ${oneLine(result.raw)}）` : '';
    return {
      ...base,
      judgement: 'qualitative',
      basis: `数値のない目標「${oneLine(target.raw)}」のため自動判定しません${res}`,
    };
  }
  if (!result || result.blank)
    return { ...base, judgement: 'pending', basis: `結果が未記入です（目標 ${fmt(target.value)}）` };
  if (result.value === null) {
    if (describesActivity(target)) {
      return {
        ...base,
        judgement: 'qualitative',
        basis: `目標「${oneLine(target.raw)}」は取組の記述で、結果「${oneLine(result.raw)}」に数値がないため自動判定しません`,
      };
    }
    // A result is there but says no number (「実施中」): a person decides, never 未評価 (nothing written) nor 達成.
    return {
      ...base,
      judgement: 'review',
      basis: `結果「${oneLine(result.raw)}」に数値がなく目標 ${fmt(target.value)} と比べられないため要確認`,
    };
  }
  const comparator: Comparator = target.comparator ?? (direction === 'lower' ? '<=' : '>=');
  const ok = compare(result.value, comparator, target.value);
  const rule = RULE[comparator];
  const reason = why ? `${rule.words}、${why}` : rule.words;
  const early =
    target.year !== null && result.year !== null && result.year < target.year
      ? `、${target.year}年度の目標に対する${result.year}年度の達成状況`
      : '';
  const basis = `結果 ${fmt(result.value)} ${ok ? rule.symbol : negate(rule.symbol)} 目標 ${fmt(target.value)}（${reason}${early}）`;
  return {
    ...base,
    judgement: ok ? 'achieved' : 'not-achieved',
    basis,
    rate: direction === 'lower' ? null : rateOf(result.value, target.value),
  };
}

type Base = Pick<MeasureJudgement, 'direction' | 'target' | 'result' | 'rate'>;

/**
 * A target against a base year (「R1比で減らす」): compared with that year's figure on the sheet, or 要確認
 * when the sheet does not hold it.
 */
function judgeRelative(
  measure: Measure,
  relative: RelativeTarget,
  target: MeasureValue,
  result: MeasureValue | null,
  base: Base,
): MeasureJudgement {
  const word = baseYearWord(relative.baseYear);
  const said = `「${oneLine(target.raw)}」`;
  const baseValue = measure.values.find(
    (v) => (v.kind === 'actual' || v.kind === 'result') && v.year === relative.baseYear && v.value !== null,
  )?.value;
  const direction: Direction = relative.change === 'lower' ? 'lower' : 'higher';
  if (baseValue === undefined || baseValue === null)
    return {
      ...base,
      direction,
      judgement: 'review',
      basis: `目標${said}は${word}の実績と比べるものですが、${word}の実績がシートにないため要確認`,
    };
  const factor = relative.percent === null ? 1 : 1 + ((direction === 'lower' ? -1 : 1) * relative.percent) / 100;
  const threshold = round1(baseValue * factor * 1000) / 1000;
  const inclusive = relative.inclusive || relative.percent !== null;
  const judged = { ...base, direction, target: threshold };
  if (result && !result.blank && result.value === null)
    return {
      ...judged,
      judgement: 'review',
      basis: `結果「${oneLine(result.raw)}」に数値がなく${word}実績 ${fmt(baseValue)} と比べられないため要確認（目標${said}）`,
    };
  if (!result || result.blank || result.value === null)
    return {
      ...judged,
      judgement: 'pending',
      basis: `結果が未記入です（目標 ${said}、${word}実績 ${fmt(baseValue)}）`,
    };
  const ok =
    direction === 'lower'
      ? inclusive
        ? result.value <= threshold
        : result.value < threshold
      : inclusive
        ? result.value >= threshold
        : result.value > threshold;
  const symbol = direction === 'lower' ? (inclusive ? '≤' : '<') : inclusive ? '≥' : '>';
  const against =
    relative.percent === null
      ? `${word}実績 ${fmt(baseValue)}`
      : `${word}実績 ${fmt(baseValue)} の ${fmt(round1(factor * 100))}% = ${fmt(threshold)}`;
  return {
    ...judged,
    result: result.value,
    judgement: ok ? 'achieved' : 'not-achieved',
    basis: `結果 ${fmt(result.value)} ${ok ? symbol : negate(symbol)} ${against}（目標${said}）`,
    // The threshold is a base year's figure, not a target the division set: no 実績/目標 to read.
    rate: null,
  };
}

/**
 * A target of several numbers (「青パト月4回 区だよりによる実施団体の募集 年2回」): each part against the
 * result's part in the same place when the result states as many; else 要確認, never the first part alone.
 */
function judgeCompound(
  parts: readonly NumberPart[],
  target: MeasureValue,
  result: MeasureValue | null,
  direction: Direction,
  base: Base,
): MeasureJudgement {
  const listed = parts.map((p) => p.text).join('・');
  if (!result || result.blank)
    return { ...base, judgement: 'pending', basis: `結果が未記入です（目標の数値 ${parts.length} つ: ${listed}）` };
  const got = numberParts(result.raw);
  if (got.length !== parts.length)
    return {
      ...base,
      judgement: 'review',
      basis: `目標に数値が ${parts.length} つあり（${listed}）、結果「${oneLine(result.raw)}」と部分ごとに対応づけられないため要確認`,
    };
  const comparator: Comparator = target.comparator ?? (direction === 'lower' ? '<=' : '>=');
  const checks = parts.map((p, i) => ({ want: p, got: got[i]!, ok: compare(got[i]!.value, comparator, p.value) }));
  const ok = checks.every((c) => c.ok);
  const symbol = RULE[comparator].symbol;
  const basis = checks
    .map((c) => `${c.want.text}: ${fmt(c.got.value)} ${c.ok ? symbol : negate(symbol)} ${fmt(c.want.value)}`)
    .join('、');
  return {
    ...base,
    judgement: ok ? 'achieved' : 'not-achieved',
    basis: `${ok ? 'すべての部分で達成' : '未達の部分あり'}（${basis}）`,
    rate: null,
  };
}

// What a target may say around its number without being a description: units, comparators, years, 累計.
const NUMBER_WORDS =
  /以上|以下|未満|超|維持|累計|年度|までに|まで|毎年|平成|令和|[ＨＲHR年月日度]|[\d０-９,，.．%％△▲+-]/g;
const WORDY = /[\u3040-\u30ff\u4e00-\u9fff]{6,}/;

/**
 * A target that is a sentence about the work with a number inside ("青パト月4回 区だよりによる実施団体の募集
 * 年2回"), not a figure with its unit and comparator ("1,700人以上", "H29年度までに50％以上").
 */
function describesActivity(target: MeasureValue): boolean {
  let text = target.raw.replace(/\s+/g, '');
  if (target.unit) text = text.split(target.unit).join('');
  return WORDY.test(text.replace(NUMBER_WORDS, ''));
}

function compare(a: number, op: Comparator, b: number): boolean {
  switch (op) {
    case '>=':
      return a >= b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '<':
      return a < b;
  }
}

function negate(symbol: string): string {
  return ({ '≥': '<', '>': '≤', '≤': '>', '<': '≥' } as Record<string, string>)[symbol] ?? symbol;
}

/**
 * 実績/目標 in percent, for a target where more is better only: 「5件未満」 with 3 would read 60 % beside 達成,
 * so a lower-is-better or relative target leaves it blank and the 判定根拠 gives the comparison.
 */
function rateOf(result: number, target: number): number | null {
  return target > 0 ? round1((result / target) * 100) : null;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** A number with thousands separators, as a manager reads it. */
export function fmt(n: number): string {
  return formatNumber(n, 3);
}

function oneLine(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}
