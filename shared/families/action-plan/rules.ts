// What a coordinator checks on a 実施計画 sheet: numbering, names, 担当課, targets, (再) links, units, period.
import type { TableRead } from '../../extract/index.ts';
import type { Finding } from '../../model/finding.ts';
import type { Measure } from '../../model/record.ts';
import { finding } from '../../rules/finding.ts';
import { eraYear, rowOfCell, short } from '../../rules/format.ts';
import type { Rule, RuleContext } from '../../rules/types.ts';
import { normalizeText, parseFiscalYear, toHalfWidth } from '../../values/index.ts';

const C = {
  numberGap: 'action-plan/number-gap',
  numberDuplicate: 'action-plan/number-duplicate',
  nameMissing: 'action-plan/name-missing',
  divisionMissing: 'action-plan/division-missing',
  summaryMissing: 'action-plan/summary-missing',
  targetMissing: 'action-plan/target-missing',
  relistUnmatched: 'action-plan/relist-unmatched',
  relistDiffers: 'action-plan/relist-differs',
  unitChanges: 'action-plan/unit-changes',
  periodMismatch: 'action-plan/period-mismatch',
} as const;

export const ACTION_PLAN_CODES = C;

/** One 事業: consecutive rows of a table block with the same 事業番号 and 事業名. */
interface Project {
  table: TableRead;
  rows: Measure[];
  no: number | null;
  /** The 事業番号 cell (its merge's top-left). */
  cell: string;
}

const isRelist = (m: Measure) => m.fields?.['relist'] === 'true';

function projectsOf(ctx: RuleContext): Project[] {
  const out: Project[] = [];
  const { view } = ctx.extraction.index;
  for (const table of ctx.extraction.tables) {
    const groupCol = table.layout.columns.get('no');
    let current: Project | undefined;
    for (const m of table.measures) {
      const row = rowOfCell(m.cell);
      const cell = groupCol === undefined ? m.cell : view.address(row, groupCol);
      if (current && current.rows[0]!.group === m.group && current.rows[0]!.name === m.name && current.cell === cell) {
        current.rows.push(m);
        continue;
      }
      const digits = toHalfWidth(m.group ?? '').trim();
      current = { table, rows: [m], no: /^\d{1,3}$/.test(digits) ? Number(digits) : null, cell };
      out.push(current);
    }
  }
  return out;
}

/** Where a project sits: pillar › policy › measure headings (the table block when there are none). */
function placeOf(p: Project): string {
  const f = p.rows[0]!.fields ?? {};
  const place = [f['pillar'], f['policy'], f['measure']].filter(Boolean).join(' › ');
  return place || `table@${p.table.layout.headerRow}`;
}

/** 事業番号 run 1, 2, 3… within each (1) measure: a skipped number or one used twice is a slip. */
const numberingRule: Rule = {
  code: C.numberGap,
  severity: 'warning',
  check: (ctx) => {
    const out: Finding[] = [];
    const byPlace = new Map<string, Project[]>();
    for (const p of projectsOf(ctx)) {
      if (p.no === null || isRelist(p.rows[0]!)) continue;
      const list = byPlace.get(placeOf(p)) ?? [];
      list.push(p);
      byPlace.set(placeOf(p), list);
    }
    for (const projects of byPlace.values()) {
      const measure = short(projects[0]!.rows[0]!.fields?.['measure'] ?? '', 24);
      const seen = new Map<number, Project>();
      let previous = 0;
      for (const p of projects) {
        const no = p.no!;
        const earlier = seen.get(no);
        if (earlier) {
          out.push(
            finding(C.numberDuplicate, 'warning', p.cell, {
              no,
              name: short(p.rows[0]!.name),
              other: short(earlier.rows[0]!.name),
              otherCell: earlier.cell,
              measure,
            }),
          );
        } else if (no > previous + 1) {
          out.push(
            finding(C.numberGap, 'warning', p.cell, {
              no,
              expected: previous + 1,
              name: short(p.rows[0]!.name),
              measure,
            }),
          );
        }
        seen.set(no, p);
        previous = Math.max(previous, no);
      }
    }
    return out;
  },
};

/** Every row needs its 事業名 and 担当課; every project its 事業概要. */
const requiredTextRule: Rule = {
  code: C.nameMissing,
  severity: 'error',
  check: (ctx) => {
    const out: Finding[] = [];
    for (const p of projectsOf(ctx)) {
      const first = p.rows[0]!;
      if (first.name.trim() === '')
        out.push(
          finding(C.nameMissing, 'error', first.cell, { no: first.group ?? '', detail: short(first.detail ?? '') }),
        );
      const summaryCell = first.cells?.['summary'];
      if (summaryCell && !first.fields?.['summary'])
        out.push(finding(C.summaryMissing, 'warning', summaryCell, { name: short(first.name) }));
      for (const m of p.rows) {
        const cell = m.cells?.['division'];
        if (cell && !m.fields?.['division'])
          out.push(finding(C.divisionMissing, 'error', cell, { name: short(m.name), detail: short(m.detail ?? '') }));
      }
    }
    return out;
  },
};

/** Each plan year (工程・数値目標 R3, R4 …) needs a target, even if it is 「実施」 or 「(R3で事業終了)」. */
const targetMissingRule: Rule = {
  code: C.targetMissing,
  severity: 'error',
  check: (ctx) =>
    ctx.record.measures.flatMap((m) =>
      m.values
        .filter((v) => v.kind === 'target' && v.raw.trim() === '')
        .map((v) =>
          finding(C.targetMissing, 'error', v.cell, {
            name: short(m.name),
            detail: short(m.detail ?? ''),
            header: v.header ?? (v.year === null ? '' : eraYear(v.year)),
          }),
        ),
    ),
};

/** A (再) row names a project that is not on the sheet, or repeats it with other figures. */
const relistRule: Rule = {
  code: C.relistUnmatched,
  severity: 'warning',
  check: (ctx) => {
    const out: Finding[] = [];
    const byCell = new Map(ctx.record.measures.map((m) => [m.cell, m]));
    for (const m of ctx.record.measures.filter(isRelist)) {
      const originalCell = m.fields?.['relistCell'];
      if (!originalCell) {
        out.push(finding(C.relistUnmatched, 'warning', m.cell, { name: short(m.name) }));
        continue;
      }
      const original =
        ctx.record.measures.find((o) => o.cell === originalCell && o.detail === m.detail) ?? byCell.get(originalCell);
      if (!original) continue;
      const differs = m.values.find((v, i) => normalizeText(v.raw) !== normalizeText(original.values[i]?.raw ?? ''));
      if (differs) {
        const theirs = original.values[m.values.indexOf(differs)];
        out.push(
          finding(C.relistDiffers, 'warning', differs.cell, {
            name: short(m.name),
            header: differs.header ?? '',
            raw: short(differs.raw, 20),
            originalRaw: short(theirs?.raw ?? '', 20),
            originalCell: theirs?.cell ?? original.cell,
          }),
        );
      }
    }
    return out;
  },
};

/** R2実績 in 件 and R3 target in 回: the row's figures must count the same thing. */
const unitChangesRule: Rule = {
  code: C.unitChanges,
  severity: 'warning',
  check: (ctx) =>
    ctx.record.measures.flatMap((m) => {
      const withUnit = m.values.filter((v) => v.value !== null && v.unit);
      const first = withUnit[0];
      const same = (a: string, b: string) => a === b || a.endsWith(b) || b.endsWith(a);
      const other = withUnit.find((v) => !same(v.unit!, first?.unit ?? ''));
      if (!first || !other) return [];
      return [
        finding(C.unitChanges, 'warning', other.cell, {
          name: short(m.name),
          header: other.header ?? '',
          unit: other.unit ?? '',
          firstHeader: first.header ?? '',
          firstUnit: first.unit ?? '',
        }),
      ];
    }),
};

/** The plan period (令和3年度～令和4年度) as first and last fiscal year. */
export function planYears(period: string): { first: number; last: number } | null {
  const parts = normalizeText(period)
    .split(/[~〜\-－―]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length !== 2) return null;
  const first = parseFiscalYear(parts[0]!);
  if (first === null) return null;
  const n1 = Number(/(\d+|元)/.exec(parts[0]!)?.[1]?.replace('元', '1'));
  const n2 = Number(/(\d+|元)/.exec(parts[1]!)?.[1]?.replace('元', '1'));
  const last =
    parseFiscalYear(parts[1]!) ??
    (Number.isFinite(n1) && Number.isFinite(n2) && n1 < 1900 && n2 < 100 ? first + n2 - n1 : null);
  return last !== null && last >= first ? { first, last } : null;
}

/** Year headers copied from the last plan: targets must be the period's years, the actual the year before. */
const periodRule: Rule = {
  code: C.periodMismatch,
  severity: 'error',
  check: (ctx) => {
    const period = ctx.record.fields?.['period'];
    const years = period ? planYears(period.value) : null;
    if (!period || !years) return [];
    const { view } = ctx.extraction.index;
    const out: Finding[] = [];
    for (const table of ctx.extraction.tables) {
      for (const y of table.layout.years) {
        if (y.year === null) continue;
        const ok =
          y.kind === 'actual'
            ? y.year === years.first - 1
            : y.kind !== 'target' || (y.year >= years.first && y.year <= years.last);
        if (!ok)
          out.push(
            finding(C.periodMismatch, 'error', view.address(table.layout.headerRow, y.col), {
              header: y.header,
              period: period.value,
              expected:
                y.kind === 'actual'
                  ? `${eraYear(years.first - 1)}実績`
                  : `${eraYear(years.first)}～${eraYear(years.last)}`,
            }),
          );
      }
      const targets = new Set(table.layout.years.filter((y) => y.kind === 'target').map((y) => y.year));
      for (let fy = years.first; fy <= years.last; fy++) {
        if (!targets.has(fy) && table.layout.years.length > 0)
          out.push(
            finding(C.periodMismatch, 'error', view.address(table.layout.headerRow, table.layout.years.at(-1)!.col), {
              header: '',
              period: period.value,
              expected: eraYear(fy),
            }),
          );
      }
    }
    return out;
  },
};

/** The rules of the action-plan family, in the order their findings read best. */
export const actionPlanRules: Rule[] = [
  periodRule,
  numberingRule,
  requiredTextRule,
  targetMissingRule,
  relistRule,
  unitChangesRule,
];
