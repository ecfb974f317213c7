import { JUDGEMENT_LABELS, type FamilyTable, type MeasureRow, type SummaryModel } from '../../shared/summary/index.ts';
import { jst, SEVERITY_LABELS, STATE_LABELS } from './labels.ts';
import { XlsxBook, type CellStyle, type CellValue } from '../xlsx/xlsx-book.ts';
import { writeSheet, type PlannedCell, type PlannedRow, type SheetPlan } from './sheet-plan.ts';
import { fill, FILLS, HEADER_STYLE, sheetName } from './sheet-style.ts';

/** The summary as .xlsx bytes: 概要, one sheet per family, 検証結果, 提出状況 — rows are written and deflated sheet by sheet. */
export async function writeSummary(model: SummaryModel): Promise<Buffer> {
  const book = new XlsxBook({ creator: 'mokuhyo', created: new Date(model.generatedAt) });
  const taken = new Set<string>();
  writeSheet(book, overview(sheetName('概要', taken), model));
  for (const table of model.tables) {
    // A large ward's tables are long: let timers and I/O (lock renewals in a queue worker) run between sheets.
    await new Promise((done) => setImmediate(done));
    writeSheet(book, family(sheetName(table.title, taken), table, model));
  }
  writeSheet(book, findings(sheetName('検証結果', taken), model));
  writeSheet(book, statuses(sheetName('提出状況', taken), model));
  return book.finish();
}

function titleOf(model: SummaryModel): string {
  return `${model.ward ?? '（区名未設定）'} ${yearsOf(model)} 目標シート集計`.replace(/\s+/g, ' ').trim();
}

function yearsOf(model: SummaryModel): string {
  const years = model.fiscalYear !== null ? [model.fiscalYear] : model.fiscalYears;
  return years.length ? `${years.join('・')}年度` : '';
}

const BOLD: CellStyle = { font: { bold: true } };
const TOP_WRAP: CellStyle = { alignment: { wrapText: true, vertical: 'top' } };
const LINK: CellStyle = { font: { color: { argb: 'FF0563C1' }, underline: true } };
const TITLE: CellStyle = { font: { bold: true, size: 14 } };
const SECTION: CellStyle = { font: { bold: true, size: 12 } };
// Shared style objects: the writer styles each distinct object once instead of once per cell.
const JUDGED = Object.fromEntries(Object.entries(FILLS).map(([key, argb]) => [key, { fill: fill(argb) }])) as Record<keyof typeof FILLS, CellStyle>;

function titleRow(text: string): readonly [number, PlannedRow] {
  return [1, [{ value: text, style: TITLE }]];
}

/** Plain cells; empty text stays an empty cell. */
function plain(values: readonly (CellValue | null | undefined)[]): PlannedCell[] {
  return values.map((value) => ({ value }));
}

function header(labels: readonly string[]): PlannedRow {
  return labels.map((value) => ({ value, style: HEADER_STYLE }));
}

function overview(name: string, model: SummaryModel): SheetPlan {
  const expected = model.expectedDivisions.length;
  const facts: [string, string | number][] = [
    ['区', model.ward ?? '（未設定）'],
    ['年度', yearsOf(model) || '（不明）'],
    ['作成日時', jst(model.generatedAt)],
    ['提出（受付／予定）', expected ? `${model.receivedDivisions.length} ／ ${expected} 課` : `${model.receivedDivisions.length} 課（予定数は未設定）`],
    ['未提出の課', model.missingDivisions.join('、') || (expected ? 'なし' : '（予定が未設定のため不明）')],
    ['ファイル（採用可／差戻し／読込不可）', `${model.counts.accepted} ／ ${model.counts.rejected} ／ ${model.counts.unreadable}（全 ${model.counts.files} 件）`],
  ];
  const headerRow = 3 + facts.length + 1;
  const lastDivision = headerRow + model.divisions.length;
  function* rows(): Generator<readonly [number, PlannedRow]> {
    yield titleRow(titleOf(model));
    let r = 3;
    for (const [label, value] of facts) yield [r++, [{ value: label, style: BOLD }, { value }]];
    r = headerRow;
    yield [r, header(['課', '様式', '目標数', '指標数', '達成', '未達成', '未評価', '目標なし', '定性目標', '達成率(%)'])];
    for (const d of model.divisions) {
      const c = d.counts;
      yield [++r, plain([d.division, d.families.join('・'), d.goals, d.indicators, c.achieved, c['not-achieved'], c.pending, c['no-target'], c.qualitative, d.achievementRate ?? '－'])];
    }
    r += 2;
    yield [r, plain(['達成率 = 達成 ÷ (達成 + 未達成)。未評価・目標なし・定性目標は含みません。'])];
    const rollup = model.wardRollup;
    r += 2;
    yield [r, [{ value: '区の重点目標', style: SECTION }]];
    if (!rollup) {
      yield [r + 1, plain(['区の組織目標シートが提出されていないため、重点目標の集計はありません。'])];
      return;
    }
    yield [++r, header(['No.', '重点目標', '対応する課の目標数', '達成', '未達成', '未評価', '判定'])];
    for (const p of rollup.priorities) {
      const verdict = p.achieved === null ? '判定不可' : p.achieved ? '達成' : '未達成';
      yield [++r, [{ value: p.no }, { value: p.text, style: TOP_WRAP }, ...plain([p.linkedGoals, p.counts.achieved, p.counts['not-achieved'], p.counts.pending, verdict])]];
    }
    r += 2;
    yield [r, plain(['区シートの記載', `目標数 ${rollup.statedGoalCount ?? '未記入'} ／ 達成数 ${rollup.statedAchievedCount ?? '未記入'}`])];
    yield [r + 1, plain(['課の結果からの集計', rollup.achievedCount === null ? '集計できません' : `達成数 ${rollup.achievedCount} ／ ${rollup.priorities.length}`])];
    yield [r + 2, [{ value: '説明' }, { value: rollup.note, style: TOP_WRAP }]];
  }
  return {
    name,
    rows,
    fit: { fromRow: 3 },
    clamp: { 2: [24, 70] },
    freezeRow: 2,
    titleRows: '1:1',
    autoFilter: { fromRow: headerRow, toRow: lastDivision, columns: 10 },
  };
}

function family(name: string, table: FamilyTable, model: SummaryModel): SheetPlan {
  const hasDetail = table.rows.some((r) => r.detail);
  const labels = ['課', '年度', 'No.', '目標／事業', '指標', ...(hasDetail ? ['内容'] : []), '単位', ...table.columns.map((c) => c.label), '目標', '結果', '判定', '判定根拠', '達成率(%)', '出典（ファイル・シート・セル）'];
  const title = `${table.title}（${titleOf(model)}）`;
  function* rows(): Generator<readonly [number, PlannedRow]> {
    yield titleRow(title);
    yield [2, header(labels)];
    let r = 3;
    for (const row of table.rows) {
      const cells: PlannedCell[] = [
        ...plain([row.division, row.fiscalYear ?? '', row.group ?? '', row.goal ?? '', row.name]),
        ...(hasDetail ? plain([row.detail ?? '']) : []),
        ...plain([row.unit ?? '', ...table.columns.map((c) => row.values[c.key] ?? ''), row.targetText ?? '', row.resultText ?? '']),
        { value: JUDGEMENT_LABELS[row.judgement.judgement], style: JUDGED[row.judgement.judgement] },
        ...plain([row.relist ? `再掲（集計に含めない）: ${row.judgement.basis}` : row.judgement.basis, row.judgement.rate ?? '']),
        provenanceCell(row),
      ];
      yield [r++, cells];
    }
  }
  return {
    name,
    rows,
    // Text columns wrap at a readable width so the table prints legibly at one page wide.
    fit: { fromRow: 2, max: 30 },
    freezeRow: 3,
    titleRows: '1:2',
    autoFilter: { fromRow: 2, toRow: Math.max(2, 2 + table.rows.length), columns: labels.length },
  };
}

function provenanceCell(row: MeasureRow): PlannedCell {
  const p = row.provenance;
  const text = `${p.file} › ${p.sheet}!${p.cell}`;
  if (!p.link) return { value: text };
  return { value: { text, hyperlink: `${p.link}#'${p.sheet.replace(/'/g, "''")}'!${p.cell}` }, style: LINK };
}

function findings(name: string, model: SummaryModel): SheetPlan {
  function* rows(): Generator<readonly [number, PlannedRow]> {
    yield titleRow(`検証結果（${titleOf(model)}）`);
    yield [2, header(['課', 'ファイル', 'シート', 'セル', '重大度', 'コード', '内容'])];
    if (model.findings.length === 0) yield [3, plain(['採用した提出に指摘事項はありません。'])];
    let r = 3;
    for (const f of model.findings) yield [r++, plain([f.division ?? '', f.file, f.sheet, f.finding.cell ?? '', SEVERITY_LABELS[f.finding.severity], f.finding.code, f.finding.message])];
  }
  return { name, rows, fit: { fromRow: 2 }, freezeRow: 3, titleRows: '1:2', autoFilter: { fromRow: 2, toRow: Math.max(2, 2 + model.findings.length), columns: 7 } };
}

function statuses(name: string, model: SummaryModel): SheetPlan {
  function* rows(): Generator<readonly [number, PlannedRow]> {
    yield titleRow(`提出状況（${titleOf(model)}）`);
    yield [2, header(['課', '状態', '提出日時', 'ファイル', 'SHA-256', '理由'])];
    let r = 3;
    for (const s of model.statuses) {
      const shade = s.state === 'used' ? JUDGED.achieved : s.state === 'superseded' ? null : JUDGED.missing;
      yield [r++, [{ value: s.division ?? '' }, { value: STATE_LABELS[s.state], ...(shade ? { style: shade } : {}) }, ...plain([jst(s.submittedAt), s.file ?? '', s.sha256 ?? '', s.reason ?? ''])]];
    }
  }
  return { name, rows, fit: { fromRow: 2 }, freezeRow: 3, titleRows: '1:2', autoFilter: { fromRow: 2, toRow: Math.max(2, 2 + model.statuses.length), columns: 6 } };
}
