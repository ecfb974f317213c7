import { familyById } from '../families/index.ts';
import type { FamilyId, Measure, SheetRecord } from '../model/record.ts';
import { judgedValues, judgeMeasure } from './judge.ts';
import { bySubmissionTime, divisionOf, isWardSheet, keepLatest, type KeptSheet } from './latest.ts';
import { emptyCounts, rollUpWard } from './ward-rollup.ts';
import type {
  DivisionSummary,
  FamilyTable,
  FindingRow,
  MeasureRow,
  StatusRow,
  SubmissionInput,
  SummaryModel,
  SummaryOptions,
  YearColumn,
} from './types.ts';

const KIND_LABELS: Record<string, string> = { actual: '実績', target: '目標', result: '結果', baseline: '現状値', plan: '計画' };
const KIND_ORDER = ['baseline', 'actual', 'plan', 'target', 'result'];

/** Builds the summary's rows from every submission: latest per division, judged, rolled up, with provenance. */
export function buildSummary(submissions: readonly SubmissionInput[], options: SummaryOptions): SummaryModel {
  const fiscalYear = options.fiscalYear;
  const inScope = (sheet: SheetRecord): boolean => fiscalYear === null || sheet.fiscalYear === null || sheet.fiscalYear === fiscalYear;
  const kept = keepLatest(submissions, inScope);
  const divisionSheets = kept.filter((k) => !isWardSheet(k.sheet));
  const rows = divisionSheets.flatMap((k) => k.sheet.measures.map((m) => measureRow(k, m, fiscalYear)));
  const tables = familyTables(rows, fiscalYear, divisionSheets);
  const divisions = divisionSummaries(divisionSheets, rows);
  const received = divisions.map((d) => d.division);
  const expected = [...options.expectedDivisions];
  const wardSheet = [...kept].reverse().find((k) => isWardSheet(k.sheet));
  const findings: FindingRow[] = kept.flatMap((k) =>
    k.sheet.findings.map((finding) => ({ division: isWardSheet(k.sheet) ? k.sheet.organization : k.division, file: k.submission.file, sheet: k.sheet.sheet, finding })),
  );
  return {
    ward: options.ward ?? wardSheet?.sheet.organization ?? null,
    fiscalYear,
    fiscalYears: [...new Set(kept.map((k) => k.sheet.fiscalYear).filter((y): y is number => y !== null))].sort(),
    generatedAt: options.generatedAt,
    expectedDivisions: expected,
    receivedDivisions: received,
    missingDivisions: expected.filter((d) => !received.includes(d)),
    divisions,
    wardRollup: rollUpWard(wardSheet, rows),
    tables,
    findings,
    statuses: statusRows(submissions, kept, expected, fiscalYear, inScope),
    counts: {
      files: submissions.length,
      accepted: submissions.filter((s) => s.status === 'accepted').length,
      rejected: submissions.filter((s) => s.status === 'rejected').length,
      unreadable: submissions.filter((s) => s.status === 'unreadable').length,
    },
    excluded: [...(options.excluded ?? [])],
  };
}

function measureRow(kept: KeptSheet, measure: Measure, summaryYear: number | null): MeasureRow {
  const fiscalYear = kept.sheet.fiscalYear ?? summaryYear;
  const { target, result } = judgedValues(measure, fiscalYear);
  const values: Record<string, string> = {};
  for (const v of measure.values) {
    if (v === target || v === result) continue;
    const key = columnKey(v.year, v.kind);
    if (!(key in values) || v.raw) values[key] = v.blank ? '' : v.raw;
  }
  return {
    family: kept.sheet.family as FamilyId,
    division: kept.division,
    fiscalYear,
    group: measure.group,
    goal: measure.fields?.['goal'] ?? null,
    name: measure.name,
    detail: measure.detail,
    unit: measure.unit,
    values,
    targetText: target && !target.blank ? target.raw : null,
    resultText: result && !result.blank ? result.raw : null,
    judgement: judgeMeasure(measure, fiscalYear),
    provenance: { submissionId: kept.submission.id, file: kept.submission.file, link: kept.submission.link ?? null, sheet: kept.sheet.sheet, cell: measure.cell },
    relist: measure.fields?.['relist'] === 'true',
  };
}

function columnKey(year: number | null, kind: string): string {
  return `${year ?? ''}:${kind}`;
}

function familyTables(rows: readonly MeasureRow[], fiscalYear: number | null, sheets: readonly KeptSheet[]): FamilyTable[] {
  const families = [...new Set(sheets.map((k) => k.sheet.family as FamilyId))];
  return families.map((family) => {
    const own = rows.filter((r) => r.family === family);
    const columns = new Map<string, YearColumn>();
    for (const sheet of sheets.filter((k) => k.sheet.family === family)) {
      for (const m of sheet.sheet.measures) {
        const { target, result } = judgedValues(m, sheet.sheet.fiscalYear ?? fiscalYear);
        for (const v of m.values) {
          if (v === target || v === result) continue;
          const key = columnKey(v.year, v.kind);
          if (!columns.has(key)) columns.set(key, { key, year: v.year, kind: v.kind, label: `${v.year ?? ''}${KIND_LABELS[v.kind] ?? v.kind}` });
        }
      }
    }
    const sorted = [...columns.values()].sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
    return { family, title: familyById(family)?.title ?? family, columns: sorted, rows: own };
  });
}

function divisionSummaries(sheets: readonly KeptSheet[], rows: readonly MeasureRow[]): DivisionSummary[] {
  const rowsOf = groupBy(rows.filter((r) => !r.relist), (r) => r.division);
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
function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function statusRows(
  submissions: readonly SubmissionInput[],
  kept: readonly KeptSheet[],
  expected: readonly string[],
  fiscalYear: number | null,
  inScope: (sheet: SheetRecord) => boolean,
): StatusRow[] {
  const used = new Set(kept.map((k) => k.submission));
  const ordered = [...submissions].sort(bySubmissionTime).reverse();
  const rows: StatusRow[] = [];
  const listed = new Set<SubmissionInput>();
  const byDivision = new Map<string, SubmissionInput[]>();
  for (const s of ordered) {
    for (const division of divisionsOf(s)) {
      const mine = byDivision.get(division);
      if (mine) mine.push(s);
      else byDivision.set(division, [s]);
    }
  }
  for (const division of expected) {
    const mine = byDivision.get(division) ?? [];
    const pick = mine.find((s) => used.has(s)) ?? mine[0];
    if (!pick) {
      rows.push({ division, file: null, submittedAt: null, sha256: null, state: 'missing', reason: '未提出です' });
      continue;
    }
    rows.push(statusRow(pick, division, used, fiscalYear, inScope));
    listed.add(pick);
    for (const other of mine) if (other !== pick) { rows.push(statusRow(other, division, used, fiscalYear, inScope)); listed.add(other); }
  }
  for (const s of ordered) if (!listed.has(s)) rows.push(statusRow(s, divisionsOf(s).join('・') || null, used, fiscalYear, inScope));
  return rows;
}

function divisionsOf(s: SubmissionInput): string[] {
  if (s.division) return [s.division];
  return [...new Set(s.sheets.filter((sh) => sh.family).map((sh) => divisionOf(s, sh)))];
}

function statusRow(s: SubmissionInput, division: string | null, used: Set<SubmissionInput>, fiscalYear: number | null, inScope: (sheet: SheetRecord) => boolean): StatusRow {
  const base = { division, file: s.file, submittedAt: s.submittedAt ?? s.mtime, sha256: s.sha256 };
  if (s.status === 'unreadable') return { ...base, state: 'unreadable', reason: s.error?.message ?? '読み込めません' };
  if (s.status === 'rejected') return { ...base, state: 'rejected', reason: s.error?.message ?? '検証でエラーがありました' };
  if (used.has(s)) return { ...base, state: 'used', reason: null };
  const known = s.sheets.filter((sh) => sh.family);
  if (known.length === 0) return { ...base, state: 'out-of-scope', reason: '既知の様式のシートがありません' };
  if (!known.some(inScope)) {
    const years = [...new Set(known.map((sh) => sh.fiscalYear))].join('・');
    return { ...base, state: 'out-of-scope', reason: `対象年度（${fiscalYear ?? '不明'}年度）と異なる年度のシートです（${years}年度）` };
  }
  return { ...base, state: 'superseded', reason: 'より新しい提出に差し替えられました' };
}
