import type { FamilyId } from '../model/record.ts';
import { judgeMeasure } from './judge.ts';
import { divisionOf, fileNamed, isWardSheet, keepLatest, type KeptSheet } from './latest.ts';
import type { DivisionSummary, OverviewRow, OverviewTotal, SubmissionInput } from './types.ts';
import { emptyCounts } from './ward-rollup.ts';

export interface OverviewInput {
  submissions: readonly SubmissionInput[];
  /** The latest read sheet per family and division (accepted or sent back). */
  kept: readonly KeptSheet[];
  /** Counts of the accepted divisions. */
  divisions: readonly DivisionSummary[];
  expected: readonly string[];
  /** Last year's 達成率 per division, when last year's submissions are in the input. */
  previousRates: ReadonlyMap<string, number | null> | null;
}

/** Label of a file whose division nothing names. */
const UNKNOWN = '（課名不明）';

/**
 * The 概要's rows: the expected divisions in the configured order, then every other division that sent
 * something, then files no division can be told from. A division is 受理 when its latest sheets were
 * accepted, 差戻し when its latest file has errors (its older versions are not counted instead), 読込不可
 * when all it sent cannot be read, 未提出 when it sent nothing.
 */
export function overviewRows(input: OverviewInput): OverviewRow[] {
  const { submissions, kept, divisions, expected } = input;
  const rows: OverviewRow[] = [];
  const accepted = new Map(divisions.map((d) => [d.division, d]));
  const sentBack = new Map<string, KeptSheet>();
  for (const k of kept)
    if (k.submission.status === 'rejected' && !isWardSheet(k.sheet) && !sentBack.has(k.division))
      sentBack.set(k.division, k);
  const wards = new Set(kept.filter((k) => isWardSheet(k.sheet)).map((k) => k.division));
  const unreadable = submissions.filter(
    (s) => s.status === 'unreadable' || (s.status === 'rejected' && !s.sheets.some((sh) => sh.family)),
  );
  const attributed = new Map<SubmissionInput, string>();
  for (const s of unreadable) {
    const named = s.division ?? fileNamed(s.file, expected);
    if (named) attributed.set(s, named);
  }
  const names = [
    ...new Set([...expected, ...divisions.map((d) => d.division), ...sentBack.keys(), ...attributed.values()]),
  ].filter((d) => !wards.has(d) || expected.includes(d));
  const previous = (division: string): number | null => input.previousRates?.get(division) ?? null;
  for (const division of names) {
    const d = accepted.get(division);
    if (d) {
      rows.push({
        division,
        state: 'accepted',
        reason: null,
        file: null,
        families: d.families,
        indicators: d.indicators,
        counts: d.counts,
        achievementRate: d.achievementRate,
        previousRate: previous(division),
      });
      continue;
    }
    const back = sentBack.get(division);
    if (back) {
      const errors = back.submission.sheets.reduce(
        (n, sh) => n + sh.findings.filter((f) => f.severity === 'error').length,
        0,
      );
      const reason =
        errors > 0
          ? `エラー ${errors} 件（検証結果を参照）`
          : (back.submission.error?.message ?? '検証でエラーがありました');
      const families = [...new Set(kept.filter((k) => k.division === division).map((k) => k.sheet.family as FamilyId))];
      rows.push({
        ...blank(division, previous(division)),
        state: 'rejected',
        reason,
        file: back.submission.file,
        families,
      });
      continue;
    }
    const unread = [...attributed].filter(([, d]) => d === division).map(([s]) => s);
    if (unread.length > 0) {
      rows.push({
        ...blank(division, previous(division)),
        state: unread[0]!.status === 'unreadable' ? 'unreadable' : 'rejected',
        reason: reasonOf(unread[0]!),
        file: unread[0]!.file,
      });
      continue;
    }
    rows.push({ ...blank(division, previous(division)), state: 'missing' });
  }
  for (const s of unreadable) {
    if (attributed.has(s)) continue;
    rows.push({
      ...blank(UNKNOWN, null),
      state: s.status === 'unreadable' ? 'unreadable' : 'rejected',
      reason: reasonOf(s),
      file: s.file,
    });
  }
  return rows;
}

function blank(division: string, previousRate: number | null): OverviewRow {
  return {
    division,
    state: 'missing',
    reason: null,
    file: null,
    families: [],
    indicators: 0,
    counts: emptyCounts(),
    achievementRate: null,
    previousRate,
  };
}

function reasonOf(s: SubmissionInput): string {
  return s.error?.message ?? '読み込めません';
}

/** The 合計 row over the accepted divisions: 達成率 = all 達成 ÷ all (達成 + 未達成). */
export function overviewTotal(
  rows: readonly OverviewRow[],
  previousRates: ReadonlyMap<string, number | null> | null,
): OverviewTotal {
  const counts = emptyCounts();
  let indicators = 0;
  for (const r of rows) {
    if (r.state !== 'accepted') continue;
    indicators += r.indicators;
    for (const key of Object.keys(counts) as (keyof typeof counts)[]) counts[key] += r.counts[key];
  }
  return {
    indicators,
    counts,
    achievementRate: rateOf(counts.achieved, counts['not-achieved']),
    previousRate: previousRates?.get('') ?? null,
  };
}

function rateOf(achieved: number, notAchieved: number): number | null {
  const judged = achieved + notAchieved;
  return judged === 0 ? null : Math.round((achieved / judged) * 1000) / 10;
}

/** Last year's 達成率 per division (and in total under ""), from last year's accepted submissions. */
export function previousRates(previous: readonly SubmissionInput[], year: number | null): Map<string, number | null> {
  const tally = new Map<string, { achieved: number; notAchieved: number }>();
  const total = { achieved: 0, notAchieved: 0 };
  for (const k of keepLatest(previous, (sheet) => year === null || sheet.fiscalYear === year)) {
    if (k.submission.status !== 'accepted' || isWardSheet(k.sheet)) continue;
    const division = divisionOf(k.submission, k.sheet);
    const t = tally.get(division) ?? { achieved: 0, notAchieved: 0 };
    for (const m of k.sheet.measures) {
      if (m.fields?.['relist'] === 'true') continue;
      const j = judgeMeasure(m, k.sheet.fiscalYear ?? year, k.sheet.family === 'policy-review').judgement;
      if (j === 'achieved') {
        t.achieved++;
        total.achieved++;
      } else if (j === 'not-achieved') {
        t.notAchieved++;
        total.notAchieved++;
      }
    }
    tally.set(division, t);
  }
  const rates = new Map<string, number | null>([...tally].map(([d, t]) => [d, rateOf(t.achieved, t.notAchieved)]));
  rates.set('', rateOf(total.achieved, total.notAchieved));
  return rates;
}
