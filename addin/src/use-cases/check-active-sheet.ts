import type { Grid } from '../../../shared/grid/grid.ts';
import { checkGrid, type Phase, type SheetCheck } from '../../../shared/rules/index.ts';
import { checkAndAnnotate } from '../excel/annotate-sheet.ts';
import type { ExcelHost } from '../excel/excel-host.ts';
import { writeErrorText } from './error-text.ts';
import type { LiveTrigger } from './live-recheck.ts';
import { annotationsOf, countBySeverity, sheetView, type SheetView } from './sheet-view.ts';

export interface CheckDeps {
  excel: ExcelHost;
  /** The checker; the shared `checkGrid` unless a test narrows it. */
  check?: (grid: Grid, options: { phase?: Phase }) => SheetCheck;
  /** The phase staff chose; none is 自動, decided from the sheet exactly as the intake decides it. */
  phase?: Phase;
  /**
   * Why the check runs: `user` (再チェック, opening the pane) annotates the sheet; `live` (after staff's
   * edit) annotates only where add-in writes keep staff's undo history (ExcelApi 1.20) and otherwise
   * refreshes the list; `remote` (a co-author's change) refreshes the list only.
   */
  trigger?: 'user' | LiveTrigger;
}

/** 再チェック: read the active sheet, run the shared rules, annotate the findings on the sheet. */
export async function checkActiveSheet(deps: CheckDeps): Promise<SheetView> {
  const check = deps.check ?? checkGrid;
  const options = deps.phase ? { phase: deps.phase } : {};
  const caps = deps.excel.capabilities;
  const trigger = deps.trigger ?? 'user';
  const mark = trigger === 'user' || (trigger === 'live' && caps.undoableWrites);
  return deps.excel.run(async (context) => {
    const { grid, result, outcome } = await checkAndAnnotate(
      context,
      caps,
      (g) => {
        const sheetCheck = check(g, options);
        return {
          result: sheetCheck,
          annotations: sheetCheck.extraction.family ? annotationsOf(sheetCheck.findings) : [],
        };
      },
      { mark },
    );
    const otherPhase =
      !deps.phase && result.extraction.family && result.phase === 'planning'
        ? { phase: 'evaluation' as const, counts: countBySeverity(check(grid, { phase: 'evaluation' }).findings) }
        : null;
    return sheetView(result, { ...outcome, writeError: writeErrorText(outcome.writeFailure) }, otherPhase);
  });
}
