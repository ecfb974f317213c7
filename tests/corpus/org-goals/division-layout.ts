// Lays out a division's 組織目標管理シート the many ways offices keep it: the content (goals, indicators,
// numbers as typed) is written by hand in cases.ts; this only places it on the sheet.
import type { CellInput, ExpectedMeasure, ExpectedValues, SheetInput } from '../corpus-case.ts';

/** A typed value and what a reader takes it for, when the two differ ("16講座実施" → 16). */
export type Typed = number | string | [typed: string, means: number | string];

export interface Indicator {
  name: string;
  /** Three prior years' actuals, the year's target and its result. */
  actuals: [Typed, Typed, Typed];
  target: Typed;
  result: Typed;
  note?: string;
  evaluation?: string;
}

export interface Goal {
  goal: string;
  initiatives: string;
  indicators: Indicator[];
}

export interface DivisionLayout {
  sheet: string;
  fiscalYear: number;
  /** Rows above the form (a logo line, 取扱注意…) and empty columns left of it. */
  top?: number;
  left?: number;
  /** The header lines above the table, each a row of cells (labels and values as the office writes them). */
  header: CellInput[][];
  /** Headers of the five year columns, e.g. ['Ｈ30実績', 'R1実績', 'R2実績', 'R3目標', 'R3結果']. */
  years: [string, string, string, string, string];
  /** Captions of No., goal, initiatives, indicator, note and evaluation columns, in this order; null drops it. */
  captions?: Partial<
    Record<'no' | 'goal' | 'initiatives' | 'indicator' | 'note' | 'evaluation' | 'extra', string | null>
  >;
  /** Merge a goal's No./goal/initiatives cells over its indicator rows (else written on the first row only). */
  merged?: boolean;
  /** Repeat the goal's text on every indicator row (a merge undone by copy-paste). */
  repeated?: boolean;
  /** Start a second table, header repeated, before this goal (a page break copied into the sheet). */
  splitBefore?: number;
  /** Lines below the table (※ notes, 取り組みについて…). */
  footer?: CellInput[][];
  notes?: Record<string, string>;
}

const DEFAULT_CAPTIONS = {
  no: 'No.',
  goal: '組織目標',
  initiatives: '主な取組（事業）',
  indicator: '項目（単位）',
  note: '補足・参考指標',
  evaluation: '目標達成状況 評価',
  extra: null,
} as const;

/** The sheet of a layout and the measures a reader expects from it. */
export function divisionSheet(
  layout: DivisionLayout,
  goals: readonly Goal[],
): { sheet: SheetInput; measures: ExpectedMeasure[] } {
  const captions = { ...DEFAULT_CAPTIONS, ...layout.captions };
  const pad = (cells: CellInput[]) => [...Array<CellInput>(layout.left ?? 0).fill(null), ...cells];
  const rows: CellInput[][] = Array.from({ length: layout.top ?? 0 }, () => []);
  const merges: string[] = [];
  for (const line of layout.header) rows.push(pad(line));
  rows.push([]);
  const columns: { key: string; caption: string }[] = [];
  for (const key of ['no', 'goal', 'initiatives', 'indicator'] as const)
    if (captions[key] !== null) columns.push({ key, caption: captions[key] });
  layout.years.forEach((caption, i) => columns.push({ key: `year${i}`, caption }));
  for (const key of ['note', 'evaluation', 'extra'] as const)
    if (captions[key] !== null && captions[key] !== undefined) columns.push({ key, caption: captions[key] });
  const header = () => rows.push(pad(columns.map((c) => c.caption)));
  header();
  const col = (key: string) => (layout.left ?? 0) + columns.findIndex((c) => c.key === key);
  goals.forEach((g, gi) => {
    if (layout.splitBefore === gi) {
      rows.push([], pad(['（つづき）']));
      header();
    }
    const first = rows.length;
    g.indicators.forEach((ind, ii) => {
      const show = ii === 0 || layout.repeated === true;
      const row: Record<string, CellInput> = {
        no: show ? gi + 1 : null,
        goal: show ? g.goal : null,
        initiatives: show ? g.initiatives : null,
        indicator: ind.name,
        note: ind.note ?? null,
        evaluation: ind.evaluation ?? null,
        extra: null,
      };
      [...ind.actuals, ind.target, ind.result].forEach((v, i) => (row[`year${i}`] = typedText(v)));
      rows.push(pad(columns.map((c) => row[c.key] ?? null)));
    });
    const last = rows.length;
    if (layout.merged && last > first)
      for (const key of ['no', 'goal', 'initiatives'])
        if (col(key) >= (layout.left ?? 0)) merges.push(`${letter(col(key))}${first + 1}:${letter(col(key))}${last}`);
  });
  for (const line of layout.footer ?? []) rows.push(pad(line));
  const fy = layout.fiscalYear;
  const measures = goals.flatMap((g) =>
    g.indicators.map((ind): ExpectedMeasure => {
      const values: ExpectedValues = {};
      ind.actuals.forEach((v, i) => {
        const m = meant(v);
        if (m !== null) values[`actual:${fy - 3 + i}`] = m;
      });
      const t = meant(ind.target);
      const r = meant(ind.result);
      if (t !== null) values[`target:${fy}`] = t;
      if (r !== null) values[`result:${fy}`] = r;
      const fields: Record<string, string> = {};
      if (ind.evaluation && captions.evaluation !== null) fields['evaluation'] = ind.evaluation;
      return { name: ind.name, values, ...(Object.keys(fields).length > 0 ? { fields } : {}) };
    }),
  );
  const sheet: SheetInput = { name: layout.sheet, rows, merges };
  if (layout.notes) sheet.notes = layout.notes;
  return { sheet, measures };
}

function typedText(v: Typed): CellInput {
  return Array.isArray(v) ? v[0] : v;
}

/** What a reader takes a typed value for; null for a blank (－, ―). */
function meant(v: Typed): number | string | null {
  if (Array.isArray(v)) return v[1];
  if (typeof v === 'number') return v;
  return /^[－―\-ー]?$/.test(v.trim()) ? null : v;
}

export function letter(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
