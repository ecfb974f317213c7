import type { Capabilities } from './capabilities.ts';

/**
 * Calls `onEdit` when staff change cell data anywhere in the workbook and `onActivated` when they switch
 * sheets (WorksheetCollection.onChanged, ExcelApi 1.9; onActivated, 1.7). The add-in writes no cell data
 * of its own (fills are format changes, its record is a custom XML part), and from ExcelApi 1.14 an event
 * the add-in caused says so in `triggerSource`.
 */
export async function watchEdits(
  context: Excel.RequestContext,
  caps: Capabilities,
  onEdit: (sheetId: string) => void,
  onActivated: (sheetId: string) => void = () => undefined,
): Promise<void> {
  if (!caps.changeEvents) return;
  context.workbook.worksheets.onChanged.add(async (event) => {
    if (caps.triggerSource && event.triggerSource === 'ThisLocalAddin') return;
    onEdit(event.worksheetId);
  });
  context.workbook.worksheets.onActivated.add(async (event) => {
    onActivated(event.worksheetId);
  });
  await context.sync();
}
