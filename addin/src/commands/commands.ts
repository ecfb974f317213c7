import { officeExcelHost } from '../excel/excel-host.ts';
import { checkActiveSheet } from '../use-cases/check-active-sheet.ts';
import { checkSummary, failureSummary, type CheckSummary } from '../use-cases/check-summary.ts';

/**
 * Shows the summary in an Office dialog (Dialog API 1.1, the documented way for a function command to talk
 * to staff) and resolves when staff close it; resolves at once if the host cannot open one.
 */
function showSummary(summary: CheckSummary): Promise<void> {
  const url = new URL('result.html', location.href);
  url.searchParams.set('t', summary.title);
  url.searchParams.set('b', summary.body);
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(url.href, { height: 30, width: 30, displayInIframe: true }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) return resolve();
      const dialog = result.value;
      const done = () => {
        dialog.close();
        resolve();
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, done);
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}

/** Ribbon command: check and mark the active sheet without opening the pane, then say what was found. */
async function checkSheet(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const excel = officeExcelHost();
    const summary = excel.capabilities.supported
      ? checkSummary(await checkActiveSheet({ excel }))
      : {
          title: 'この Excel では使えません',
          body: 'Microsoft 365 または Office LTSC 2021 以降の Excel が必要です。シートの確認と提出は Web の提出ページで行えます。',
        };
    await showSummary(summary);
  } catch (err) {
    console.error('mokuhyo: check failed', err);
    await showSummary(failureSummary(err)).catch(() => undefined);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate('checkSheet', checkSheet);
});
