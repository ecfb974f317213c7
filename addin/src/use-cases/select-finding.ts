import type { ExcelHost } from '../excel/excel-host.ts';
import { selectCell } from '../excel/select-cell.ts';

/** Choosing a finding: go to its sheet (when it names one) and select its cell (when it has one). */
export function selectFinding(
  deps: { excel: ExcelHost },
  cell: string | null,
  sheet: string | null = null,
): Promise<void> {
  return deps.excel.run((context) => selectCell(context, sheet, cell));
}
