import {
  JUDGEMENT_LABELS,
  KIND_ORDER,
  type FamilyTable,
  type Figure,
  type MeasureRow,
  type SummaryModel,
} from '../../shared/summary/index.ts';
import type { CellStyle } from '../xlsx/xlsx-book.ts';
import type { PlannedCell, PlannedRow, SheetPlan } from './sheet-plan.ts';
import { formatNumber } from '../xlsx/format-number.ts';
import { HEADER_STYLE, JUDGED, LINK, numberStyle, RATE, rateValue, TITLE, textWidth } from './sheet-style.ts';

const HEAD_ROW = 2;
/** Width of a number column holding text as written (it wraps there): a few words a line. */
const FIGURE_WIDTH = 8.5;
/** The narrowest number column ("R2目標" on one line) and the widest. */
const FIGURE_MIN = 7;
const FIGURE_MAX = 18;

/**
 * A number column as wide as its widest number as shown ("4,597,752 (2019)"), with room for 游ゴシック's
 * digits, which are a little wider than the column unit's: "#####" never shows in Excel or LibreOffice.
 */
export function figureWidth(figures: readonly (Figure | null | undefined)[]): number {
  let need = FIGURE_MIN;
  for (const f of figures) {
    if (!f) continue;
    if (f.value === null) need = Math.max(need, f.text ? FIGURE_WIDTH : 0);
    else need = Math.max(need, Math.ceil(textWidth(formatNumber(f.value, f.format ?? 'General')) * 1.15 + 2));
  }
  return Math.min(FIGURE_MAX, need);
}
const DISAGREES: CellStyle = JUDGED['not-achieved'];

/** One column of a family sheet: its header, its cell per row, and how it is sized. */
export interface Column {
  label: string;
  /** `previous`: the row above in the same goal (null on a goal's first row). */
  cell: (row: MeasureRow, first: boolean, previous: MeasureRow | null) => PlannedCell | null;
  /** [min, max] width of a wrapping text column, or a fixed width. */
  clamp?: readonly [number, number];
  fixed?: number;
  /** A wrapping text column's width, kept when the page is too narrow (the other columns give way). */
  kept?: number;
}

/**
 * One sheet per form: every measure with its years, target and result as numbers in the format staff
 * wrote them, 判定 colour-coded, one 判定根拠 column that also carries the text as written where it says
 * more than the number, and the source as text (file, sheet, cell). The goal is written once per goal.
 */
export function familyPlan(name: string, table: FamilyTable, model: SummaryModel, title: string): SheetPlan {
  const columns = familyColumns(table);
  const labels = columns.map((c) => c.label);
  const sheetTitle = `${table.title}（${title}）`;
  function* rows(): Generator<readonly [number, PlannedRow]> {
    yield [1, [{ value: sheetTitle, style: TITLE, overflow: true }]];
    yield [HEAD_ROW, labels.map((value) => ({ value, style: HEADER_STYLE }))];
    let r = HEAD_ROW;
    let previousGoal = '';
    let above: MeasureRow | null = null;
    for (const row of table.rows) {
      const goalKey = `${row.division}\u0000${row.group ?? ''}\u0000${row.goal ?? ''}`;
      const first = goalKey !== previousGoal;
      previousGoal = goalKey;
      const previous = first ? null : above;
      yield [++r, columns.map((c) => c.cell(row, first, previous))];
      above = row;
    }
  }
  const clamp: Record<number, readonly [number, number]> = {};
  const fixed: Record<number, number> = {};
  const kept: Record<number, number> = {};
  columns.forEach((c, i) => {
    if (c.clamp) clamp[i + 1] = c.clamp;
    if (c.fixed !== undefined) fixed[i + 1] = c.fixed;
    if (c.kept !== undefined) kept[i + 1] = c.kept;
  });
  return {
    name,
    title,
    rows,
    fit: { fromRow: HEAD_ROW, max: 16 },
    clamp,
    fixed,
    kept,
    freezeRow: HEAD_ROW + 1,
    titleRows: `1:${HEAD_ROW}`,
    autoFilter: { fromRow: HEAD_ROW, toRow: Math.max(HEAD_ROW, HEAD_ROW + table.rows.length), columns: labels.length },
  };
}

function familyColumns(table: FamilyTable): Column[] {
  const rows = table.rows;
  const any = (test: (r: MeasureRow) => boolean): boolean => rows.some(test);
  const hasGoal = any((r) => Boolean(r.goal));
  const wide = table.columns.length <= 2;
  // Fewer, better columns: the goal number leads the goal text, the unit follows the indicator name.
  // A 実施計画 project names its own 担当課; the division column shows it, not the ward that sent the plan.
  const columns: Column[] = [{ label: '課', cell: (r) => ({ value: r.owner ?? r.division }), clamp: [8, 10] }];
  // The division's 主な取組 goes under its goal, in the goal's cell: one column less keeps the page legible.
  const initiatives = any((r) => Boolean(r.written.initiatives));
  if (hasGoal)
    columns.push({
      label: table.family === 'policy-review' ? '取組項目' : initiatives ? 'No.・目標（主な取組）' : 'No.・目標',
      // The goal once; below it a row's own 主な取組 when it differs from the row above (an unmerged sheet
      // writes one per indicator), so none is lost.
      cell: (r, first, previous) => {
        if (first) return { value: goalText(r) };
        const own = tidy(r.written.initiatives);
        return own && own !== tidy(previous?.written.initiatives ?? null) ? { value: `（主な取組）${own}` } : null;
      },
      // With the 主な取組 under it the cell holds a paragraph: kept wide, so its row stays a few lines tall.
      ...(initiatives ? { kept: wide ? 28 : 21 } : { clamp: [18, wide ? 26 : 22] as const }),
    });
  columns.push({
    label: table.family === 'action-plan' ? '事業' : '指標（単位）',
    cell: (r) => ({ value: indicatorText(r, !hasGoal) }),
    clamp: [16, wide ? 26 : 20],
  });
  if (any((r) => Boolean(r.detail)))
    columns.push({ label: '内容', cell: (r) => ({ value: r.detail ?? '' }), clamp: [12, 20] });
  const years = chronological(table);
  columns.push(...years.map((d) => d.column));
  columns.push(
    {
      label: '判定',
      cell: (r) => ({ value: JUDGEMENT_LABELS[r.judgement.judgement], style: JUDGED[r.judgement.judgement] }),
      fixed: 6.5,
    },
    { label: '実績/目標', cell: (r) => ({ value: rateValue(r.judgement.rate), style: RATE }), fixed: 7.5 },
  );
  if (any((r) => Boolean(r.written.evaluation)))
    columns.push({ label: '課の評価', cell: (r) => ({ value: r.written.evaluation ?? '' }), fixed: 7 });
  if (any((r) => r.codes !== null))
    columns.push({
      label: '評価（A/B・ア/イ・a/b）',
      cell: (r) =>
        r.codes ? { value: r.codes.text, ...(r.codes.agrees === false ? { style: DISAGREES } : {}) } : null,
      fixed: 9,
    });
  columns.push({ label: '判定根拠・記載どおりの値', cell: (r) => ({ value: basisText(r, years) }), clamp: [16, 30] });
  if (any((r) => Boolean(r.written.comment))) {
    // The year-end comment once per division, on its first row.
    const firstOf = new Set<MeasureRow>();
    const seen = new Set<string>();
    for (const r of rows) {
      if (seen.has(r.division)) continue;
      seen.add(r.division);
      firstOf.add(r);
    }
    columns.push({
      label: '課の年度末コメント',
      cell: (r) => (firstOf.has(r) && r.written.comment ? { value: tidy(r.written.comment) } : null),
      clamp: [18, 30],
    });
  }
  columns.push(
    ...provenanceColumns(
      any((r) => r.provenance.queued === true),
      any((r) => Boolean(r.provenance.url)),
    ),
  );
  return columns;
}

/** A year column with where it stands: baselines first, then by year, a year's columns in KIND_ORDER. */
interface Dated {
  column: Column;
  /** The value the column shows, whose text as written 判定根拠 quotes when it says more (none: 前年度の報告値). */
  figure: ((row: MeasureRow) => Figure | null | undefined) | null;
  baseline: boolean;
  year: number | null;
  rank: number;
}

/**
 * The year columns in the order a reader reads time: 現状値 first, then every year's columns
 * chronologically, a year's 目標 and 結果 side by side (R2実績 | R3目標 | R3結果 | R4目標). The judged
 * target and result stand in their years; last year's reported result beside that year's restatement.
 * A judged column whose year differs between rows (no year in its header) comes after the dated ones.
 */
export function yearColumns(table: FamilyTable): Column[] {
  return chronological(table).map((d) => d.column);
}

function chronological(table: FamilyTable): Dated[] {
  const rank = (kind: string): number => (KIND_ORDER.indexOf(kind) < 0 ? KIND_ORDER.length : KIND_ORDER.indexOf(kind));
  const dated = (
    label: string,
    figure: (r: MeasureRow) => Figure | null | undefined,
    year: number | null,
    kind: string,
    fixed = figureWidth(table.rows.map(figure)),
  ): Dated => ({
    column: { label, cell: (r) => figureCell(figure(r)), fixed },
    figure,
    baseline: kind === 'baseline',
    year,
    rank: rank(kind),
  });
  // A 現状値 shows its year beside the number: "4,597,752 (2019)".
  const ordered = table.columns.map((c) =>
    c.kind === 'baseline'
      ? dated('現状値（年度）', (r) => r.figures[c.key], null, c.kind)
      : dated(c.label, (r) => r.figures[c.key], c.year, c.kind),
  );
  const judged: Dated[] = [];
  // Last year's reported result, shaded when this year's sheet restates it differently.
  const previousYear = table.rows.find((r) => r.previous !== null)?.previous?.fiscalYear;
  if (previousYear !== undefined) {
    judged.push({
      column: {
        label: '前年度の報告値',
        cell: (r) => figureCell(r.previous?.result, r.previous?.differs === true),
        fixed: figureWidth(table.rows.map((r) => r.previous?.result)),
      },
      figure: null,
      baseline: false,
      year: previousYear,
      rank: KIND_ORDER.length + 1,
    });
  }
  judged.push(
    dated(table.targetLabel, (r) => r.target, table.targetYear ?? null, 'target'),
    dated(table.resultLabel, (r) => r.result, table.resultYear ?? table.targetYear ?? null, 'result'),
  );
  // The judged columns go in among the others, each before the first column that comes later in time.
  for (const j of judged) {
    const at =
      j.year === null
        ? -1
        : ordered.findIndex(
            (d) => !d.baseline && d.year !== null && (d.year > j.year! || (d.year === j.year && d.rank > j.rank)),
          );
    if (at < 0) ordered.push(j);
    else ordered.splice(at, 0, j);
  }
  return ordered;
}

function numbered(group: string | null, goal: string | null): string {
  return [group, goal].filter(Boolean).join('　');
}

/** The goal numbered, and under it the division's 主な取組 when it wrote them. */
function goalText(r: MeasureRow): string {
  const goal = numbered(r.group, r.goal);
  const initiatives = tidy(r.written.initiatives);
  return initiatives ? `${goal}\n（主な取組）${initiatives}` : goal;
}

/**
 * Text as written, its layout spaces undone: a run of spaces that pushed the next item to the next line of
 * a cell becomes a line break, and blank lines go, so the row is as tall as its words.
 */
function tidy(text: string | null): string {
  return (text ?? '')
    .replace(/[ \u3000]{2,}/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

/** The indicator's name as written, numbered when no goal column does: no unit is added that the sheet does not give it. */
function indicatorText(row: MeasureRow, withNumber: boolean): string {
  return withNumber && row.group ? `${row.group}\u3000${row.name}` : row.name;
}

/** A number in its format (text when no number was read); empty when blank. */
export function figureCell(figure: Figure | null | undefined, flagged = false): PlannedCell | null {
  if (!figure) return null;
  // No number read: the text as written, whole, wrapped in its narrow number column.
  if (figure.value === null)
    return flagged ? { value: figure.text, style: JUDGED.pending, wrap: true } : { value: figure.text, wrap: true };
  const style = numberStyle(figure.format, flagged);
  return style ? { value: figure.value, style } : { value: figure.value };
}

/** 判定根拠, then what the cells say beyond their numbers (in full: their cells show only the number), the sheet's own codes and last year's figures. */
function basisText(row: MeasureRow, years: readonly Dated[]): string {
  const lines = [row.relist ? `再掲（集計に含めない）: ${row.judgement.basis}` : row.judgement.basis];
  // In the columns' order, whole; columns saying the same share one quote: R3目標・R4目標「…」.
  const written = new Map<string, string[]>();
  for (const d of years) {
    const note = d.figure?.(row)?.note;
    if (note) written.set(note, [...(written.get(note) ?? []), d.baseline ? '現状値' : d.column.label]);
  }
  if (written.size)
    lines.push(`記載: ${[...written].map(([note, labels]) => `${labels.join('・')}「${note}」`).join('、')}`);
  if (row.codes?.note) lines.push(row.codes.agrees === false ? `要確認: ${row.codes.note}` : row.codes.note);
  const p = row.previous;
  if (p?.differs)
    lines.push(
      `要確認: 前年度の報告値 ${p.result?.text ?? ''} と今年度シートの前年度実績 ${p.restated?.text ?? ''} が異なります`,
    );
  return lines.join('\n');
}

/** The file's name without its folders (提出状況 gives the path as given). */
export function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

/** Where the row came from, as text that survives mailing; in queue mode the submission id and console link. */
export function provenanceColumns(queued: boolean, linked: boolean): Column[] {
  const columns: Column[] = [
    // Narrow (the text wraps) so that the goal and indicator columns have the page's width.
    { label: 'ファイル', cell: (r) => ({ value: baseName(r.provenance.file) }), clamp: [9, 14] },
    { label: 'シート', cell: (r) => ({ value: r.provenance.sheet }), clamp: [6, 10] },
    { label: 'セル', cell: (r) => ({ value: r.provenance.cell }), fixed: 5 },
  ];
  if (queued) {
    columns.push({
      label: '提出ID',
      cell: (r) =>
        r.provenance.url
          ? { value: { text: r.provenance.submissionId, hyperlink: r.provenance.url }, style: LINK }
          : { value: r.provenance.submissionId },
      clamp: [12, linked ? 18 : 16],
    });
  }
  return columns;
}
