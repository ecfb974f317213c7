import { familyById } from '../families/index.ts';
import type { FamilyId, Measure, MeasureValue } from '../model/record.ts';
import { toHalfWidth } from '../values/index.ts';
import { eraOf, figureOf } from './figure.ts';
import { judgedValues, judgeMeasure } from './judge.ts';
import { isWardSheet } from '../ledger/judge-submission.ts';
import type { LedgerScope } from '../ledger/types.ts';
import { judgeInputs, ledgerOf } from './judge-inputs.ts';
import { keepLatest, type KeptSheet } from './latest.ts';
import { identityNote } from './group-inputs.ts';
import { allRows, sheetsOfRow, statusRows } from './ledger-rows.ts';
import { overviewRows, overviewTotal, previousRates } from './overview.ts';
import { emptyCounts, rollUpWard } from './ward-rollup.ts';
import type {
  DivisionSummary,
  FamilyTable,
  Figure,
  FindingRow,
  MeasureRow,
  PreviousYear,
  Provenance,
  SheetCodes,
  StatementRow,
  SubmissionInput,
  SummaryModel,
  SummaryOptions,
  YearColumn,
} from './types.ts';

const KIND_LABELS: Record<string, string> = {
  actual: '実績',
  target: '目標',
  result: '結果',
  baseline: '現状値',
  plan: '計画',
};
/** The order of a year's columns; the judged target and result of a year stand where 'target' and 'result' do. */
export const KIND_ORDER = ['baseline', 'actual', 'plan', 'target', 'result'];
/** Forms whose result is this year's 達成状況 judged against a target due later. */
const INTERIM: ReadonlySet<string> = new Set(['policy-review']);

/**
 * Builds the summary's rows from every submission: each decided once (the ledger: status word, counted
 * version, reason), the counted versions' figures judged, rolled up, with provenance.
 */
export function buildSummary(submissions: readonly SubmissionInput[], options: SummaryOptions): SummaryModel {
  const fiscalYear = options.fiscalYear;
  const expected = [...options.expectedDivisions];
  const scope: LedgerScope = {
    ward: options.ward ?? '',
    fiscalYear,
    divisions: expected,
    wardSheetDivision: options.scope?.wardSheetDivision ?? null,
    deadline: options.scope?.deadline ?? null,
  };
  const judged = judgeInputs(submissions, scope);
  const ledger = options.ledger ?? ledgerOf(judged, scope);
  const byId = new Map(judged.map((s) => [s.id, s]));
  const divisionSheets = ledger.divisions.flatMap((row) => sheetsOfRow(ledger, row, row.counted, byId));
  const wardSheet = sheetsOfRow(ledger, ledger.wardSheet, ledger.wardSheet.counted, byId).find((k) =>
    isWardSheet(k.sheet),
  );
  const previous = previousIndex(options.previous ?? [], fiscalYear);
  const rows = divisionSheets.flatMap((k) => k.sheet.measures.map((m) => measureRow(k, m, fiscalYear, previous)));
  const tables = familyTables(rows, fiscalYear, divisionSheets);
  const divisions = divisionSummaries(divisionSheets, rows);
  // What needs fixing: the findings of each row's latest version (the counted one when it is the latest).
  const latest = allRows(ledger).flatMap((row) => sheetsOfRow(ledger, row, row.submission, byId));
  const findings: FindingRow[] = latest.flatMap((k) =>
    k.sheet.findings.map((finding) => ({
      division: k.division,
      file: k.submission.file,
      sheet: k.sheet.sheet,
      finding,
    })),
  );
  const lastYear = options.previous?.length
    ? previousRates(options.previous, fiscalYear === null ? null : fiscalYear - 1)
    : null;
  const families = new Map<string, FamilyId[]>();
  for (const k of latest)
    families.set(k.division, [...new Set([...(families.get(k.division) ?? []), k.sheet.family as FamilyId])]);
  const overview = overviewRows({ ledger, divisions, families, previousRates: lastYear });
  const showWardSheet =
    ledger.expectedKnown || ledger.wardSheet.versions.length > 0 || tables.some((t) => t.family === 'org-goals');
  return {
    ward: options.ward ?? wardSheet?.sheet.organization ?? null,
    fiscalYear,
    fiscalYears: [
      ...new Set(
        [...divisionSheets, ...(wardSheet ? [wardSheet] : [])]
          .map((k) => k.sheet.fiscalYear)
          .filter((y): y is number => y !== null),
      ),
    ].sort(),
    generatedAt: options.generatedAt,
    expectedDivisions: expected,
    receivedDivisions: divisions.map((d) => d.division),
    missingDivisions: ledger.divisions.filter((r) => r.expected && r.status === '未提出').map((r) => r.division),
    divisions,
    overview,
    total: overviewTotal(overview, lastYear),
    wardRollup: rollUpWard(wardSheet, rows),
    identityNote: identityNote([...divisionSheets, ...(wardSheet ? [wardSheet] : [])].map((k) => k.sheet)),
    tables,
    statements: statementRows(divisionSheets),
    findings,
    statuses: statusRows(ledger, byId, showWardSheet),
    counts: {
      files: judged.length,
      accepted: judged.filter((s) => !s.pending && s.status === 'accepted').length,
      rejected: judged.filter((s) => !s.pending && s.status === 'rejected').length,
      unreadable: judged.filter((s) => !s.pending && s.status === 'unreadable').length,
    },
    files: judged.map((s) => ({
      id: s.id,
      file: s.file,
      status: s.pending
        ? '処理中'
        : s.status === 'accepted'
          ? '受理'
          : s.status === 'unreadable'
            ? '読込不可'
            : '差戻し',
      reason: s.pending || s.status === 'accepted' ? null : (s.error?.message ?? null),
    })),
    excluded: [...(options.excluded ?? [])],
    ledger,
  };
}

/** Where a sheet's row came from. */
export function provenanceOf(kept: KeptSheet, cell: string): Provenance {
  const s = kept.submission;
  return {
    submissionId: s.id,
    file: s.file,
    link: s.link ?? null,
    queued: s.queued ?? false,
    url: s.url ?? null,
    sheet: kept.sheet.sheet,
    cell,
  };
}

type PreviousIndex = Map<string, { fiscalYear: number; result: Figure | null }>;

function measureKey(family: string, division: string, measure: Measure): string {
  return `${family}\u0000${division}\u0000${measure.name.replace(/\s+/g, '')}`;
}

/** Last year's results by family, division and indicator, from last year's submissions. */
function previousIndex(previous: readonly SubmissionInput[], fiscalYear: number | null): PreviousIndex {
  const index: PreviousIndex = new Map();
  if (fiscalYear === null || previous.length === 0) return index;
  const year = fiscalYear - 1;
  for (const k of keepLatest(previous, (sheet) => sheet.fiscalYear === year)) {
    if (k.submission.status !== 'accepted' || isWardSheet(k.sheet)) continue;
    for (const m of k.sheet.measures) {
      const { result } = judgedValues(m, year, INTERIM.has(k.sheet.family ?? ''));
      index.set(measureKey(k.sheet.family ?? '', k.division, m), {
        fiscalYear: year,
        result: figureOf(result, m.unit),
      });
    }
  }
  return index;
}

function measureRow(
  kept: KeptSheet,
  measure: Measure,
  summaryYear: number | null,
  previous: PreviousIndex,
): MeasureRow {
  const fiscalYear = kept.sheet.fiscalYear ?? summaryYear;
  const family = kept.sheet.family as FamilyId;
  const interim = INTERIM.has(family);
  const { target, result } = judgedValues(measure, fiscalYear, interim);
  const values: Record<string, string> = {};
  const figures: Record<string, Figure> = {};
  for (const v of measure.values) {
    if (v === target || v === result) continue;
    const key = columnKey(v);
    if (!(key in values) || v.raw) values[key] = v.blank ? '' : v.raw;
    const figure = figureOf(v, measure.unit, { showYear: v.kind === 'baseline' });
    if (figure && !(key in figures)) figures[key] = figure;
  }
  const judgement = judgeMeasure(measure, fiscalYear, interim);
  return {
    family,
    division: kept.division,
    fiscalYear,
    group: measure.group,
    goal: measure.fields?.['goal'] ?? measure.fields?.['item'] ?? null,
    name: measure.name,
    detail: measure.detail,
    unit: measure.unit,
    values,
    figures,
    targetText: target && !target.blank ? target.raw : null,
    resultText: result && !result.blank ? result.raw : null,
    target: figureOf(target, measure.unit),
    result: figureOf(result, measure.unit),
    targetYear: target?.year ?? null,
    resultYear: result?.year ?? null,
    judgement,
    codes: codesOf(measure, judgement.judgement),
    previous:
      previous.size === 0 ? null : previousOf(previous.get(measureKey(family, kept.division, measure)), measure),
    provenance: provenanceOf(kept, measure.cell),
    relist: measure.fields?.['relist'] === 'true',
    owner: text(measure.fields?.['division']),
    written: {
      evaluation: text(measure.fields?.['evaluation']),
      initiatives: text(measure.fields?.['initiatives']),
      comment: text(kept.sheet.fields?.['outcome']?.value),
    },
  };
}

function text(value: string | null | undefined): string | null {
  const t = value?.trim();
  return t ? t : null;
}

/** One column per year and kind; a form's 現状値 is one column whatever year each row gives it. */
function columnKey(v: Pick<MeasureValue, 'year' | 'kind'>): string {
  return v.kind === 'baseline' ? 'baseline' : `${v.year ?? ''}:${v.kind}`;
}

function columnLabel(v: Pick<MeasureValue, 'year' | 'kind'>): string {
  return v.kind === 'baseline' ? '現状値' : `${eraOf(v.year)}${KIND_LABELS[v.kind] ?? v.kind}`;
}

const CODE_FIELDS = ['rating', 'effectiveness', 'progress'] as const;

/** The self-evaluation's A/B・ア/イ・a/b and whether the figures say the same as its A/B. */
function codesOf(measure: Measure, judgement: MeasureRow['judgement']['judgement']): SheetCodes | null {
  const written = CODE_FIELDS.map((key) => code(measure.fields?.[key]));
  if (written.every((c) => c === null)) return null;
  const rating = written[0] ?? null;
  const verdict = judgement === 'achieved' ? 'A' : judgement === 'not-achieved' ? 'B' : null;
  const agrees = rating && verdict && /^[AB]$/.test(rating) ? rating === verdict : null;
  const said = judgement === 'achieved' ? '達成' : '未達成';
  const note =
    agrees === null
      ? null
      : agrees
        ? `数値の判定（${said}）とシートの評価「${rating}」は一致します`
        : `数値の判定（${said}）とシートの評価「${rating}」が一致しません`;
  return { text: written.map((c) => c ?? '－').join('・'), rating, agrees, note };
}

function code(text: string | null | undefined): string | null {
  const t = toHalfWidth(text ?? '').trim();
  return t && !/^[－―\-—ー‐]+$/.test(t) ? t : null;
}

/** Last year's reported result beside this year's actual for last year. */
function previousOf(
  last: { fiscalYear: number; result: Figure | null } | undefined,
  measure: Measure,
): PreviousYear | null {
  if (!last) return null;
  const restated = figureOf(
    measure.values.find((v) => v.kind === 'actual' && v.year === last.fiscalYear),
    measure.unit,
  );
  const differs = last.result?.value != null && restated?.value != null && last.result.value !== restated.value;
  return { fiscalYear: last.fiscalYear, result: last.result, restated, differs };
}

function familyTables(
  rows: readonly MeasureRow[],
  fiscalYear: number | null,
  sheets: readonly KeptSheet[],
): FamilyTable[] {
  const families = [
    ...new Set(sheets.filter((k) => k.sheet.measures.length > 0).map((k) => k.sheet.family as FamilyId)),
  ];
  return families.map((family) => {
    const own = rows.filter((r) => r.family === family);
    const columns = new Map<string, YearColumn>();
    for (const sheet of sheets.filter((k) => k.sheet.family === family)) {
      for (const m of sheet.sheet.measures) {
        const { target, result } = judgedValues(m, sheet.sheet.fiscalYear ?? fiscalYear, INTERIM.has(family));
        for (const v of m.values) {
          if (v === target || v === result) continue;
          const key = columnKey(v);
          if (!columns.has(key))
            columns.set(key, { key, year: v.kind === 'baseline' ? null : v.year, kind: v.kind, label: columnLabel(v) });
        }
      }
    }
    const baselineFirst = (c: YearColumn): number => (c.kind === 'baseline' ? 0 : 1);
    const sorted = [...columns.values()].sort(
      (a, b) =>
        baselineFirst(a) - baselineFirst(b) ||
        (a.year ?? 0) - (b.year ?? 0) ||
        KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
    );
    const targetYear = commonYear(own.map((r) => r.targetYear));
    const resultYear = commonYear(own.map((r) => r.resultYear));
    const interim = INTERIM.has(family);
    const shownResultYear =
      (resultYear === undefined ? (targetYear ?? fiscalYear) : (resultYear ?? targetYear ?? fiscalYear)) ?? null;
    return {
      family,
      title: familyById(family)?.title ?? family,
      columns: sorted,
      targetLabel: targetYear === undefined ? '目標' : `${eraOf(targetYear)}目標`,
      resultLabel: `${eraOf(shownResultYear)}${interim ? '達成状況' : '結果'}`,
      targetYear: targetYear ?? null,
      resultYear: shownResultYear,
      rows: own,
    };
  });
}

/** The one year every row shares (null rows ignored), else undefined. */
function commonYear(years: readonly (number | null)[]): number | null | undefined {
  const known = new Set(years.filter((y): y is number => y !== null));
  if (known.size === 1) return [...known][0];
  return known.size === 0 && years.length > 0 ? null : undefined;
}

/** The 方針書's 重点取組項目 with 実現したい成果, 取組内容 and what 上期・下期・総括 report on each. */
function statementRows(sheets: readonly KeptSheet[]): StatementRow[] {
  return sheets
    .filter((k) => k.sheet.family === 'policy-statement')
    .flatMap((k) =>
      (k.sheet.items?.['priorities'] ?? []).map((item, i) => ({
        division: k.division,
        fiscalYear: k.sheet.fiscalYear,
        no: String(Number(toHalfWidth(item['no'] ?? '')) || i + 1),
        outcome: item['outcome'] ?? item['title'] ?? item['text'] ?? '',
        actions: item['actions'] ?? '',
        firstHalf: item['firstHalf'] ?? '',
        secondHalf: item['secondHalf'] ?? '',
        summary: item['summary'] ?? '',
        provenance: provenanceOf(k, item['outcomeCell'] ?? item['cell'] ?? 'A1'),
      })),
    );
}

function divisionSummaries(sheets: readonly KeptSheet[], rows: readonly MeasureRow[]): DivisionSummary[] {
  const rowsOf = groupBy(
    rows.filter((r) => !r.relist),
    (r) => r.division,
  );
  const sheetsOf = groupBy(sheets, (k) => k.division);
  return [...sheetsOf].map(([division, own]) => {
    const measures = rowsOf.get(division) ?? [];
    const counts = emptyCounts();
    for (const r of measures) counts[r.judgement.judgement]++;
    const judged = counts.achieved + counts['not-achieved'];
    return {
      division,
      families: [...new Set(own.map((k) => k.sheet.family as FamilyId))],
      goals: new Set(measures.map((r) => `${r.family}\u0000${r.group ?? r.goal ?? r.name}`)).size,
      indicators: measures.length,
      counts,
      achievementRate: judged === 0 ? null : Math.round((counts.achieved / judged) * 1000) / 10,
    };
  });
}

/** Items by key in one pass, keys in order of first appearance, items in their original order. */
export function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
