import type { Capabilities } from './capabilities.ts';

/** Where a change came from: staff in this Excel, a co-author, or a switch to another sheet. */
export type ChangeOrigin = 'local' | 'remote' | 'switch';

/**
 * Calls `onChange` when cells change anywhere in the workbook and when staff switch sheets
 * (WorksheetCollection.onChanged, ExcelApi 1.9 — "any worksheet in the workbook is changed", fills included;
 * onActivated, 1.7). The add-in's own writes say `triggerSource: "ThisLocalAddin"` (ExcelApi 1.14) and are
 * skipped; without that property the add-in could not tell its writes from staff's and would check itself
 * in a loop, so it does not watch at all there. A co-author's change (and their add-in's annotations) arrives
 * with `source: "Remote"`: their own pane annotates it, this one only refreshes its list.
 */
export async function watchEdits(
  context: Excel.RequestContext,
  caps: Capabilities,
  onChange: (origin: ChangeOrigin, sheetId: string) => void,
): Promise<boolean> {
  if (!caps.changeEvents || !caps.triggerSource) return false;
  context.workbook.worksheets.onChanged.add(async (event) => {
    if (event.triggerSource === 'ThisLocalAddin') return;
    onChange(event.source === 'Remote' ? 'remote' : 'local', event.worksheetId);
  });
  context.workbook.worksheets.onActivated.add(async (event) => {
    onChange('switch', event.worksheetId);
  });
  await context.sync();
  return true;
}
