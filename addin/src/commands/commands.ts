import { officeExcelHost } from '../excel/excel-host.ts';
import { checkActiveSheet } from '../use-cases/check-active-sheet.ts';

/** Ribbon command: check the active sheet without opening the pane; always completes the event. */
async function checkSheet(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await checkActiveSheet({ excel: officeExcelHost() });
  } catch (err) {
    console.error('mokuhyo: check failed', err);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate('checkSheet', checkSheet);
});
