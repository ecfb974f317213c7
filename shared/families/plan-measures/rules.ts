// What a plan office checks on a 総合計画 施策シート.
import type { Finding } from '../../model/finding.ts';
import type { Measure, MeasureValue } from '../../model/record.ts';
import { finding } from '../../rules/finding.ts';
import { singleFigureTarget } from '../../rules/judged-comparison.ts';
import { short } from '../../rules/format.ts';
import type { Rule, RuleContext } from '../../rules/types.ts';
import { toHalfWidth } from '../../values/index.ts';
import { ACTORS, INDICATOR_KINDS } from './spec.ts';

export const PLAN_MEASURES_CODES = {
  kindUnknown: 'plan-measures/indicator-kind-unknown',
  baselineYearMissing: 'plan-measures/baseline-year-missing',
  targetBelowBaseline: 'plan-measures/target-below-baseline',
  roleMissing: 'plan-measures/role-missing',
} as const;
const C = PLAN_MEASURES_CODES;

const flat = (text: string | null | undefined): string => toHalfWidth(text ?? '').replace(/[\s\u3000]+/g, '');
const valueOf = (m: Measure, kind: 'baseline' | 'target'): MeasureValue | undefined =>
  m.values.find((v) => v.kind === kind);

/** 指標の種類 must be one of 市民取組指標 / 統計指標 / 市民意識指標 — on a sheet whose table has that column. */
const kindRule: Rule = {
  code: C.kindUnknown,
  severity: 'error',
  check: ({ record }) =>
    record.measures
      .filter(
        (m) =>
          m.table === 'outcome' &&
          m.cells?.['kind'] !== undefined &&
          !(INDICATOR_KINDS as readonly string[]).includes(flat(m.fields?.['kind'])),
      )
      .map((m) =>
        finding(C.kindUnknown, 'error', m.cells?.['kind'] ?? m.cell, {
          name: short(m.name),
          kind: m.fields?.['kind'] ?? '',
          kinds: INDICATOR_KINDS.join('・'),
        }),
      ),
};

/** 現状値 names its year ("86.5（2019）"): without it the baseline cannot be compared over time. */
const baselineYearRule: Rule = {
  code: C.baselineYearMissing,
  severity: 'warning',
  check: ({ record }) =>
    record.measures.flatMap((m) => {
      const b = valueOf(m, 'baseline');
      return b && !b.blank && b.year === null
        ? [finding(C.baselineYearMissing, 'warning', b.cell, { name: short(m.name), raw: b.raw })]
        : [];
    }),
};

/** A target below the baseline reads as a decline unless 未満/以下 says lower is better. */
const targetBelowRule: Rule = {
  code: C.targetBelowBaseline,
  severity: 'warning',
  check: ({ record }) =>
    record.measures.flatMap((m) => {
      const b = valueOf(m, 'baseline');
      const t = valueOf(m, 'target');
      if (!b || !t || b.value === null || t.value === null || t.cumulative || b.cumulative) return [];
      if (!singleFigureTarget(t, record.fiscalYear)) return [];
      if (t.value >= b.value || t.comparator === '<' || t.comparator === '<=') return [];
      return [
        finding(C.targetBelowBaseline, 'warning', t.cell, { name: short(m.name), baseline: b.raw, target: t.raw }),
      ];
    }),
};

/** 各主体の役割: 市民 (一般市民), 活動団体 and 民間事業者 each need a row with their role. */
const roleRule: Rule = {
  code: C.roleMissing,
  severity: 'warning',
  check: (ctx) => {
    const roles = ctx.record.items?.['roles'] ?? [];
    const out: Finding[] = [];
    for (const actor of ACTORS) {
      if (roles.some((r) => flat(r['actor']).endsWith(actor) && flat(r['role']) !== '')) continue;
      out.push(finding(C.roleMissing, 'warning', roleCellOf(ctx, actor), { actor }));
    }
    return out;
  },
};

/** The 期待される役割 cell of the actor's row when the row is there but empty, else the roles header. */
function roleCellOf(ctx: RuleContext, actor: string): string | null {
  const { index } = ctx.extraction;
  const table = ctx.extraction.tables.find((t) => t.key === 'roles');
  const roleCol = table?.layout.columns.get('role');
  const actorCol = table?.layout.columns.get('actor');
  if (!table || roleCol === undefined || actorCol === undefined) return null;
  const row = index.cells.find(
    (c) => c.row > table.layout.headerRow && c.col === actorCol && flat(c.text).endsWith(actor),
  );
  return index.view.address(row?.row ?? table.layout.headerRow, row ? roleCol : actorCol);
}

/** The 施策シート rules. */
export const planMeasuresRules: Rule[] = [kindRule, baselineYearRule, targetBelowRule, roleRule];
