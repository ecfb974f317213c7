import type ExcelJS from 'exceljs';
import type { RenderedFinding, Severity } from '../../shared/model/finding.ts';
import { ruleName } from '../../shared/messages/index.ts';
import { RESULTS_SHEET, SEVERITY_ARGB } from './marks.ts';

const SEVERITY_JA: Readonly<Record<Severity, string>> = { error: 'エラー', warning: '警告', info: '情報' };

/** The findings of one sheet, as the annotator receives them. */
export interface SheetFindings {
  sheet: string;
  findings: readonly RenderedFinding[];
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** A HYPERLINK formula to a cell of the workbook (works in Excel and LibreOffice). */
export function linkFormula(sheet: string, cell: string): string {
  const target = `#${quoteSheet(sheet)}!${cell}`;
  return `HYPERLINK("${target.replace(/"/g, '""')}","${cell.replace(/"/g, '""')}")`;
}

function freeName(workbook: ExcelJS.Workbook): string {
  let name = RESULTS_SHEET;
  for (let n = 2; workbook.getWorksheet(name); n++) name = `${RESULTS_SHEET}(${n})`;
  return name;
}

/** Adds the 検証結果 sheet: one row per finding with a link to its cell; returns the sheet's name. */
export function writeResultsSheet(workbook: ExcelJS.Workbook, sheets: readonly SheetFindings[]): string {
  const name = freeName(workbook);
  const ws = workbook.addWorksheet(name);
  ws.columns = [
    { header: 'No.', width: 6 },
    { header: 'シート', width: 18 },
    { header: 'セル', width: 8 },
    { header: '重要度', width: 8 },
    { header: '内容', width: 90 },
    // The check by its Japanese name (「必須項目の空欄」), as a person reads it; scripts read the code in --json.
    { header: 'チェック項目', width: 26 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  let no = 0;
  for (const { sheet, findings } of sheets) {
    for (const f of findings) {
      const cell = f.cell ?? 'A1';
      const row = ws.addRow([
        ++no,
        sheet,
        { formula: linkFormula(sheet, cell), result: f.cell ?? 'シート' },
        SEVERITY_JA[f.severity],
        f.message,
        ruleName(f.code),
      ]);
      row.getCell(3).font = { color: { argb: 'FF0563C1' }, underline: true };
      row.getCell(4).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: SEVERITY_ARGB[f.severity] } };
      row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
    }
  }
  if (no === 0) ws.addRow(['', '', '', '', '問題は見つかりませんでした。', '']);
  return name;
}
