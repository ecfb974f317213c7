// What a coordinator checks on a 区政運営基本方針 自己評価: codes from the printed legends, the numbers
// behind ①/③ and A, and the free-text columns a code obliges (改善策, 今後の対応方向).
import type { TableSpec } from '../../families/spec.ts';
import { parseA1 } from '../../grid/index.ts';
import type { Finding } from '../../model/finding.ts';
import type { Measure, MeasureValue } from '../../model/record.ts';
import { finding } from '../../rules/finding.ts';
import { singleFigureTarget } from '../../rules/judged-comparison.ts';
import { short } from '../../rules/format.ts';
import type { Rule, RuleContext } from '../../rules/types.ts';
import { toHalfWidth } from '../../values/index.ts';
import { isDash, judge, quantities, readCriteria, yearPairs, type Judgement } from './figures.ts';

const C = {
  codeUnknown: 'policy-review/code-unknown',
  improvementMissing: 'policy-review/improvement-missing',
  directionMissing: 'policy-review/direction-missing',
  withdrawalTriggered: 'policy-review/withdrawal-triggered',
  withdrawalNotTriggered: 'policy-review/withdrawal-not-triggered',
  achievementContradicts: 'policy-review/achievement-contradicts',
  ratingContradicts: 'policy-review/rating-contradicts',
  ratingWorsening: 'policy-review/rating-worsening',
  ratingUnderstated: 'policy-review/rating-understated',
  goalMissing: 'policy-review/goal-missing',
  withdrawalMissing: 'policy-review/withdrawal-missing',
  achievementMissing: 'policy-review/achievement-missing',
} as const;

export const POLICY_REVIEW_CODES = C;

/** Which legend of the spec each coded column is rated with, by table. */
const CODED: Record<string, Record<string, string>> = {
  outcomes: { rating: 'outcome', overall: 'outcome', effectiveness: 'effectiveness', progress: 'progress' },
  actions: { achievement: 'achievement', effective: 'actionEffect' },
};

/** A code as the legend prints it: half-width, ○/× and ①(ⅰ) however they were typed (Ｂ, ｂ, ①（i）, 1(ii), ◯, ✕). */
export function normalizeCode(text: string | null | undefined): string {
  let t = toHalfWidth(text ?? '').replace(/\s+/g, '');
  if (/^[xX✕✖╳]$/.test(t)) return '×';
  if (/^[◯〇○]$/.test(t)) return '○';
  t = t.replace(/^([1-3])(?=[(iIⅰⅱⅠⅡ]|$)/, (d) => '①②③'[Number(d) - 1]!);
  return t.replace(/^([①②③])\(?(ii|II|ⅱ|Ⅱ)\)?$/, '$1(ⅱ)').replace(/^([①②③])\(?(i|I|ⅰ|Ⅰ)\)?$/, '$1(ⅰ)');
}

interface Row {
  measure: Measure;
  table: TableSpec;
}

/** Every row of the sheet's tables with the spec it was read with (outcome indicators and 具体的取組). */
function rows(ctx: RuleContext, key: string): Row[] {
  const table = ctx.extraction.variant?.tables?.find((t) => t.key === key);
  if (!table) return [];
  return ctx.extraction.tables
    .filter((t) => t.key === key)
    .flatMap((t) => t.measures.map((measure) => ({ measure, table })));
}

/** The cell holds its own text (a value carried down from an unmerged cell above is reported there, once). */
function ownText(ctx: RuleContext, cell: string | undefined): cell is string {
  const p = cell ? parseA1(cell) : undefined;
  return p !== undefined && ctx.extraction.index.view.text(p.row, p.col) !== '';
}

const captionOf = (table: TableSpec, key: string) => table.columns.find((c) => c.key === key)?.caption ?? key;
const field = (m: Measure, key: string) => m.fields?.[key] ?? '';
/** How a message names a 具体的取組: its code 【4-1-2】 when it has one, else the start of its text. */
const actionName = (m: Measure) => /^【[^】]+】/.exec(toHalfWidth(m.name).trim())?.[0] ?? short(m.name, 24);

/** A code that is not in the legend the form prints for its column. */
const codeUnknownRule: Rule = {
  code: C.codeUnknown,
  severity: 'error',
  check: (ctx) => {
    const legends = ctx.extraction.family?.legends ?? {};
    const out: Finding[] = [];
    const seen = new Set<string>();
    for (const [tableKey, columns] of Object.entries(CODED)) {
      for (const { measure, table } of rows(ctx, tableKey)) {
        for (const [key, legendKey] of Object.entries(columns)) {
          const legend = legends[legendKey];
          const value = field(measure, key);
          const cell = measure.cells?.[key];
          if (!legend || isDash(value) || !ownText(ctx, cell) || seen.has(cell)) continue;
          seen.add(cell);
          if (legend.some((l) => normalizeCode(l.code) === normalizeCode(value))) continue;
          out.push(
            finding(C.codeUnknown, 'error', cell, {
              label: captionOf(table, key),
              value: short(value, 20),
              allowed: legend.map((l) => `${l.code}（${l.meaning}）`).join('、'),
            }),
          );
        }
      }
    }
    return out;
  },
};

/** A free-text column the code obliges: ③ or × needs 改善策, イ needs 今後の対応方向. */
function obligedRule(code: string, tableKey: string, need: string, when: Record<string, readonly string[]>): Rule {
  return {
    code,
    severity: 'error',
    check: (ctx) => {
      const seen = new Set<string>();
      return rows(ctx, tableKey).flatMap(({ measure, table }) => {
        const hit = Object.entries(when).find(
          ([key, codes]) => codes.includes(normalizeCode(field(measure, key))) && ownText(ctx, measure.cells?.[key]),
        );
        const cell = measure.cells?.[need];
        if (!hit || !cell || !isDash(field(measure, need)) || seen.has(cell)) return [];
        seen.add(cell);
        return [
          finding(code, 'error', cell, {
            name: actionName(measure),
            label: captionOf(table, hit[0]),
            value: field(measure, hit[0]).trim(),
            need: captionOf(table, need),
          }),
        ];
      });
    },
  };
}

interface ActionFigures {
  withdrawal: Judgement[];
  goal: Judgement[];
}

/** The 撤退基準 and 業績目標 of an action applied to its reported figures (実績, then 取組実績; last year from 前年度までの実績). */
function actionFigures(m: Measure): ActionFigures {
  const reported = [field(m, 'figures'), field(m, 'result')].filter((t) => !isDash(t));
  const pairs = yearPairs(field(m, 'pastResult'), reported);
  const now = reported.flatMap((t) => quantities(t));
  const apply = (text: string, role: 'withdrawal' | 'goal') =>
    isDash(text) ? [] : readCriteria(text, role).flatMap((c) => judge(c, pairs, now));
  return { withdrawal: apply(field(m, 'withdrawal'), 'withdrawal'), goal: apply(field(m, 'goal'), 'goal') };
}

const computed = (js: readonly Judgement[]) => js.map((j) => j.computed).join('、');

/** ③ (撤退基準未達成) against what the reported figures say of the 撤退基準, both ways. */
const withdrawalRule: Rule = {
  code: C.withdrawalTriggered,
  severity: 'error',
  check: (ctx) =>
    rows(ctx, 'actions').flatMap(({ measure }) => {
      const code = normalizeCode(field(measure, 'achievement'));
      const cell = measure.cells?.['achievement'] ?? measure.cell;
      if (isDash(code)) return [];
      const judged = actionFigures(measure).withdrawal;
      const triggered = judged.filter((j) => j.holds);
      const params = {
        name: actionName(measure),
        criterion: short(field(measure, 'withdrawal'), 40),
        code: field(measure, 'achievement').trim(),
      };
      if (triggered.length > 0 && code !== '③')
        return [finding(C.withdrawalTriggered, 'error', cell, { ...params, computed: computed(triggered) })];
      if (judged.length > 0 && triggered.length === 0 && code === '③')
        return [finding(C.withdrawalNotTriggered, 'warning', cell, { ...params, computed: computed(judged) })];
      return [];
    }),
};

/** ① (目標達成) while the reported figures miss a 業績目標 the rule can read. */
const achievementRule: Rule = {
  code: C.achievementContradicts,
  severity: 'error',
  check: (ctx) =>
    rows(ctx, 'actions').flatMap(({ measure }) => {
      if (!normalizeCode(field(measure, 'achievement')).startsWith('①')) return [];
      const missed = actionFigures(measure).goal.filter((j) => !j.holds);
      if (missed.length === 0) return [];
      return [
        finding(C.achievementContradicts, 'error', measure.cells?.['achievement'] ?? measure.cell, {
          name: actionName(measure),
          goal: short(field(measure, 'goal'), 40),
          code: field(measure, 'achievement').trim(),
          computed: computed(missed),
        }),
      ];
    }),
};

/** 業績目標, 撤退基準 and, in evaluation, the achievement code go together on an action. */
const actionCompleteRule: Rule = {
  code: C.withdrawalMissing,
  severity: 'warning',
  check: (ctx) =>
    rows(ctx, 'actions').flatMap(({ measure }) => {
      const goal = field(measure, 'goal');
      const at = (key: string) => measure.cells?.[key] ?? measure.cell;
      const name = actionName(measure);
      if (isDash(goal)) {
        const claims = ['withdrawal', 'achievement'].filter((k) => !isDash(field(measure, k)));
        return goal.trim() !== '' && claims.length > 0 ? [finding(C.goalMissing, 'error', at('goal'), { name })] : [];
      }
      const out: Finding[] = [];
      if (isDash(field(measure, 'withdrawal')))
        out.push(finding(C.withdrawalMissing, 'warning', at('withdrawal'), { name }));
      if (ctx.phase === 'evaluation' && isDash(field(measure, 'achievement')))
        out.push(finding(C.achievementMissing, 'error', at('achievement'), { name }));
      return out;
    }),
};

const LOWER_WORDS = /削減|減少|抑制|低減|縮減/;

/** Whether the value meets the target, reading the target's 以上/以下/未満 (or 削減… in the indicator) for direction. */
function meets(m: Measure, target: MeasureValue, value: number): { met: boolean; lower: boolean } | null {
  if (target.value === null || !singleFigureTarget(target, target.year)) return null;
  const cmp = target.comparator;
  const lower = cmp === '<=' || cmp === '<' || (cmp === null && LOWER_WORDS.test(m.name));
  const met = lower
    ? cmp === '<'
      ? value < target.value
      : value <= target.value
    : cmp === '>'
      ? value > target.value
      : value >= target.value;
  return { met, lower };
}

/** アウトカムの達成状況 against the indicator: A while the target is missed at its deadline or the value moved away from it; B while already met. */
const ratingRule: Rule = {
  code: C.ratingContradicts,
  severity: 'error',
  check: (ctx) => {
    const fy = ctx.record.fiscalYear;
    return rows(ctx, 'outcomes').flatMap(({ measure }) => {
      const rating = normalizeCode(field(measure, 'rating'));
      const target = measure.values.find((v) => v.kind === 'target');
      const actuals = measure.values.filter((v) => v.kind === 'actual' && v.value !== null);
      const current = actuals.find((v) => v.year === fy) ?? actuals[0];
      const previous = actuals.find((v) => fy !== null && v.year === fy - 1);
      if (!target || !current || current === previous || (rating !== 'A' && rating !== 'B')) return [];
      const judged = meets(measure, target, current.value!);
      if (!judged) return [];
      const cell = measure.cells?.['rating'] ?? current.cell;
      const params = {
        name: short(measure.name),
        rating: field(measure, 'rating').trim(),
        target: target.raw,
        current: String(current.value),
        direction: judged.lower ? 'lower' : 'higher',
      };
      if (rating === 'B') return judged.met ? [finding(C.ratingUnderstated, 'warning', cell, params)] : [];
      if (judged.met) return [];
      const due = target.year === null || fy === null || target.year <= fy;
      if (due) return [finding(C.ratingContradicts, 'error', cell, params)];
      const worse =
        previous?.value != null && (judged.lower ? current.value! > previous.value : current.value! < previous.value);
      return worse
        ? [finding(C.ratingWorsening, 'warning', cell, { ...params, previous: String(previous.value) })]
        : [];
    });
  },
};

/** Every check of the 区政運営基本方針 自己評価. */
export const policyReviewRules: Rule[] = [
  codeUnknownRule,
  obligedRule(C.improvementMissing, 'actions', 'improvement', { achievement: ['③'], effective: ['×'] }),
  obligedRule(C.directionMissing, 'outcomes', 'direction', { effectiveness: ['イ'] }),
  withdrawalRule,
  achievementRule,
  actionCompleteRule,
  ratingRule,
];
