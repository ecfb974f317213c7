// What an experienced coordinator checks on a 組織目標管理シート (division and ward sheets).
import type { TableLayout } from '../../extract/index.ts';
import type { Finding } from '../../model/finding.ts';
import type { Measure, MeasureValue, SheetRecord } from '../../model/record.ts';
import { finding } from '../../rules/finding.ts';
import { judgedComparison } from '../../rules/judged-comparison.ts';
import { eraName, eraYear, short } from '../../rules/format.ts';
import type { Rule, RuleContext } from '../../rules/types.ts';
import {
  normalizeText,
  parseFiscalYear,
  parseJapaneseDate,
  toHalfWidth,
  type CalendarDate,
  isNotFinal,
} from '../../values/index.ts';

const C = {
  yearHeader: 'org-goals/year-header-mismatch',
  dateInvalid: 'org-goals/date-invalid',
  dateOrder: 'org-goals/date-order',
  dateOutsideYear: 'org-goals/date-outside-year',
  goalWithoutIndicators: 'org-goals/goal-without-indicators',
  targetMissing: 'org-goals/target-missing',
  resultMissing: 'org-goals/result-missing',
  resultNotFinal: 'org-goals/result-not-final',
  evaluationMissing: 'org-goals/evaluation-missing',
  evaluationContradicts: 'org-goals/evaluation-contradicts',
  explanationMissing: 'org-goals/explanation-missing',
  goalCountMismatch: 'org-goals/goal-count-mismatch',
  achievedOverGoals: 'org-goals/achieved-over-goals',
  achievedCountMissing: 'org-goals/achieved-count-missing',
} as const;

export const ORG_GOALS_CODES = C;

/** The sheet's 年度 as written in its 年度 field (not guessed from the table). */
function sheetYear(record: SheetRecord): number | null {
  const field = record.fields?.['fiscalYear'];
  return field ? parseFiscalYear(field.value) : null;
}

const isDivision = (ctx: RuleContext) => ctx.record.variant === 'division';
const isWard = (ctx: RuleContext) => ctx.record.variant === 'ward';

/** Last year's sheet copied and its headers not moved on: an R2 sheet shows H29/H30/R1 actuals, R2 target/result. */
const yearHeaderRule: Rule = {
  code: C.yearHeader,
  severity: 'error',
  check: (ctx) => {
    const fy = sheetYear(ctx.record);
    if (!isDivision(ctx) || fy === null) return [];
    return ctx.extraction.tables.flatMap((t) => headerFindings(ctx, t.layout, fy));
  },
};

function headerFindings(ctx: RuleContext, layout: TableLayout, fy: number): Finding[] {
  const actuals = layout.years.filter((y) => y.kind === 'actual').sort((a, b) => a.col - b.col);
  // Past years in order up to last year (R1 | R3 on an R4 sheet, a year left out) are labelled correctly too.
  const years = actuals.map((y) => y.year);
  const inOrder =
    years.length > 0 &&
    years.every((year, i) => year !== null && year < fy && (i === 0 || year > (years[i - 1] ?? Infinity))) &&
    years.at(-1) === fy - 1;
  const out: Finding[] = [];
  for (const y of layout.years) {
    if (y.year === null || (inOrder && y.kind === 'actual')) continue;
    const expected = y.kind === 'actual' ? fy - actuals.length + actuals.indexOf(y) : fy;
    if (y.year === expected) continue;
    const western = /^\s*[0-9０-９]{4}/.test(y.header);
    const kindWord = y.header.replace(/^.*?(実績|目標|結果).*$/s, '$1');
    out.push(
      finding(C.yearHeader, 'error', ctx.extraction.index.view.address(layout.headerRow, y.col), {
        header: y.header,
        expected: `${western ? expected : eraYear(expected)}${kindWord === y.header ? '' : kindWord}`,
        fiscalYear: eraName(fy),
      }),
    );
  }
  return out;
}

const DATE_FIELDS = [
  ['createdOn', '作成日'],
  ['revisedOn', '修正日'],
  ['evaluatedOn', '評価日'],
] as const;

interface DateField {
  key: string;
  label: string;
  raw: string;
  cell: string;
  date: CalendarDate | null;
}

function dateFields(record: SheetRecord): DateField[] {
  return DATE_FIELDS.flatMap(([key, label]) => {
    const f = record.fields?.[key];
    return f && f.value.trim() !== ''
      ? [{ key, label, raw: f.value.trim(), cell: f.cell, date: parseJapaneseDate(f.value) }]
      : [];
  });
}

const dayNumber = (d: CalendarDate) => d.year * 10000 + d.month * 100 + d.day;

/** 作成日/修正日/評価日 must be real dates (和暦 or 西暦). */
const dateInvalidRule: Rule = {
  code: C.dateInvalid,
  severity: 'error',
  check: ({ record }) =>
    dateFields(record)
      .filter((d) => d.date === null)
      .map((d) => finding(C.dateInvalid, 'error', d.cell, { label: d.label, raw: d.raw })),
};

/** 作成日 ≤ 修正日 ≤ 評価日. */
const dateOrderRule: Rule = {
  code: C.dateOrder,
  severity: 'error',
  check: ({ record }) => {
    const dates = dateFields(record).filter((d) => d.date !== null);
    const out: Finding[] = [];
    for (let i = 1; i < dates.length; i++) {
      const later = dates[i]!;
      const earlier = dates.slice(0, i).find((d) => dayNumber(d.date!) > dayNumber(later.date!));
      if (earlier)
        out.push(
          finding(C.dateOrder, 'error', later.cell, {
            label: later.label,
            raw: later.raw,
            otherLabel: earlier.label,
            otherRaw: earlier.raw,
          }),
        );
    }
    return out;
  },
};

/** A date far from the sheet's 年度 (last year's 作成日 left on a copied sheet). */
const dateOutsideYearRule: Rule = {
  code: C.dateOutsideYear,
  severity: 'warning',
  check: ({ record }) => {
    const fy = sheetYear(record);
    if (fy === null) return [];
    return dateFields(record)
      .filter(
        (d) => d.date !== null && (dayNumber(d.date) < fy * 10000 + 101 || dayNumber(d.date) > (fy + 1) * 10000 + 1231),
      )
      .map((d) =>
        finding(C.dateOutsideYear, 'warning', d.cell, { label: d.label, raw: d.raw, fiscalYear: eraName(fy) }),
      );
  },
};

/** A goal (No.) with no indicator row. */
const goalWithoutIndicatorsRule: Rule = {
  code: C.goalWithoutIndicators,
  severity: 'error',
  check: ({ record }) =>
    (record.items?.['groups'] ?? [])
      .filter((g) => g['indicators'] === '0' && g['cell'])
      .map((g) =>
        finding(C.goalWithoutIndicators, 'error', g['cell']!, { no: g['group'] ?? '', goal: short(g['goal'] ?? '') }),
      ),
};

function yearValue(m: Measure, kind: MeasureValue['kind'], fy: number | null): MeasureValue | undefined {
  const ofKind = m.values.filter((v) => v.kind === kind);
  return ofKind.find((v) => v.year === fy) ?? ofKind[ofKind.length - 1];
}

function missingValueRule(code: string, kind: MeasureValue['kind'], phases?: Rule['phases']): Rule {
  return {
    code,
    severity: 'error',
    ...(phases ? { phases } : {}),
    check: ({ record }) =>
      record.measures.flatMap((m) => {
        const v = yearValue(m, kind, record.fiscalYear);
        if (!v || !v.blank) return [];
        // 「集計中（5月確定）」 is written, not missing: 要確認 as the summary judges it, saying so.
        if (kind === 'result' && isNotFinal(v.raw))
          return [finding(C.resultNotFinal, 'warning', v.cell, { name: short(m.name), raw: v.raw })];
        return [finding(code, 'error', v.cell, { name: short(m.name), header: v.header ?? '' })];
      }),
  };
}

/** 評価 written by the division, read as achieved / partly / not achieved. */
export function readEvaluation(text: string | null | undefined): 'achieved' | 'partial' | 'missed' | null {
  const t = normalizeText(text ?? '').replace(/\s+/g, '');
  if (t === '') return null;
  if (/未達|達成でき(な|ず)|達成せず|不達成|^[×✕xXCD]$/.test(t)) return 'missed';
  if (/概ね|おおむね|ほぼ|一部|^[△B]$/.test(t)) return 'partial';
  if (/達成|^[○◯〇◎AS]$/.test(t)) return 'achieved';
  return null;
}

/**
 * Whether the result meets the target: the summary's judgement (shared/rules/judged-comparison.ts), so
 * `validate` and `consolidate` never disagree; null when it does not decide (要確認 and the like).
 */
export function judgeResult(
  m: Measure,
  fiscalYear: number | null,
): { met: boolean; basis: string; lower: boolean } | null {
  const judged = judgedComparison(m, fiscalYear);
  return judged.met === null ? null : { met: judged.met, basis: judged.basis, lower: judged.lower };
}

/** 評価 saying 達成 while the result misses the target, or 未達成 while it meets it. */
const evaluationContradictsRule: Rule = {
  code: C.evaluationContradicts,
  severity: 'error',
  phases: ['evaluation'],
  check: ({ record }) =>
    record.measures.flatMap((m) => {
      const target = yearValue(m, 'target', record.fiscalYear);
      const result = yearValue(m, 'result', record.fiscalYear);
      const claim = readEvaluation(m.fields?.['evaluation']);
      const judged = target && result ? judgeResult(m, record.fiscalYear) : null;
      if (
        !judged ||
        !target ||
        !result ||
        claim === null ||
        claim === 'partial' ||
        (claim === 'achieved') === judged.met
      )
        return [];
      return [
        finding(C.evaluationContradicts, 'error', m.cells?.['evaluation'] ?? result.cell, {
          name: short(m.name),
          evaluation: m.fields?.['evaluation'] ?? '',
          target: target.raw,
          result: result.raw,
          direction: judged.lower ? 'lower' : 'higher',
          basis: judged.basis,
        }),
      ];
    }),
};

/** Indicators not achieved while 取り組みの結果について says nothing. */
const explanationMissingRule: Rule = {
  code: C.explanationMissing,
  severity: 'warning',
  phases: ['evaluation'],
  check: ({ record }) => {
    const outcome = record.fields?.['outcome'];
    if (!isDivisionRecord(record) || (outcome && outcome.value.trim() !== '')) return [];
    const missed = record.measures.filter((m) => {
      const claim = readEvaluation(m.fields?.['evaluation']);
      const target = yearValue(m, 'target', record.fiscalYear);
      const result = yearValue(m, 'result', record.fiscalYear);
      const judged = target && result ? judgeResult(m, record.fiscalYear) : null;
      return claim === 'missed' || claim === 'partial' || (claim === null && judged?.met === false);
    });
    if (missed.length === 0) return [];
    return [
      finding(C.explanationMissing, 'warning', outcome?.cell ?? null, {
        count: missed.length,
        names: missed.map((m) => short(m.name, 20)).join('、'),
      }),
    ];
  },
};

const isDivisionRecord = (record: SheetRecord) => record.variant === 'division';

function countOf(text: string | undefined): number | null {
  const t = toHalfWidth(text ?? '').replace(/[\s件個つ]/g, '');
  return /^\d{1,3}$/.test(t) ? Number(t) : null;
}

/** Ward sheet: 目標数 equals the number of 重点目標 listed. */
const goalCountRule: Rule = {
  code: C.goalCountMismatch,
  severity: 'error',
  check: (ctx) => {
    const field = ctx.record.fields?.['goalCount'];
    const listed = ctx.record.items?.['priorities']?.length ?? 0;
    const count = countOf(field?.value);
    if (!isWard(ctx) || !field || count === null || listed === 0 || count === listed) return [];
    return [finding(C.goalCountMismatch, 'error', field.cell, { goalCount: field.value, listed })];
  },
};

/** Ward sheet: 達成数 cannot exceed 目標数; in evaluation it must be filled in. */
const achievedCountRule: Rule = {
  code: C.achievedOverGoals,
  severity: 'error',
  check: (ctx) => {
    const achieved = ctx.record.fields?.['achievedCount'];
    const goals = ctx.record.fields?.['goalCount'];
    if (!isWard(ctx) || !achieved) return [];
    if (achieved.value.trim() === '') {
      return ctx.phase === 'evaluation' ? [finding(C.achievedCountMissing, 'error', achieved.cell, {})] : [];
    }
    const a = countOf(achieved.value);
    const g = countOf(goals?.value);
    return a !== null && g !== null && a > g
      ? [
          finding(C.achievedOverGoals, 'error', achieved.cell, {
            achievedCount: achieved.value,
            goalCount: goals?.value ?? '',
          }),
        ]
      : [];
  },
};

/** 評価 left empty once results are due. */
const evaluationMissingRule: Rule = {
  code: C.evaluationMissing,
  severity: 'error',
  phases: ['evaluation'],
  check: ({ record }) => {
    const seen = new Set<string>();
    return record.measures.flatMap((m) => {
      const cell = m.cells?.['evaluation'];
      if (!cell || m.fields?.['evaluation'] || seen.has(cell)) return [];
      seen.add(cell);
      return [finding(C.evaluationMissing, 'error', cell, { name: short(m.name) })];
    });
  },
};

/** Every check of the 組織目標管理シート, division and ward. */
export const orgGoalsRules: Rule[] = [
  yearHeaderRule,
  dateInvalidRule,
  dateOrderRule,
  dateOutsideYearRule,
  goalWithoutIndicatorsRule,
  missingValueRule(C.targetMissing, 'target'),
  missingValueRule(C.resultMissing, 'result', ['evaluation']),
  evaluationMissingRule,
  evaluationContradictsRule,
  explanationMissingRule,
  goalCountRule,
  achievedCountRule,
];
