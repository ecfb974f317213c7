import ExcelJS from 'exceljs';
import { JUDGEMENT_LABELS, type FamilyTable, type MeasureRow, type SummaryModel } from '../../shared/summary/index.ts';
import { jst, SEVERITY_LABELS, STATE_LABELS } from './labels.ts';
import { applyFont, fill, FILLS, fitColumns, freezeAbove, printSetup, sheetName, styleHeader } from './sheet-style.ts';

/** Builds the summary workbook a manager opens: 概要, one sheet per family, 検証結果, 提出状況. */
export async function summaryWorkbook(model: SummaryModel): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'mokuhyo';
  wb.created = new Date(model.generatedAt);
  const taken = new Set<string>();
  writeOverview(wb.addWorksheet(sheetName('概要', taken)), model);
  for (const table of model.tables) writeFamily(wb.addWorksheet(sheetName(table.title, taken)), table, model);
  writeFindings(wb.addWorksheet(sheetName('検証結果', taken)), model);
  writeStatuses(wb.addWorksheet(sheetName('提出状況', taken)), model);
  for (const ws of wb.worksheets) applyFont(ws);
  return wb;
}

/** The summary as .xlsx bytes. */
export async function writeSummary(model: SummaryModel): Promise<Buffer> {
  const wb = await summaryWorkbook(model);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function titleOf(model: SummaryModel): string {
  return `${model.ward ?? '（区名未設定）'} ${yearsOf(model)} 目標シート集計`.replace(/\s+/g, ' ').trim();
}

function yearsOf(model: SummaryModel): string {
  const years = model.fiscalYear !== null ? [model.fiscalYear] : model.fiscalYears;
  return years.length ? `${years.join('・')}年度` : '';
}

function title(ws: ExcelJS.Worksheet, text: string): void {
  const cell = ws.getCell('A1');
  cell.value = text;
  cell.font = { bold: true, size: 14 };
}

function writeOverview(ws: ExcelJS.Worksheet, model: SummaryModel): void {
  title(ws, titleOf(model));
  const expected = model.expectedDivisions.length;
  const facts: [string, string | number][] = [
    ['区', model.ward ?? '（未設定）'],
    ['年度', yearsOf(model) || '（不明）'],
    ['作成日時', jst(model.generatedAt)],
    ['提出（受付／予定）', expected ? `${model.receivedDivisions.length} ／ ${expected} 課` : `${model.receivedDivisions.length} 課（予定数は未設定）`],
    ['未提出の課', model.missingDivisions.join('、') || (expected ? 'なし' : '（予定が未設定のため不明）')],
    ['ファイル（採用可／差戻し／読込不可）', `${model.counts.accepted} ／ ${model.counts.rejected} ／ ${model.counts.unreadable}（全 ${model.counts.files} 件）`],
  ];
  let r = 3;
  for (const [label, value] of facts) {
    ws.getCell(r, 1).value = label;
    ws.getCell(r, 1).font = { bold: true };
    ws.getCell(r, 2).value = value;
    r++;
  }
  r++;
  const headerRow = r;
  ws.getRow(r).values = ['課', '様式', '目標数', '指標数', '達成', '未達成', '未評価', '目標なし', '定性目標', '達成率(%)'];
  styleHeader(ws.getRow(r));
  for (const d of model.divisions) {
    r++;
    const c = d.counts;
    ws.getRow(r).values = [d.division, d.families.join('・'), d.goals, d.indicators, c.achieved, c['not-achieved'], c.pending, c['no-target'], c.qualitative, d.achievementRate ?? '－'];
  }
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(r, headerRow), column: 10 } };
  r += 1;
  ws.getCell(++r, 1).value = '達成率 = 達成 ÷ (達成 + 未達成)。未評価・目標なし・定性目標は含みません。';
  const rollup = model.wardRollup;
  r += 2;
  ws.getCell(r, 1).value = '区の重点目標';
  ws.getCell(r, 1).font = { bold: true, size: 12 };
  if (!rollup) {
    ws.getCell(r + 1, 1).value = '区の組織目標シートが提出されていないため、重点目標の集計はありません。';
  } else {
    r++;
    ws.getRow(r).values = ['No.', '重点目標', '対応する課の目標数', '達成', '未達成', '未評価', '判定'];
    styleHeader(ws.getRow(r));
    for (const p of rollup.priorities) {
      r++;
      const verdict = p.achieved === null ? '判定不可' : p.achieved ? '達成' : '未達成';
      ws.getRow(r).values = [p.no, p.text, p.linkedGoals, p.counts.achieved, p.counts['not-achieved'], p.counts.pending, verdict];
      ws.getCell(r, 2).alignment = { wrapText: true, vertical: 'top' };
    }
    r++;
    ws.getRow(++r).values = ['区シートの記載', `目標数 ${rollup.statedGoalCount ?? '未記入'} ／ 達成数 ${rollup.statedAchievedCount ?? '未記入'}`];
    ws.getRow(++r).values = ['課の結果からの集計', rollup.achievedCount === null ? '集計できません' : `達成数 ${rollup.achievedCount} ／ ${rollup.priorities.length}`];
    ws.getRow(++r).values = ['説明', rollup.note];
    ws.getCell(r, 2).alignment = { wrapText: true, vertical: 'top' };
  }
  fitColumns(ws, 3);
  ws.getColumn(2).width = Math.min(Math.max(ws.getColumn(2).width ?? 10, 24), 70);
  ws.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  freezeAbove(ws, 2);
  printSetup(ws, '1:1');
}

function writeFamily(ws: ExcelJS.Worksheet, table: FamilyTable, model: SummaryModel): void {
  title(ws, `${table.title}（${titleOf(model)}）`);
  const hasDetail = table.rows.some((r) => r.detail);
  const header = ['課', '年度', 'No.', '目標／事業', '指標', ...(hasDetail ? ['内容'] : []), '単位', ...table.columns.map((c) => c.label), '目標', '結果', '判定', '判定根拠', '達成率(%)', '出典（ファイル・シート・セル）'];
  ws.getRow(2).values = header;
  styleHeader(ws.getRow(2));
  const judgementCol = header.indexOf('判定') + 1;
  table.rows.forEach((row, i) => {
    const r = ws.getRow(3 + i);
    r.values = blanksAsEmpty([
      row.division,
      row.fiscalYear ?? '',
      row.group ?? '',
      row.goal ?? '',
      row.name,
      ...(hasDetail ? [row.detail ?? ''] : []),
      row.unit ?? '',
      ...table.columns.map((c) => row.values[c.key] ?? ''),
      row.targetText ?? '',
      row.resultText ?? '',
      JUDGEMENT_LABELS[row.judgement.judgement],
      row.relist ? `再掲（集計に含めない）: ${row.judgement.basis}` : row.judgement.basis,
      row.judgement.rate ?? '',
      provenanceCell(row),
    ]);
    r.getCell(judgementCol).fill = fill(FILLS[row.judgement.judgement]);
    r.getCell(header.length).font = row.provenance.link ? { color: { argb: 'FF0563C1' }, underline: true } : {};
  });
  const last = Math.max(2, 2 + table.rows.length);
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: last, column: header.length } };
  // Text columns wrap at a readable width so the table prints legibly at one page wide.
  fitColumns(ws, 2, 6, 30);
  freezeAbove(ws, 3);
  printSetup(ws, '1:2');
}

function provenanceCell(row: MeasureRow): ExcelJS.CellValue {
  const p = row.provenance;
  const text = `${p.file} › ${p.sheet}!${p.cell}`;
  if (!p.link) return text;
  return { text, hyperlink: `${p.link}#'${p.sheet.replace(/'/g, "''")}'!${p.cell}` };
}

function writeFindings(ws: ExcelJS.Worksheet, model: SummaryModel): void {
  title(ws, `検証結果（${titleOf(model)}）`);
  ws.getRow(2).values = ['課', 'ファイル', 'シート', 'セル', '重大度', 'コード', '内容'];
  styleHeader(ws.getRow(2));
  model.findings.forEach((f, i) => {
    ws.getRow(3 + i).values = blanksAsEmpty([f.division ?? '', f.file, f.sheet, f.finding.cell ?? '', SEVERITY_LABELS[f.finding.severity], f.finding.code, f.finding.message]);
  });
  if (model.findings.length === 0) ws.getCell('A3').value = '採用した提出に指摘事項はありません。';
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: Math.max(2, 2 + model.findings.length), column: 7 } };
  fitColumns(ws, 2);
  freezeAbove(ws, 3);
  printSetup(ws, '1:2');
}

function writeStatuses(ws: ExcelJS.Worksheet, model: SummaryModel): void {
  title(ws, `提出状況（${titleOf(model)}）`);
  ws.getRow(2).values = ['課', '状態', '提出日時', 'ファイル', 'SHA-256', '理由'];
  styleHeader(ws.getRow(2));
  model.statuses.forEach((s, i) => {
    const row = ws.getRow(3 + i);
    row.values = blanksAsEmpty([s.division ?? '', STATE_LABELS[s.state], jst(s.submittedAt), s.file ?? '', s.sha256 ?? '', s.reason ?? '']);
    if (s.state !== 'used' && s.state !== 'superseded') row.getCell(2).fill = fill(FILLS.missing);
    if (s.state === 'used') row.getCell(2).fill = fill(FILLS.achieved);
  });
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: Math.max(2, 2 + model.statuses.length), column: 6 } };
  fitColumns(ws, 2);
  freezeAbove(ws, 3);
  printSetup(ws, '1:2');
}

/** Empty text leaves the cell empty instead of writing an empty string. */
function blanksAsEmpty(values: ExcelJS.CellValue[]): ExcelJS.CellValue[] {
  return values.map((v) => (v === '' ? null : v));
}
