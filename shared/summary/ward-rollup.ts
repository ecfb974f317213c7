import type { SheetRecord } from '../model/record.ts';
import { toHalfWidth } from '../values/index.ts';
import type { KeptSheet } from './latest.ts';
import type { Judgement, MeasureRow, PriorityRollup, Provenance, WardRollup } from './types.ts';

const PRIORITY_REF = /重点(?:目標|取組)?\s*[(（]?\s*(?:No\.?|№)?\s*([0-9]+)/gi;

/** The 重点目標 numbers a division goal says it serves ("重点目標1", "（重点2）"); empty when it says none. */
export function priorityRefs(row: MeasureRow): string[] {
  const texts = [row.goal, row.detail, row.group].filter((t): t is string => Boolean(t)).map(toHalfWidth);
  const found = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(PRIORITY_REF)) if (m[1]) found.add(String(Number(m[1])));
  return [...found];
}

/**
 * Rolls the divisions' measures up into the ward sheet's 重点目標: only through references the division
 * goals write themselves; when none do, the roll-up says so instead of guessing.
 */
export function rollUpWard(ward: KeptSheet | undefined, rows: readonly MeasureRow[]): WardRollup | null {
  if (!ward) return null;
  const sheet: SheetRecord = ward.sheet;
  const provenance: Provenance = {
    submissionId: ward.submission.id,
    file: ward.submission.file,
    link: ward.submission.link ?? null,
    sheet: sheet.sheet,
    cell: sheet.fields?.['achievedCount']?.cell ?? 'A1',
  };
  const listed = sheet.items?.['priorities'] ?? [];
  // Each row's references read once, not once per 重点目標.
  const byPriority = new Map<string, MeasureRow[]>();
  if (listed.length > 0) {
    for (const r of rows) {
      for (const no of priorityRefs(r)) {
        const list = byPriority.get(no);
        if (list) list.push(r);
        else byPriority.set(no, [r]);
      }
    }
  }
  const priorities: PriorityRollup[] = listed.map((item, i) => {
    const no = String(Number(toHalfWidth(item['no'] ?? '')) || i + 1);
    const linked = byPriority.get(no) ?? [];
    const counts = emptyCounts();
    for (const r of linked) counts[r.judgement.judgement]++;
    const judged = counts.achieved + counts['not-achieved'];
    const achieved = linked.length === 0 || judged === 0 || counts.pending > 0 ? null : counts['not-achieved'] === 0;
    const byGoal = new Map<string, MeasureRow[]>();
    for (const r of linked) {
      const key = `${r.division}\u0000${r.group ?? r.goal ?? r.name}`;
      const goal = byGoal.get(key);
      if (goal) goal.push(r);
      else byGoal.set(key, [r]);
    }
    const achievedGoals = [...byGoal.values()].filter(
      (goal) =>
        goal.some((r) => r.judgement.judgement === 'achieved') &&
        goal.every((r) => r.judgement.judgement !== 'not-achieved' && r.judgement.judgement !== 'pending'),
    ).length;
    return { no, text: item['text'] ?? '', linkedGoals: byGoal.size, counts, achieved, achievedGoals };
  });
  const stated = {
    statedGoalCount: sheet.fields?.['goalCount']?.value || null,
    statedAchievedCount: sheet.fields?.['achievedCount']?.value || null,
  };
  const anyLinked = priorities.some((p) => p.linkedGoals > 0);
  if (!anyLinked) {
    return {
      organization: sheet.organization,
      ...stated,
      priorities,
      achievedCount: null,
      note: '課の組織目標にどの重点目標に対応するかの記載（例:「重点目標1」）がないため、重点目標ごとの達成数は課の結果から集計できません。区のシートに記入された達成数を表示しています。',
      provenance,
    };
  }
  const undecided = priorities.filter((p) => p.achieved === null).map((p) => p.no);
  const achievedCount = priorities.filter((p) => p.achieved === true).length;
  const note = undecided.length
    ? `課の目標に記載された重点目標の番号から集計しました。重点目標 ${undecided.join('・')} は対応する指標が未評価または対応付けがないため判定できません。`
    : '課の目標に記載された重点目標の番号から集計しました（対応する指標がすべて達成の重点目標を達成と数えます）。';
  return { organization: sheet.organization, ...stated, priorities, achievedCount, note, provenance };
}

/** Zero for every judgement. */
export function emptyCounts(): Record<Judgement, number> {
  return { achieved: 0, 'not-achieved': 0, review: 0, pending: 0, 'no-target': 0, qualitative: 0 };
}
