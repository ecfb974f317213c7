import type ExcelJS from 'exceljs';
import type { RenderedFinding, Severity } from '../../shared/model/finding.ts';
import { addNote, markCell, removeMarks, writeState, type MarkedCell } from './marks.ts';
import { writeResultsSheet, type SheetFindings } from './results-sheet.ts';

const RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

/** Marks the findings in a loaded workbook, replacing any marks an earlier run left. */
export function annotate(workbook: ExcelJS.Workbook, sheets: readonly SheetFindings[]): void {
  removeMarks(workbook);
  const marked: MarkedCell[] = [];
  for (const { sheet, findings } of sheets) {
    const ws = workbook.getWorksheet(sheet);
    if (!ws) continue;
    const byCell = new Map<string, RenderedFinding[]>();
    for (const f of findings) if (f.cell) byCell.set(f.cell, [...(byCell.get(f.cell) ?? []), f]);
    for (const [cell, list] of byCell) {
      const worst = list.reduce((a, b) => (RANK[b.severity] > RANK[a.severity] ? b : a)).severity;
      marked.push(markCell(ws, cell, worst));
      addNote(
        ws.getCell(cell),
        list.map((f) => f.message),
      );
    }
  }
  writeState(workbook, marked, writeResultsSheet(workbook, sheets));
}
