// Lays out a 総合計画 施策シート the ways cities keep it; the indicators are written by hand in cases.ts.
import type { CellInput, ExpectedMeasure, ExpectedSheet, SheetInput } from '../corpus-case.ts';

export interface PlanIndicator {
  kind?: string;
  name: string;
  /** Baseline as written ("86.5（2019）") and what it means: value and year. */
  baseline: [string, number, number];
  target: [string, number];
}

export interface MeasureSheet {
  goal: string;
  basicPolicy: string;
  measure: string;
  vision: string;
  outcomes: PlanIndicator[];
  actions: { item: string; content: string }[];
  process: PlanIndicator[];
  division: string;
}

export interface MeasureLayout {
  sheet: string;
  /** The plan's target year (目標値（2025年）). */
  targetYear: number;
  title: string;
  /** Header texts of the indicator tables (name, baseline, target) — the target header names its year. */
  headers: { kind: string | null; name: string; baseline: string; target: string };
  outcomeTitle: string;
  processTitle: string;
  /** Put the 担当課 on the 主な取組内容 line (the seed) or on a line of its own. */
  divisionLine?: boolean;
  left?: number;
}

export function measureSheet(
  layout: MeasureLayout,
  m: MeasureSheet,
  body: string | null,
): { sheet: SheetInput; expect: ExpectedSheet } {
  const pad = (cells: CellInput[]) => [...Array<CellInput>(layout.left ?? 0).fill(null), ...cells];
  const h = layout.headers;
  const rows: CellInput[][] = [
    [layout.title],
    [m.goal],
    [m.basicPolicy],
    [m.measure],
    [],
    ['◆施策の目指す姿'],
    [m.vision],
    [],
    [layout.outcomeTitle],
  ].map(pad);
  const table = (list: PlanIndicator[], withKind: boolean) => {
    rows.push(pad([...(withKind && h.kind ? [h.kind] : []), h.name, h.baseline, h.target]));
    for (const i of list)
      rows.push(pad([...(withKind && h.kind ? [i.kind ?? null] : []), i.name, i.baseline[0], i.target[0]]));
  };
  table(m.outcomes, true);
  rows.push([], pad(['◆現状と課題']), pad(['担い手が不足している。']), []);
  if (layout.divisionLine) rows.push(pad(['◆主な取組内容']), pad(['担当課', m.division]));
  else rows.push(pad(['◆主な取組内容', null, null, m.division]));
  rows.push(pad(['取組項目', '具体的な内容']));
  for (const a of m.actions) rows.push(pad([a.item, a.content]));
  rows.push([], pad([layout.processTitle]));
  table(m.process, false);
  const expected = (list: PlanIndicator[]): ExpectedMeasure[] =>
    list.map((i) => ({
      name: i.name,
      values: { [`baseline:${i.baseline[2]}`]: i.baseline[1], [`target:${layout.targetYear}`]: i.target[1] },
    }));
  return {
    sheet: { name: layout.sheet, rows },
    expect: {
      sheet: layout.sheet,
      variant: 'measure',
      body,
      fiscalYear: layout.targetYear,
      measures: [...expected(m.outcomes), ...expected(m.process)],
      items: { actions: m.actions.map((a) => a.content) },
    },
  };
}
