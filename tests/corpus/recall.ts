// Recall of the extraction on the variety corpus: what share of what a careful reader knows (form, body,
// year, indicators, their numbers, narrative text, the ward's own sheet) the extraction gives back.
import type { Measure, SheetRecord } from '../../shared/model/record.ts';
import { bodyKey, bodyOfSheet } from '../../shared/summary/group-inputs.ts';
import { normalizeText } from '../../shared/values/normalize.ts';
import { ingestWorkbook } from '../../worker/queue/ingest-workbook.ts';
import { caseWorkbook, type CorpusCase, type ExpectedMeasure, type ExpectedSheet } from './corpus-case.ts';

export const RECALL_METRICS = [
  'families',
  'bodies',
  'years',
  'measures',
  'values',
  'texts',
  'wardSheets',
  'clean',
] as const;
export type RecallMetric = (typeof RECALL_METRICS)[number];

export interface Tally {
  hit: number;
  total: number;
}

export interface FamilyRecall {
  family: string;
  workbooks: number;
  metrics: Record<RecallMetric, Tally>;
  /** What was missed, one line each ("file › sheet: body 北区 read as 団体名不明"). */
  misses: string[];
}

const squash = (t: string) => normalizeText(t).replace(/\s+/g, '');

function emptyMetrics(): Record<RecallMetric, Tally> {
  return Object.fromEntries(RECALL_METRICS.map((m) => [m, { hit: 0, total: 0 }])) as Record<RecallMetric, Tally>;
}

/**
 * Reads every case's workbook as the intake does (read, extract, validate, with its file name) and scores it
 * against its expectation. `clean` counts sheets that carry no error a careful reader would not see: a layout
 * must not make the validator send a well-filled sheet back.
 */
export async function measureRecall(cases: readonly CorpusCase[]): Promise<FamilyRecall[]> {
  const byFamily = new Map<string, FamilyRecall>();
  for (const c of cases) {
    const { sheets } = await ingestWorkbook(await caseWorkbook(c), { file: c.file });
    const recall = byFamily.get(c.family) ?? { family: c.family, workbooks: 0, metrics: emptyMetrics(), misses: [] };
    byFamily.set(c.family, recall);
    recall.workbooks++;
    scoreCase(c, sheets, recall);
  }
  return [...byFamily.values()];
}

function scoreCase(c: CorpusCase, sheets: readonly SheetRecord[], out: FamilyRecall): void {
  const count = (metric: RecallMetric, ok: boolean, miss: () => string) => {
    out.metrics[metric].total++;
    if (ok) out.metrics[metric].hit++;
    else out.misses.push(`${c.file}: ${miss()}`);
  };
  const workbookBody = sheets.map(bodyOfSheet).find((b) => b !== null) ?? null;
  for (const want of c.expect) {
    const sheet = sheets.find((s) => s.sheet === want.sheet);
    const where = `${want.sheet}`;
    count(
      'families',
      sheet?.family === c.family && sheet.variant === want.variant,
      () =>
        `${where} read as ${sheet?.family ?? 'no form'}/${sheet?.variant ?? '-'} (want ${c.family}/${want.variant})`,
    );
    if (want.variant === 'ward' && c.family === 'org-goals')
      count('wardSheets', sheet?.variant === 'ward', () => `${where} is not read as the ward's own sheet`);
    const body = sheet ? (bodyOfSheet(sheet) ?? workbookBody) : null;
    count(
      'bodies',
      (body === null ? '' : bodyKey(body)) === (want.body === null ? '' : bodyKey(want.body)),
      () => `${where} body ${body ?? '団体名不明'} (want ${want.body ?? 'none'})`,
    );
    const errors = (sheet?.findings ?? []).filter((f) => f.severity === 'error');
    const wanted = [...new Set(want.errors ?? [])].sort();
    const got = [...new Set(errors.map((e) => e.code))].sort();
    count(
      'clean',
      JSON.stringify(got) === JSON.stringify(wanted),
      () =>
        `${where} errors ${got.join(', ') || 'none'} (want ${wanted.join(', ') || 'none'}): ${errors.map((e) => `${e.cell} ${e.message}`).join(' / ')}`,
    );
    count(
      'years',
      sheet?.fiscalYear === want.fiscalYear,
      () => `${where} year ${sheet?.fiscalYear} (want ${want.fiscalYear})`,
    );
    if (want.organization !== undefined)
      count(
        'texts',
        squash(sheet?.organization ?? '').endsWith(squash(want.organization)),
        () => `${where} organization ${sheet?.organization} (want ${want.organization})`,
      );
    for (const m of want.measures ?? [])
      scoreMeasure(sheet, m, (metric, ok, miss) => count(metric, ok, () => `${where} ${miss()}`));
    for (const [key, text] of Object.entries(want.fields ?? {}))
      count(
        'texts',
        squash(sheet?.fields?.[key]?.value ?? '').includes(squash(text)),
        () => `${where} field ${key} = ${JSON.stringify(sheet?.fields?.[key]?.value ?? null)} (want …${text}…)`,
      );
    for (const [list, texts] of Object.entries(want.items ?? {}))
      for (const text of texts)
        count(
          'texts',
          (sheet?.items?.[list] ?? []).some((item) =>
            Object.values(item).some((v) => v !== null && squash(v).includes(squash(text))),
          ),
          () => `${where} ${list} lacks …${text}…`,
        );
  }
}

type Count = (metric: RecallMetric, ok: boolean, miss: () => string) => void;

function scoreMeasure(sheet: SheetRecord | undefined, want: ExpectedMeasure, count: Count): void {
  const measure = findMeasure(sheet?.measures ?? [], want.name);
  count('measures', measure !== undefined, () => `measure ${want.name} not found`);
  for (const [key, expected] of Object.entries(want.values ?? {})) {
    if (expected === undefined) continue;
    const [kind, yearText] = key.split(':');
    const year = yearText === '?' ? null : Number(yearText);
    const value = measure?.values.find((v) => v.kind === kind && v.year === year);
    const ok =
      value !== undefined &&
      (typeof expected === 'number' ? value.value === expected : squash(value.raw).includes(squash(expected)));
    count(
      'values',
      ok,
      () => `${want.name} ${key} = ${value ? JSON.stringify(value.raw) : 'missing'} (want ${expected})`,
    );
  }
  for (const [key, expected] of Object.entries(want.fields ?? {}))
    count(
      'values',
      squash(measure?.fields?.[key] ?? '') === squash(expected),
      () => `${want.name} ${key} = ${JSON.stringify(measure?.fields?.[key] ?? null)} (want ${expected})`,
    );
}

function findMeasure(measures: readonly Measure[], name: string): Measure | undefined {
  const wanted = squash(name);
  return measures.find((m) => squash(m.name) === wanted) ?? measures.find((m) => squash(m.name).startsWith(wanted));
}

/** Share as a percentage with one decimal; 100 when nothing was expected. */
export function rate(t: Tally): number {
  return t.total === 0 ? 100 : Math.floor((1000 * t.hit) / t.total) / 10;
}

/** The recall table as the bench prints it. */
export function formatRecall(rows: readonly FamilyRecall[]): string {
  const head = ['family', 'workbooks', ...RECALL_METRICS];
  const lines = rows.map((r) => [
    r.family,
    String(r.workbooks),
    ...RECALL_METRICS.map((m) =>
      r.metrics[m].total === 0 ? '—' : `${rate(r.metrics[m])}% (${r.metrics[m].hit}/${r.metrics[m].total})`,
    ),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  return [head, ...lines].map((l) => l.map((c, i) => c.padEnd(widths[i]!)).join('  ')).join('\n');
}

export type { ExpectedSheet };
