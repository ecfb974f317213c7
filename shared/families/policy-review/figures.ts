// Reads the numbers of a 具体的取組 row the way a coordinator does: quantities with their labels, last
// year → this year pairs, and the 業績目標 / 撤退基準 written as prose ("前年度実績の80％を下回った場合").
import { formatNumber, toHalfWidth } from '../../values/index.ts';

/** A number with its unit and the words just before it ("回収率36.9％" → 回収率, 36.9, %). */
export interface Quantity {
  label: string;
  value: number;
  unit: string;
  /** The words right after it (以上, を下回った…), for comparators. */
  after: string;
}

/** One figure reported for last year and this year. */
export interface YearPair {
  label: string;
  previous: number;
  current: number;
  unit: string;
}

/** A threshold written in a 業績目標 or 撤退基準. */
export type Criterion =
  | { kind: 'ratio'; percent: number; below: boolean; inclusive: boolean; text: string }
  | { kind: 'growth'; percent: number; below: boolean; inclusive: boolean; text: string }
  | { kind: 'increase'; text: string }
  | { kind: 'level'; label: string; value: number; unit: string; below: boolean; inclusive: boolean; text: string };

/** What one criterion says about the reported figures: whether it holds, and the arithmetic shown. */
export interface Judgement {
  holds: boolean;
  computed: string;
}

const UNITS = '件|人|名|回|%|部|株|点|団体|事業|講座|か所|箇所|世帯|台|円|社|割';
const QUANTITY = new RegExp(`(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)\\s*(万)?\\s*(${UNITS})?`, 'g');
const SEPARATOR = /[、。,，・:：;；\n（）()「」【】［］[\]\s→⇒◇]/;
const BELOW = /^(を?下回|未満|以下|に満たな|に届かな)/;
const ABOVE = /^(を?上回|超|以上|を目標|をめざ|を目指)/;
const PERIOD_WORDS = /(年間|毎年|年度|年|月|週|毎月)$/;

/** Text as the rules read it: half-width, one space, no line-break noise. */
export function plain(text: string | null | undefined): string {
  return toHalfWidth(text ?? '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .trim();
}

/** A cell the division left empty or marked not applicable ("―", "-"). */
export function isDash(text: string | null | undefined): boolean {
  return /^[\s\-‐‑–—―－ー─]*$/.test(text ?? '');
}

// Dates and periods are not figures: "26年度", "平成28年3月末時点", "H27.3末現在".
const PERIODS =
  /(平成|令和|昭和|[HRS])?\d+年度?(\d+月)?(\d+日)?(末|以降|まで)?(時点|現在)?|[HRS]\d+\.\d+(\.\d+)?末?(時点|現在)?/g;

/** Every number in the text followed by a unit (or a comparator), with the label before it. */
export function quantities(text: string): Quantity[] {
  const t = plain(text).replace(PERIODS, (m) => ' '.repeat(m.length));
  const out: Quantity[] = [];
  let lastEnd = -1;
  let lastLabel = '';
  for (const m of t.matchAll(QUANTITY)) {
    const start = m.index;
    const end = start + m[0].length;
    const after = t
      .slice(end, end + 16)
      .replace(/^\s*[(（][^)）]{0,12}[)）]/, '')
      .trim();
    const unit = m[3] ?? '';
    if (/^(月|日)/.test(t.slice(end))) continue;
    if (!unit && !BELOW.test(after) && !ABOVE.test(after)) continue;
    const label = labelBefore(t, start, lastEnd, lastLabel);
    const scale = (m[2] ? 10000 : 1) * (unit === '割' ? 10 : 1);
    out.push({ label, value: Number(m[1]!.replace(/,/g, '')) * scale, unit: unit === '割' ? '%' : unit, after });
    lastEnd = end;
    lastLabel = label;
  }
  return out;
}

/** The words before a number up to a separator; a bare period word (年間) looks one phrase further back; a number right after another shares its label. */
function labelBefore(t: string, start: number, lastEnd: number, lastLabel: string): string {
  let i = start;
  while (i > 0 && /[ ]/.test(t[i - 1]!)) i--;
  for (let pass = 0; pass < 2; pass++) {
    if (i <= lastEnd) return lastLabel;
    let j = i;
    while (j > 0 && !SEPARATOR.test(t[j - 1]!) && !/\d/.test(t[j - 1]!)) j--;
    if (j > 0 && /\d/.test(t[j - 1]!) && j <= lastEnd + 3) return lastLabel;
    const label = t
      .slice(j, i)
      .replace(/(が|は|の|を|で|に|:)+$/, '')
      .replace(PERIOD_WORDS, '')
      .replace(/(少なくとも|最低)$/, '')
      .replace(/(が|は|の|を|で|に)+$/, '');
    if (label.length >= 2) return label;
    if (label !== '' || j === 0 || /\d/.test(t[j - 1] ?? '')) return '';
    i = j;
    while (i > 0 && SEPARATOR.test(t[i - 1]!)) {
      if (/[(「【［[]/.test(t[i - 1]!)) return '';
      i--;
    }
  }
  return '';
}

/** Two labels naming the same figure: equal, or one ends with the other (区民アンケート回収率 / 回収率). */
export function sameLabel(a: string, b: string): boolean {
  if (a.length < 2 || b.length < 2) return false;
  return a === b || a.endsWith(b) || b.endsWith(a);
}

/**
 * Last year → this year pairs: "1,720人→ 27年度 1,800人" inside one text, else the quantities of
 * 前年度までの実績 matched in order with those reported this year when both list the same units.
 */
export function yearPairs(pastResult: string, reported: readonly string[]): YearPair[] {
  const pairs: YearPair[] = [];
  for (const text of reported) {
    const parts = plain(text).split(/[→⇒]/);
    for (let k = 1; k < parts.length; k++) {
      const left = quantities(parts[k - 1]!)
        .filter((q) => q.unit)
        .pop();
      const right = quantities(parts[k]!).find((q) => q.unit === left?.unit);
      if (left && right)
        pairs.push({ label: left.label || right.label, previous: left.value, current: right.value, unit: left.unit });
    }
  }
  if (pairs.length > 0) return pairs;
  const past = quantities(pastResult).filter((q) => q.unit);
  for (const text of reported) {
    const now = quantities(text).filter((q) => q.unit);
    if (past.length === 0 || now.length !== past.length || now.some((q, k) => q.unit !== past[k]!.unit)) continue;
    return past.map((p, k) => ({
      label: p.label || now[k]!.label,
      previous: p.value,
      current: now[k]!.value,
      unit: p.unit,
    }));
  }
  return pairs;
}

const NUM = '(\\d+(?:\\.\\d+)?)\\s*(%|割)';
const GROWTH = new RegExp(`前年(?:度)?(?:実績)?(?:比|と比べ)?(?:で|の)?(?:増加?|伸び)(?:率)?(?:が|は)?${NUM}`);
const GROWTH_GOAL = new RegExp(`前年(?:度)?(?:実績)?比(?:で)?${NUM}(?:以上)?(?:の)?(?:増|アップ|伸び)`);
const RATIO = new RegExp(`前年(?:度)?(?:実績|同期|比|の実績)?(?:の|比)?${NUM}`);
const INCREASE = /前年(?:度)?.{0,16}?(増やす|増加させ|上回る|増やし)/;

const percentOf = (value: string, unit: string) => Number(value) * (unit === '割' ? 10 : 1);

/** Reads a 撤退基準 or 業績目標 into the thresholds it names; prose it cannot read gives none. */
export function readCriteria(text: string, role: 'withdrawal' | 'goal'): Criterion[] {
  const t = plain(text).replace(/\s/g, '');
  const out: Criterion[] = [];
  const sense = (rest: string) =>
    role === 'withdrawal'
      ? { below: !/^(を?上回|超|以上)/.test(rest), inclusive: /^(以下|以上)/.test(rest) }
      : { below: /^(以下|未満)/.test(rest), inclusive: !/^(未満|超|を?上回)/.test(rest) };
  let rest = t;
  const growth = (role === 'goal' ? GROWTH_GOAL.exec(t) : null) ?? GROWTH.exec(t);
  if (growth) {
    const tail = t.slice(growth.index + growth[0].length).replace(/^(以上の?|の)?(増|アップ|伸び)?/, '');
    out.push({
      kind: 'growth',
      percent: percentOf(growth[1]!, growth[2]!),
      ...(role === 'goal' ? { below: false, inclusive: true } : sense(tail)),
      text: growth[0],
    });
    rest = t.replace(growth[0], '');
  } else {
    const ratio = RATIO.exec(t);
    if (ratio) {
      const tail = t.slice(ratio.index + ratio[0].length);
      if (role === 'withdrawal' ? BELOW.test(tail) || /^(を?上回|超)/.test(tail) : true) {
        out.push({ kind: 'ratio', percent: percentOf(ratio[1]!, ratio[2]!), ...sense(tail), text: ratio[0] });
        rest = t.replace(ratio[0], '');
      }
    } else if (role === 'goal' && INCREASE.test(t)) {
      out.push({ kind: 'increase', text: INCREASE.exec(t)![0] });
    }
  }
  for (const q of quantities(rest)) {
    if (!q.label || /前年|指数/.test(q.label)) continue;
    const below = BELOW.test(q.after);
    if (role === 'withdrawal' && !below && !/^(を?上回|超)/.test(q.after)) continue;
    out.push({
      kind: 'level',
      label: q.label,
      value: q.value,
      unit: q.unit,
      text: `${q.label}${q.value}${q.unit}`,
      ...sense(q.after.replace(/^を/, '')),
    });
  }
  return out;
}

const fmt = (n: number) => formatNumber(n, Number.isInteger(n) ? 3 : 1);
const signed = (n: number) => `${n >= 0 ? '+' : '−'}${fmt(Math.abs(n))}`;

/** Whether the threshold is crossed ("below" criteria: the figure falls under it), per figure it can be applied to. */
export function judge(criterion: Criterion, pairs: readonly YearPair[], now: readonly Quantity[]): Judgement[] {
  const cross = (x: number, limit: number, c: { below: boolean; inclusive: boolean }) =>
    c.below ? (c.inclusive ? x <= limit : x < limit) : c.inclusive ? x >= limit : x > limit;
  const name = (p: YearPair) => (p.label ? `${p.label} ` : '');
  switch (criterion.kind) {
    case 'ratio':
      return pairs
        .filter((p) => p.previous > 0)
        .map((p) => {
          const ratio = (p.current / p.previous) * 100;
          return {
            holds: cross(ratio, criterion.percent, criterion),
            computed: `${name(p)}${fmt(p.previous)}${p.unit}→${fmt(p.current)}${p.unit}（前年度比 ${fmt(ratio)}%）`,
          };
        });
    case 'growth':
      return pairs
        .filter((p) => p.previous > 0)
        .map((p) => {
          const growth = ((p.current - p.previous) / p.previous) * 100;
          return {
            holds: cross(growth, criterion.percent, criterion),
            computed: `${name(p)}${fmt(p.previous)}${p.unit}→${fmt(p.current)}${p.unit}（前年度比 ${signed(growth)}%）`,
          };
        });
    case 'increase':
      return pairs.map((p) => ({
        holds: p.current > p.previous,
        computed: `${name(p)}${fmt(p.previous)}${p.unit}→${fmt(p.current)}${p.unit}`,
      }));
    case 'level':
      return now
        .filter((q) => sameLabel(q.label, criterion.label) && (q.unit === criterion.unit || !q.unit || !criterion.unit))
        .slice(0, 1)
        .map((q) => ({
          holds: cross(q.value, criterion.value, criterion),
          computed: `${q.label} ${fmt(q.value)}${q.unit || criterion.unit}（基準 ${fmt(criterion.value)}${criterion.unit}）`,
        }));
  }
}
