import type { Grid } from '../../../shared/grid/grid.ts';
import { checkGrid, type Phase, type SheetCheck } from '../../../shared/rules/index.ts';
import { checkAndAnnotate } from '../excel/annotate-sheet.ts';
import type { ExcelHost } from '../excel/excel-host.ts';
import { annotationsOf, sheetView, type SheetView } from './sheet-view.ts';

export interface CheckDeps {
  excel: ExcelHost;
  /** The checker; the shared `checkGrid` unless a test narrows it. */
  check?: (grid: Grid, options: { phase?: Phase }) => SheetCheck;
  phase?: Phase;
  /**
   * Why the check runs: `live` (after an edit) marks the sheet only where add-in writes keep staff's undo
   * history (ExcelApi 1.19); elsewhere it refreshes the list and 再チェック marks the sheet.
   */
  trigger?: 'user' | 'live';
}

/** 再チェック: read the active sheet, run the shared rules, mark the findings on the sheet. */
export async function checkActiveSheet(deps: CheckDeps): Promise<SheetView> {
  const check = deps.check ?? checkGrid;
  const options = deps.phase ? { phase: deps.phase } : {};
  const caps = deps.excel.capabilities;
  const mark = deps.trigger !== 'live' || caps.undoableWrites;
  const { result } = await deps.excel.run((context) =>
    checkAndAnnotate(
      context,
      caps,
      (grid) => {
        const sheetCheck = check(grid, options);
        return {
          result: sheetCheck,
          annotations: sheetCheck.extraction.family ? annotationsOf(sheetCheck.findings) : [],
        };
      },
      { mark },
    ).then(({ result, outcome }) => ({ result: sheetView(result, outcome) })),
  );
  return result;
}
