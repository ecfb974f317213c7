import type { DivisionState, Judgement, OverviewRow, SummaryModel } from '../../shared/summary/index.ts';
import { eraAbbreviation } from '../../shared/values/format-year.ts';
import { eraFiscalYear } from '../../shared/values/index.ts';
import { fileNameOnly, reasonNaming, type FileNamer } from './file-names.ts';
import type { CellStyle, ChartSpec } from '../xlsx/xlsx-book.ts';
import { DIVISION_STATE_LABELS, FAMILY_SHORT, jst } from './labels.ts';
import type { PlannedCell, PlannedRow, SheetPlan } from './sheet-plan.ts';
import {
  BOLD,
  fill,
  FILLS,
  FONT_NAME,
  HEADER_STYLE,
  JUDGED,
  RATE,
  rateValue,
  SECTION,
  SMALL_NOTE,
  TITLE,
  textWidth,
} from './sheet-style.ts';

const STATE_STYLE: Record<DivisionState, CellStyle> = {
  accepted: JUDGED.achieved,
  rejected: JUDGED['not-achieved'],
  unreadable: JUDGED.unreadable,
  missing: JUDGED.pending,
  processing: JUDGED.pending,
};
const TOTAL_BORDER = { top: { style: 'thin' as const, color: { argb: 'FF7F7F7F' } } };
const TOTAL: CellStyle = { font: { bold: true }, fill: fill(FILLS.total), border: TOTAL_BORDER };
const TOTAL_RATE: CellStyle = { ...TOTAL, numFmt: '0.0%' };
const HEAD_ROW = 4;
/** Columns under the chart: fixed widths, so the chart has room beside the table on the same page. */
const CHART_COLUMNS = 4;
const CHART_COLUMN_WIDTH = 9;
/** The chart's height in pixels: about half an A4 landscape page at the summary's print scales. */
const CHART_HEIGHT_PX = 480;

/**
 * 概要: a one-page dashboard. Per division its standing (受理 / 差戻し with the reason / 読込不可 / 未提出),
 * forms, counts and 達成率 as numbers, a 合計 row with the body's 達成率, the ward's 重点目標 in brief, and a
 * stacked column chart of 達成 / 未達成 / 未評価 by division beside the table.
 */
export function overviewPlan(
  name: string,
  model: SummaryModel,
  title: string,
  fileName: FileNamer = fileNameOnly,
): SheetPlan {
  const withPrevious = model.overview.some((r) => r.previousRate !== null) || model.total.previousRate !== null;
  const labels = [
    '課',
    '状態',
    '様式',
    '指標数',
    '達成',
    '未達成',
    '要確認',
    '未評価',
    '定性',
    // One word (wrapped by the header cell): the chart's legend reads its series name from here.
    '目標なし',
    '指標の\n達成割合',
    ...(withPrevious ? [previousHeader(model.fiscalYear ?? model.fiscalYears.at(-1) ?? null)] : []),
    '備考',
  ];
  const noteColumn = labels.length; // 1-based
  const firstRow = HEAD_ROW + 1;
  const lastRow = HEAD_ROW + model.overview.length;
  const totalRow = lastRow + 1;
  const rollup = model.wardRollup;
  function* rows(): Generator<readonly [number, PlannedRow]> {
    yield [1, [{ value: title, style: TITLE }]];
    const [facts, more] = factsLines(model);
    yield [2, [{ value: facts, overflow: true }]];
    if (more) yield [3, [{ value: more, overflow: true }]];
    yield [HEAD_ROW, labels.map((value) => ({ value, style: HEADER_STYLE }))];
    let r = HEAD_ROW;
    const warnings = new Map<string, number>();
    for (const f of model.findings)
      if (f.division && f.finding.severity === 'warning') warnings.set(f.division, (warnings.get(f.division) ?? 0) + 1);
    for (const row of model.overview)
      yield [++r, divisionCells(row, r, withPrevious, warnings.get(row.division) ?? 0, fileName)];
    const t = model.total;
    const c = t.counts;
    // Totals and rates are formulas over the rows above, with the values computed here stored as their
    // results: a manager's correction carries through, and a reader without a calculation engine sees the numbers.
    const sum = (i: number, value: number): PlannedCell => ({
      value: { formula: `SUM(${col(i)}${firstRow}:${col(i)}${lastRow})`, result: value },
      style: TOTAL,
    });
    const totals: PlannedCell[] = [
      { value: '合計', style: TOTAL },
      { value: `集計 ${model.overview.filter((o) => o.counted !== null).length} 課`, style: TOTAL },
      { value: '', style: TOTAL },
      ...[t.indicators, c.achieved, c['not-achieved'], c.review, c.pending, c.qualitative, c['no-target']].map(
        (value, i) => sum(COUNT_COLUMN + i, value),
      ),
      { value: rateFormula(totalRow, c.achieved, c['not-achieved']), style: TOTAL_RATE },
      ...(withPrevious ? [{ value: rateValue(t.previousRate), style: TOTAL_RATE }] : []),
      { value: '', style: TOTAL },
    ];
    yield [totalRow, totals];
    r = totalRow + 1;
    const year = model.fiscalYear ?? model.fiscalYears.at(-1) ?? null;
    for (const note of [
      '指標の達成割合 = 達成 ÷（達成 ＋ 未達成）。要確認・未評価・定性・目標なしは含みません（要確認の理由は各様式のシートの判定根拠）。',
      '合計は集計に使う版のある課の合計です（前に受理された版を使う課は備考に記載）。',
      ...(withPrevious
        ? [
            `前年度の達成割合は${year === null ? '前年度' : `${eraFiscalYear(year - 1)}`}の提出（受理された版）から同じ方法で数えた値です（合計の行は${model.ward ?? 'この団体'}の課全体）。`,
          ]
        : []),
    ])
      for (const line of noteLines(note, NOTE_WIDTH)) yield [r++, [{ value: line, style: SMALL_NOTE, overflow: true }]];
    r += 1;
    if (!rollup) {
      // Only a body that collects division sheets has a ward sheet to miss: a city's 施策シート or a 方針書 gets
      // no such section.
      if (!model.statuses.some((st) => st.wardSheet)) return;
      yield [r, [{ value: '区の重点目標', style: SECTION, overflow: true }]];
      yield [r + 1, [{ value: wardSheetLine(model), style: BOLD, overflow: true }]];
      yield [
        r + 2,
        [
          {
            value: '区の組織目標シートの受理された版がないため、重点目標の集計はありません。',
            style: SMALL_NOTE,
            overflow: true,
          },
        ],
      ];
      return;
    }
    const stated = `区シートの記載: 目標数 ${rollup.statedGoalCount ?? '未記入'} ／ 達成数 ${rollup.statedAchievedCount || '未記入'}`;
    const derived =
      rollup.achievedCount === null
        ? ''
        : `\u3000課の結果から: 達成 ${rollup.achievedCount} ／ ${rollup.priorities.length}`;
    yield [r, [{ value: `区の重点目標（${stated}${derived}）`, style: SECTION, overflow: true }]];
    yield [++r, [{ value: wardSheetLine(model), style: BOLD, overflow: true }]];
    yield [
      ++r,
      [
        { value: '重点目標', style: HEADER_STYLE },
        { value: '内容', style: HEADER_STYLE },
        ...Array.from({ length: 8 }, () => ({ value: '', style: HEADER_STYLE })),
        { value: '達成／目標', style: HEADER_STYLE },
        ...(withPrevious ? [{ value: '', style: HEADER_STYLE }] : []),
        { value: '判定', style: HEADER_STYLE },
      ],
    ];
    for (const p of rollup.priorities) {
      const verdict =
        p.linkedGoals === 0
          ? '対応する課の目標なし'
          : p.achieved === null
            ? '判定不可（未評価を含む）'
            : p.achieved
              ? '達成'
              : '未達成';
      const cells: (PlannedCell | null)[] = [
        { value: `重点目標${p.no}`, overflow: true },
        { value: shortTitle(p.text), overflow: true },
        ...Array.from({ length: 8 }, () => null),
        p.linkedGoals > 0 ? { value: `${p.achievedGoals} ／ ${p.linkedGoals}` } : null,
      ];
      if (withPrevious) cells.push(null);
      cells.push({
        value: verdict,
        overflow: true,
        ...(p.achieved === null ? {} : { style: p.achieved ? JUDGED.achieved : JUDGED['not-achieved'] }),
      });
      yield [++r, cells];
    }
    yield [
      r + 1,
      [
        {
          value:
            rollup.achievedCount === null
              ? '課の組織目標に「重点目標1」などの対応の記載がないため、課の結果からは集計できません（区シートの記載を表示）。'
              : rollup.note,
          style: SMALL_NOTE,
          overflow: true,
        },
      ],
    ];
  }
  const chartFrom = noteColumn; // 0-based index of the first column after 備考
  const fixed: Record<number, number> = {};
  for (let i = 1; i <= CHART_COLUMNS; i++) fixed[noteColumn + i] = CHART_COLUMN_WIDTH;
  return {
    name,
    title,
    rows,
    fit: { fromRow: HEAD_ROW, max: 16 },
    clamp: { 1: [10, 16], 3: [10, 12], [noteColumn]: [22, 30] },
    fixed: {
      2: 7.5,
      // Three-character headers (未達成, 要確認) on one line.
      4: 6,
      5: 6,
      6: 6,
      7: 6,
      8: 6,
      9: 6,
      10: 8.5,
      11: 8,
      ...(withPrevious ? { 12: 9 } : {}),
      ...fixed,
    },
    freezeRow: HEAD_ROW + 1,
    titleRows: `${HEAD_ROW}:${HEAD_ROW}`,
    autoFilter: null,
    // No chart when no counted division has an indicator (a 方針書 alone): an empty chart reads as zero.
    ...(model.overview.some((o) => o.counted !== null && o.indicators > 0)
      ? { chart: chart(name, model.overview, firstRow, lastRow, chartFrom) }
      : {}),
  };
}

/** Width (in column units) a note line under the table may take: the table's, so it never runs under the chart. */
const NOTE_WIDTH = 92;

/** A note cut into lines of at most `width` units, after a 。 or 、 where one falls near the end. */
export function noteLines(note: string, width: number): string[] {
  const lines: string[] = [];
  let rest = note;
  while (textWidth(rest) > width) {
    let cut = 0;
    let w = 0;
    while (cut < rest.length && w + textWidth(rest[cut]!) <= width) w += textWidth(rest[cut++]!);
    const punctuation = Math.max(rest.lastIndexOf('。', cut - 1), rest.lastIndexOf('、', cut - 1));
    if (punctuation >= cut * 0.6) cut = punctuation + 1;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest) lines.push(rest);
  return lines;
}

/** 0-based index of 指標数; 達成 … 目標なし follow it, then 指標の達成割合. */
const COUNT_COLUMN = 3;

/** Column letter of a 0-based index (the 概要 has fewer than 26 columns). */
function col(i: number): string {
  return String.fromCharCode(65 + i);
}

/**
 * 指標の達成割合 of row `r` as a formula: 達成 ÷（達成 ＋ 未達成）, empty when nothing is judged; its stored
 * result is the same fraction computed here.
 */
function rateFormula(r: number, achieved: number, notAchieved: number): { formula: string; result: number | string } {
  const a = `${col(COUNT_COLUMN + 1)}${r}`;
  const n = `${col(COUNT_COLUMN + 2)}${r}`;
  const judged = achieved + notAchieved;
  return { formula: `IF(${a}+${n}=0,"",${a}/(${a}+${n}))`, result: judged === 0 ? '' : achieved / judged };
}

function divisionCells(
  row: OverviewRow,
  r: number,
  withPrevious: boolean,
  warnings: number,
  fileName: FileNamer,
): PlannedRow {
  const c = row.counts;
  const counted = row.counted !== null;
  const judged = [c.achieved, c['not-achieved'], c.review, c.pending, c.qualitative, c['no-target']];
  // 指標数 is the sum of its judgements when they add up (they do: every counted indicator has one).
  const indicators =
    judged.reduce((a, b) => a + b, 0) === row.indicators
      ? {
          formula: `SUM(${col(COUNT_COLUMN + 1)}${r}:${col(COUNT_COLUMN + judged.length)}${r})`,
          result: row.indicators,
        }
      : row.indicators;
  const counts = counted ? [indicators, ...judged] : [null, null, null, null, null, null, null];
  const stateText = DIVISION_STATE_LABELS[row.state];
  const acceptedNote = [
    row.indicators === 0 ? '数値目標なし（記述の様式）' : '',
    warnings > 0 ? `警告 ${warnings} 件` : '',
  ]
    .filter(Boolean)
    .join('。');
  // The ledger's reason word for word, as the console and 提出状況 give it; an unreadable file is named, so
  // the coordinator knows which file to ask for again without turning to 提出状況.
  const file = row.state === 'unreadable' && row.file ? fileName(row.file) : null;
  const reason = reasonNaming(row.reason ?? '', row.file, fileName);
  const note =
    row.state === 'accepted'
      ? acceptedNote
      : file && !reason.includes(file)
        ? `${reason}${reason ? '\n' : ''}（ファイル: ${file}）`
        : reason;
  return [
    { value: row.division, style: BOLD },
    { value: stateText, style: STATE_STYLE[row.state] },
    { value: row.families.map((f) => FAMILY_SHORT[f]).join('・') },
    ...counts.map((value) => ({ value })),
    counted ? { value: rateFormula(r, c.achieved, c['not-achieved']), style: RATE } : null,
    ...(withPrevious ? [{ value: rateValue(row.previousRate), style: RATE }] : []),
    { value: note },
  ];
}

/** The headline: who submitted and the share achieved; then, when there are any, the files beside them. */
function factsLines(model: SummaryModel): [string, string] {
  const c = model.ledger.counts;
  const received = model.ledger.expectedKnown
    ? `提出 ${c.submitted} ／ ${c.expected} 課`
    : `提出 ${c.submitted} 課（予定の課は未設定）`;
  const detail = [
    `受理 ${c.受理}`,
    `差戻し ${c.差戻し}`,
    `読込不可 ${c.読込不可}`,
    ...(c.処理中 > 0 ? [`処理中 ${c.処理中}`] : []),
    `未提出 ${c.未提出}`,
  ].join('・');
  const superseded = model.statuses.filter((st) => st.state === 'superseded').length;
  const replaced = superseded > 0 ? `差し替え済みの旧版 ${superseded} 件` : '';
  const rate =
    model.total.achievementRate === null
      ? '指標の達成割合 －（評価済みの指標なし）'
      : `指標の達成割合 ${model.total.achievementRate.toFixed(1)}%`;
  const identity = model.identityNote ?? '';
  // Files no division can be told from are rows of the table but not of the headline (the ledger counts the
  // expected divisions): say how many and where they are, so the two never seem to disagree.
  const loose = model.ledger.unattributed;
  const byStatus = new Map<string, number>();
  for (const row of loose) byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + 1);
  const unattributed =
    loose.length === 0
      ? ''
      : `このほか課の分からないファイル ${loose.length} 件（${[...byStatus].map(([status, n]) => `${status} ${n}`).join('・')}、表の「${loose[0]!.division}」の行）`;
  return [
    `作成 ${jst(model.generatedAt)}\u3000${received}（${detail}）\u3000${rate}`,
    [unattributed, replaced, identity].filter(Boolean).join('\u3000'),
  ];
}

/** The ward's own sheet as the ledger has it: its word, and why when it is not 受理. */
function wardSheetLine(model: SummaryModel): string {
  const row = model.ledger.wardSheet;
  const why = row.reason ? `（${row.reason}）` : '';
  return `区の組織目標シート（${model.ledger.ward || model.ward || '区'}）: ${row.status}${why}`;
}

function shortTitle(text: string): string {
  const line =
    text
      .split(/\n/)
      .map((l) => l.trim())
      .find(Boolean) ?? '';
  return line.length > 34 ? `${line.slice(0, 33)}…` : line;
}

/** 「前年度の達成割合（R2）」: whose year the column is, so the 合計 row's figure is read as last year's. */
function previousHeader(fiscalYear: number | null): string {
  return fiscalYear === null ? '前年度の\n達成割合' : `前年度の\n達成割合\n（${eraAbbreviation(fiscalYear - 1)}）`;
}

function chart(
  sheet: string,
  rows: readonly OverviewRow[],
  firstRow: number,
  lastRow: number,
  fromCol: number,
): ChartSpec {
  const q = `'${sheet.replace(/'/g, "''")}'`;
  // Only the divisions with figures: a 未提出 or 読込不可 row would stand as an empty slot that reads as zero.
  const charted = rows.map((r, i) => ({ r, at: firstRow + i })).filter(({ r }) => r.counted !== null);
  const ref = (c: string): string => {
    // Neighbouring rows as one range, the others as a union of ranges, as Excel writes a selection with gaps.
    const runs: [number, number][] = [];
    for (const { at } of charted) {
      const last = runs.at(-1);
      if (last && last[1] === at - 1) last[1] = at;
      else runs.push([at, at]);
    }
    const parts = runs.map(([a, b]) => (a === b ? `${q}!$${c}$${a}` : `${q}!$${c}$${a}:$${c}$${b}`));
    return parts.length === 1 ? parts[0]! : `(${parts.join(',')})`;
  };
  const series = (i: number, label: string, key: Judgement, color: string) => ({
    name: { ref: `${q}!$${col(i)}$${HEAD_ROW}`, values: [label] },
    values: { ref: ref(col(i)), values: charted.map(({ r }) => r.counts[key]) },
    color,
  });
  return {
    title: '課別の達成状況（指標数）',
    grouping: 'stacked',
    categories: { ref: ref('A'), values: charted.map(({ r }) => r.division) },
    series: [
      series(4, '達成', 'achieved', '5B9B4A'),
      series(5, '未達成', 'not-achieved', 'E0605A'),
      // 要確認 in violet: never confused with 未評価's yellow or 未達成's red when printed in colour or grey.
      series(6, '要確認', 'review', '8064A2'),
      series(7, '未評価', 'pending', 'F2C14E'),
      series(8, '定性', 'qualitative', '8EA9DB'),
      // 目標なし too: each bar is as tall as the division's indicators, never fewer.
      series(9, '目標なし', 'no-target', 'BFBFBF'),
    ],
    valueFormat: '0',
    valueLabels: true,
    anchor: {
      fromCol,
      fromRow: HEAD_ROW - 1,
      toCol: fromCol + CHART_COLUMNS,
      toRow: Math.max(HEAD_ROW + 17, lastRow + 4),
      // A fixed size over the columns beside the table: tall 備考 rows would stretch a chart anchored to cells.
      size: { width: CHART_COLUMNS * (CHART_COLUMN_WIDTH * 7 + 5), height: CHART_HEIGHT_PX },
    },
    font: FONT_NAME,
  };
}
