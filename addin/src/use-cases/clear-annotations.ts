import { clearActiveSheet, type ClearOutcome } from '../excel/clear-sheet.ts';
import type { ExcelHost } from '../excel/excel-host.ts';

/** 注釈を消す: the active sheet back to how staff left it. */
export function clearAnnotations(deps: { excel: ExcelHost }): Promise<ClearOutcome> {
  return deps.excel.run((context) => clearActiveSheet(context, deps.excel.capabilities));
}
