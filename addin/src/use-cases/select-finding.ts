import type { ExcelHost } from '../excel/excel-host.ts';
import { selectCell } from '../excel/select-cell.ts';

/** Clicking a finding: select its cell on the sheet. */
export function selectFinding(deps: { excel: ExcelHost }, cell: string): Promise<void> {
  return deps.excel.run((context) => selectCell(context, cell));
}
