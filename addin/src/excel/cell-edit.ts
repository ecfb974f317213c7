import type { ExcelHost } from './excel-host.ts';

/** Something small for a batch to carry, so that Excel really answers it. */
async function probe(context: Excel.RequestContext): Promise<void> {
  context.workbook.worksheets.getActiveWorksheet().load('id');
  await context.sync();
}

function isCellEditError(err: unknown): boolean {
  return (
    typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'InvalidOperationInCellEditMode'
  );
}

/**
 * Resolves once staff are not typing in a cell. Common APIs such as getFileAsync have no delayForCellEdit
 * and are refused while a cell is being edited (error 5004; OfficeDev/office-js#761), and clicking the task
 * pane does not end the edit (OfficeDev/office-js#3388). So before one runs: an Excel batch without delay
 * tells whether a cell is being edited; if so `onWaiting` is told (the pane asks staff to press Enter) and a
 * batch with delayForCellEdit waits until the edit ends.
 */
export async function whenNotEditing(excel: ExcelHost, onWaiting: () => void): Promise<void> {
  try {
    await excel.runNow(probe);
    return;
  } catch (err) {
    if (!isCellEditError(err)) throw err;
  }
  onWaiting();
  await excel.run(probe);
}

/** The error code of a Common API failure (Office.Error.code), e.g. 5004 for a call refused in cell-edit mode. */
export function commonErrorCode(err: unknown): number | null {
  const cause = (err as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'number' ? cause.code : null;
}
