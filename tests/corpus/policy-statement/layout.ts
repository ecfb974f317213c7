// Lays out a 方針書 the ways offices keep it; the content is written by hand in cases.ts.
import type { CellInput, ExpectedSheet, SheetInput } from '../corpus-case.ts';

export interface Priority {
  outcome: string;
  actions: string[];
  firstHalf: string;
  secondHalf: string;
  summary: string;
}

export interface Statement {
  mission: string;
  issues: string;
  slogan: string;
  policy: string;
  priorities: Priority[];
}

export interface StatementLayout {
  sheet: string;
  fiscalYear: number;
  header: CellInput[][];
  /** Section headings 1–8 as written (null leaves the section out). */
  headings: [string, string, string, string, string, string | null, string | null, string | null];
  /** Priorities: 'rows' (（１） | 実現したい成果 | text, then 取組内容), 'table' (a header row 番号 | 実現したい成果 | 取組内容). */
  priorities: 'rows' | 'table';
  /** Sections 6–8: 'text' (one cell of （1）… paragraphs) or 'table' (one row per priority: 番号 | text). */
  reports: 'text' | 'table';
  /** Number of empty columns left of the form. */
  left?: number;
  /** Number words: '（１）' or '(1)'. */
  numbers?: 'full' | 'half';
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨';

export function statementSheet(
  layout: StatementLayout,
  s: Statement,
  body: string,
  organization?: string,
): { sheet: SheetInput; expect: ExpectedSheet } {
  const pad = (cells: CellInput[]) => [...Array<CellInput>(layout.left ?? 0).fill(null), ...cells];
  const no = (i: number) => (layout.numbers === 'half' ? `(${i + 1})` : `（${'１２３４５６７８９'[i]}）`);
  const rows: CellInput[][] = [...layout.header.map(pad), []];
  const [h1, h2, h3, h4, h5, h6, h7, h8] = layout.headings;
  rows.push(pad([h1]), pad([s.mission]), pad([h2]), pad([s.issues]), pad([h3]), pad([s.slogan]), pad([h4]));
  rows.push(pad([s.policy]), pad([h5]));
  const actions = (p: Priority) => p.actions.map((a, i) => `${CIRCLED[i]}${a}`).join('\n');
  if (layout.priorities === 'rows')
    s.priorities.forEach((p, i) => {
      rows.push(pad([no(i), '実現したい成果', null, p.outcome]));
      rows.push(pad([null, '取組内容', null, actions(p)]));
    });
  else {
    rows.push(pad(['番号', '実現したい成果', '取組内容']));
    s.priorities.forEach((p, i) => rows.push(pad([no(i), p.outcome, actions(p)])));
  }
  const report = (heading: string | null, key: 'firstHalf' | 'secondHalf' | 'summary') => {
    if (heading === null) return;
    rows.push([], pad([heading]));
    if (layout.reports === 'text')
      rows.push(pad([s.priorities.map((p, i) => `${no(i)}${p.outcome}\n\u3000${p[key]}`).join('\n')]));
    else s.priorities.forEach((p, i) => rows.push(pad([no(i), p[key]])));
  };
  report(h6, 'firstHalf');
  report(h7, 'secondHalf');
  report(h8, 'summary');
  const fields: Record<string, string> = {
    mission: s.mission,
    slogan: s.slogan,
  };
  const items: Record<string, string[]> = {
    priorities: s.priorities.map((p) => p.outcome),
    actions: s.priorities.flatMap((p) => p.actions),
  };
  const reported = (key: 'firstHalf' | 'secondHalf' | 'summary', heading: string | null) => {
    if (heading === null) return;
    items[`${key === 'firstHalf' ? 'firstHalfReports' : key === 'secondHalf' ? 'secondHalfPlans' : 'summaryReports'}`] =
      s.priorities.map((p) => p[key]);
  };
  reported('firstHalf', h6);
  reported('secondHalf', h7);
  reported('summary', h8);
  // What the summary shows beside each priority: its own 上期 / 下期 / 総括, not only the section's text.
  for (const [key, heading] of [
    ['firstHalf', h6],
    ['secondHalf', h7],
    ['summary', h8],
  ] as const)
    if (heading !== null) items['priorities']!.push(...s.priorities.map((p) => p[key]));
  return {
    sheet: { name: layout.sheet, rows },
    expect: {
      sheet: layout.sheet,
      variant: 'statement',
      body,
      fiscalYear: layout.fiscalYear,
      ...(organization ? { organization } : {}),
      fields,
      items,
    },
  };
}

export const SEED_HEADINGS: StatementLayout['headings'] = [
  '１．組織の使命（ありたい姿）',
  '２．組織の抱える課題（現状）',
  '３．今年度の『スローガン』',
  '４．今年度の方針',
  '５．今年度の重点取組項目',
  '６．方針に対する年度上期（4月～9月）の取組状況',
  '７．年度下期（10月～3月）に向けた課題と取組方針【ギャップと対策】',
  '８．総括（取組みの結果と成果、次年度に向けた課題【結果と成果】）',
];
