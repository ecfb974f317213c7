// Lays out a 区政運営基本方針 自己評価 sheet the ways wards keep it; the content is written by hand in cases.ts.
import type { CellInput, ExpectedMeasure, ExpectedSheet, SheetInput } from '../corpus-case.ts';

export interface Outcome {
  section: string;
  item: string;
  indicator: string;
  /** The target as written ("H29年度までに50％以上") and what it means. */
  target: [string, number, number];
  /** This year's value as written ("63.1%" or "…の割合：63.1％") and its number. */
  value: [string, number];
  lastYear?: [string, number];
  rating: string;
}

export interface Action {
  section: string;
  item: string;
  content: string;
  goal: string;
  withdrawal: string;
  result: string;
  achievement: string;
  /** 改善策: what a ③ (撤退基準 breached) or ② action will change. */
  improvement?: string;
}

export interface ReviewLayout {
  sheet: string;
  fiscalYear: number;
  /** Lines above the outcomes table (title, 区名, 年度…). */
  header: CellInput[][];
  /** Header rows of the outcomes table and the column each outcome part goes to (by key), left to right. */
  outcomeHeader: CellInput[][];
  outcomeColumns: (keyof Outcome | 'lastYear' | null)[];
  outcomesTitle?: string;
  actionsTitle: string;
  actionHeader: CellInput[][];
  actionColumns: (keyof Action | null)[];
  /** Rows between the two tables. */
  gap?: number;
  merges?: string[];
}

export function reviewSheet(
  layout: ReviewLayout,
  outcomes: readonly Outcome[],
  actions: readonly Action[],
  body: string,
): { sheet: SheetInput; expect: ExpectedSheet } {
  const rows: CellInput[][] = [...layout.header];
  if (layout.outcomesTitle) rows.push([layout.outcomesTitle]);
  rows.push(...layout.outcomeHeader);
  for (const o of outcomes)
    rows.push(
      layout.outcomeColumns.map((key) => {
        if (key === null) return null;
        if (key === 'target') return o.target[0];
        if (key === 'value') return o.value[0];
        if (key === 'lastYear') return o.lastYear?.[0] ?? '―';
        return o[key];
      }),
    );
  for (let i = 0; i < (layout.gap ?? 1); i++) rows.push([]);
  rows.push([layout.actionsTitle], ...layout.actionHeader);
  for (const a of actions) rows.push(layout.actionColumns.map((key) => (key === null ? null : (a[key] ?? null))));
  const fy = layout.fiscalYear;
  const measures = outcomes.map((o): ExpectedMeasure => ({
    name: o.indicator,
    values: {
      [`target:${o.target[1]}`]: o.target[2],
      [`actual:${fy}`]: o.value[1],
      ...(o.lastYear && layout.outcomeColumns.includes('lastYear') ? { [`actual:${fy - 1}`]: o.lastYear[1] } : {}),
    },
    fields: { rating: o.rating },
  }));
  const sheet: SheetInput = { name: layout.sheet, rows, merges: layout.merges ?? [] };
  return {
    sheet,
    expect: {
      sheet: layout.sheet,
      variant: 'ward',
      body,
      fiscalYear: fy,
      measures,
      items: { actions: actions.flatMap((a) => [a.content, a.withdrawal, a.achievement]) },
    },
  };
}

/** The seed's two header rows and columns (A–O). */
export const SEED_OUTCOMES = {
  outcomeHeader: [
    [
      '項目',
      null,
      '成果指標と目標値',
      null,
      '計画',
      null,
      null,
      'アウトカムの達成状況',
      null,
      null,
      null,
      '戦略のアウトカムに対する有効性',
      '戦略の進捗状況',
      '課題',
      '今後の対応方向',
    ],
    ['施策', '取組', '成果指標', '目標値', 'めざす状態', 'アウトカム', '戦略', '個別', '前年度', '評価', '全体'],
  ],
  outcomeColumns: ['section', 'item', 'indicator', 'target', null, null, null, 'value', 'lastYear', 'rating'],
} satisfies Pick<ReviewLayout, 'outcomeHeader' | 'outcomeColumns'>;

export const SEED_ACTIONS = {
  actionsTitle: '具体的取組',
  actionHeader: [
    [
      '項目',
      null,
      '計画',
      null,
      null,
      null,
      '取組実績',
      null,
      '業績目標の達成状況',
      null,
      '戦略に対する取組の有効性',
      null,
      '課題',
      null,
      '改善策',
    ],
    ['施策', '取組', '取組内容', '業績目標', '撤退基準', '前年度までの実績', '取組実績', null, '実績', '評価'],
  ],
  actionColumns: [
    'section',
    'item',
    'content',
    'goal',
    'withdrawal',
    null,
    'result',
    null,
    null,
    'achievement',
    null,
    null,
    null,
    null,
    'improvement',
  ],
} satisfies Pick<ReviewLayout, 'actionsTitle' | 'actionHeader' | 'actionColumns'>;
