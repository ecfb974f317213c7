// Lays out a 区ビジョンまちづくり計画 実施計画 the ways wards keep it; the projects are written by hand in cases.ts.
import type { CellInput, ExpectedMeasure, ExpectedSheet, SheetInput } from '../corpus-case.ts';

export interface Project {
  no: string;
  name: string;
  summary: string;
  /** One row per 事業内容, each with last year's actual, this year's and next year's target, and its 担当課. */
  rows: { content: string; actual: string; target1: string; target2: string; division: string }[];
}

export interface Measure {
  heading: string;
  projects: Project[];
}

export interface PlanLayout {
  sheet: string;
  /** First fiscal year of the two-year plan. */
  fiscalYear: number;
  header: CellInput[][];
  pillar: string;
  policy: string;
  /** Column captions in order; `years` is replaced by the three year columns. */
  columns: ('no' | 'name' | 'summary' | 'content' | 'years' | 'division' | 'extra')[];
  captions: Record<'no' | 'name' | 'summary' | 'content' | 'division' | 'extra', string>;
  /** Year headers: one row (['R2実績', 'R3目標', 'R4目標']) or a band over the targets (['R2実績', 'R3', 'R4']). */
  years: [string, string, string];
  band?: string;
  /** Repeat the table header under every measure (the seed) or write it once. */
  repeatHeader: boolean;
  /** Merge a project's number, name and summary over its rows. */
  merged?: boolean;
  left?: number;
}

export function planSheet(
  layout: PlanLayout,
  measures: readonly Measure[],
  body: string,
): { sheet: SheetInput; expect: ExpectedSheet } {
  const pad = (cells: CellInput[]) => [...Array<CellInput>(layout.left ?? 0).fill(null), ...cells];
  const rows: CellInput[][] = layout.header.map(pad);
  const merges: string[] = [];
  rows.push([], pad([layout.pillar]), [], pad([layout.policy]));
  const keys = layout.columns.flatMap((c) => (c === 'years' ? ['actual', 'target1', 'target2'] : [c]));
  const letter = (i: number) => String.fromCharCode(65 + (layout.left ?? 0) + i);
  const header = () => {
    if (layout.band) {
      rows.push(
        pad(
          keys.map((k) =>
            k === 'actual'
              ? layout.years[0]
              : k === 'target1'
                ? layout.band!
                : k === 'target2'
                  ? null
                  : layout.captions[k as keyof PlanLayout['captions']],
          ),
        ),
      );
      rows.push(pad(keys.map((k) => (k === 'target1' ? layout.years[1] : k === 'target2' ? layout.years[2] : null))));
      const t1 = keys.indexOf('target1');
      merges.push(`${letter(t1)}${rows.length - 1}:${letter(t1 + 1)}${rows.length - 1}`);
      for (const k of keys)
        if (!['target1', 'target2'].includes(k))
          merges.push(`${letter(keys.indexOf(k))}${rows.length - 1}:${letter(keys.indexOf(k))}${rows.length}`);
    } else
      rows.push(
        pad(
          keys.map((k) =>
            k === 'actual'
              ? layout.years[0]
              : k === 'target1'
                ? layout.years[1]
                : k === 'target2'
                  ? layout.years[2]
                  : layout.captions[k as keyof PlanLayout['captions']],
          ),
        ),
      );
  };
  if (!layout.repeatHeader) header();
  for (const m of measures) {
    rows.push(pad([m.heading]));
    if (layout.repeatHeader) header();
    for (const p of m.projects) {
      const first = rows.length + 1;
      p.rows.forEach((r, i) => {
        const cell: Record<string, CellInput> = {
          no: i === 0 || !layout.merged ? (i === 0 ? p.no : null) : null,
          name: i === 0 ? p.name : null,
          summary: i === 0 ? p.summary : null,
          content: r.content,
          actual: r.actual,
          target1: r.target1,
          target2: r.target2,
          division: r.division,
          extra: null,
        };
        rows.push(pad(keys.map((k) => cell[k] ?? null)));
      });
      if (layout.merged && p.rows.length > 1)
        for (const k of ['no', 'name', 'summary'])
          if (keys.includes(k))
            merges.push(`${letter(keys.indexOf(k))}${first}:${letter(keys.indexOf(k))}${rows.length}`);
    }
    rows.push([]);
  }
  const fy = layout.fiscalYear;
  const expected: ExpectedMeasure[] = measures.flatMap((m) =>
    m.projects.map((p) => ({
      name: p.name,
      values: {
        [`actual:${fy - 1}`]: p.rows[0]!.actual,
        [`target:${fy}`]: p.rows[0]!.target1,
        [`target:${fy + 1}`]: p.rows[0]!.target2,
      },
      fields: { division: p.rows[0]!.division },
    })),
  );
  return {
    sheet: { name: layout.sheet, rows, merges },
    expect: { sheet: layout.sheet, variant: 'plan', body, fiscalYear: fy, measures: expected },
  };
}

export const SEED_COLUMNS: Pick<PlanLayout, 'columns' | 'captions'> = {
  columns: ['no', 'name', 'summary', 'content', 'years', 'division'],
  captions: {
    no: '事業番号',
    name: '事業名',
    summary: '事業概要',
    content: '事業内容',
    division: '担当課',
    extra: '備考',
  },
};
