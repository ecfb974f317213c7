import type { Capabilities } from './capabilities.ts';
import { STORE_SHEET } from './annotation-store.ts';

/** Calls `onEdit` when staff change cell data in the workbook; the add-in's own writes are skipped. */
export async function watchEdits(context: Excel.RequestContext, caps: Capabilities, onEdit: (sheetId: string) => void): Promise<void> {
  const store = context.workbook.worksheets.getItemOrNullObject(STORE_SHEET);
  store.load('id');
  context.workbook.worksheets.onChanged.add(async (event) => {
    if (caps.triggerSource && event.triggerSource === 'ThisLocalAddin') return;
    if (!store.isNullObject && event.worksheetId === store.id) return;
    onEdit(event.worksheetId);
  });
  await context.sync();
}
