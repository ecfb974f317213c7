import type { StatementRow, SummaryModel } from '../../shared/summary/index.ts';
import { baseName } from './family-sheet.ts';
import type { PlannedRow, SheetPlan } from './sheet-plan.ts';
import { HEADER_STYLE, TITLE } from './sheet-style.ts';

const HEAD_ROW = 2;

/** 方針書: each 重点取組項目 with 実現したい成果, 取組内容 and what the 上期・下期 reports and the 総括 say about it. */
export function statementPlan(name: string, model: SummaryModel, title: string): SheetPlan {
  const labels = [
    '課',
    'No.',
    '実現したい成果',
    '取組内容',
    '上期の取組状況',
    '下期の取組',
    '総括',
    'ファイル',
    'シート',
    'セル',
  ];
  function* rows(): Generator<readonly [number, PlannedRow]> {
    yield [1, [{ value: `方針書の重点取組項目（${title}）`, style: TITLE, overflow: true }]];
    yield [HEAD_ROW, labels.map((value) => ({ value, style: HEADER_STYLE }))];
    let r = HEAD_ROW;
    for (const s of model.statements) yield [++r, cells(s)];
  }
  return {
    name,
    title,
    rows,
    fit: { fromRow: HEAD_ROW, max: 16 },
    clamp: { 1: [8, 12], 3: [14, 20], 4: [20, 28], 5: [18, 24], 6: [18, 24], 7: [18, 24], 8: [10, 14], 9: [6, 10] },
    fixed: { 2: 4, 10: 6 },
    freezeRow: HEAD_ROW + 1,
    titleRows: `1:${HEAD_ROW}`,
    autoFilter: { fromRow: HEAD_ROW, toRow: HEAD_ROW + Math.max(0, model.statements.length), columns: labels.length },
  };
}

function cells(s: StatementRow): PlannedRow {
  const said = (text: string): string => text.trim() || '（記載なし）';
  return [
    s.division,
    s.no,
    s.outcome,
    s.actions,
    said(s.firstHalf),
    said(s.secondHalf),
    said(s.summary),
    baseName(s.provenance.file),
    s.provenance.sheet,
    s.provenance.cell,
  ].map((value) => ({ value }));
}
