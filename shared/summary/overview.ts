import type { Ledger, LedgerStatus } from '../ledger/types.ts';
import type { FamilyId } from '../model/record.ts';
import { judgeMeasure } from './judge.ts';
import { isWardSheet } from '../ledger/judge-submission.ts';
import { divisionOf, keepLatest } from './latest.ts';
import type { DivisionState, DivisionSummary, OverviewRow, OverviewTotal, SubmissionInput } from './types.ts';
import { emptyCounts } from './ward-rollup.ts';

export interface OverviewInput {
  ledger: Ledger;
  /** Counts of the divisions' counted versions. */
  divisions: readonly DivisionSummary[];
  /** The forms of each row's latest version (shown when no version counts). */
  families: ReadonlyMap<string, readonly FamilyId[]>;
  /** Last year's 達成率 per division, when last year's submissions are in the input. */
  previousRates: ReadonlyMap<string, number | null> | null;
}

const STATE_OF: Record<LedgerStatus, DivisionState> = {
  受理: 'accepted',
  差戻し: 'rejected',
  読込不可: 'unreadable',
  未提出: 'missing',
  処理中: 'processing',
};

/**
 * The 概要's rows, one per ledger row (the expected divisions in the configured order, then every other
 * division that sent something, then files no division can be told from), each with the ledger's word and
 * reason, and the figures of its counted version — which may be an older 受理 one when the latest was sent
 * back or is being checked (the reason says so).
 */
export function overviewRows(input: OverviewInput): OverviewRow[] {
  const { ledger } = input;
  const counted = new Map(input.divisions.map((d) => [d.division, d]));
  return [...ledger.divisions, ...ledger.unattributed].map((row) => {
    const d = row.counted === null ? undefined : counted.get(row.division);
    const latest = row.versions.find((v) => v.latest);
    return {
      division: row.division,
      state: STATE_OF[row.status],
      reason: row.reason,
      file: latest?.file ?? null,
      families: [...(d?.families ?? input.families.get(row.division) ?? [])],
      counted: row.counted,
      indicators: d?.indicators ?? 0,
      counts: d ? { ...d.counts } : emptyCounts(),
      achievementRate: d?.achievementRate ?? null,
      previousRate: input.previousRates?.get(row.division) ?? null,
    };
  });
}

/** The 合計 row over the divisions with a counted version: 達成率 = all 達成 ÷ all (達成 + 未達成). */
export function overviewTotal(
  rows: readonly OverviewRow[],
  previousRates: ReadonlyMap<string, number | null> | null,
): OverviewTotal {
  const counts = emptyCounts();
  let indicators = 0;
  for (const r of rows) {
    if (r.counted === null) continue;
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
