import type { WorkbookModel } from './model.ts';

/** The Office enums the add-in reads at runtime, installed on globalThis for node tests. */
export function installOfficeEnums(): void {
  const g = globalThis as unknown as { Office?: unknown };
  g.Office ??= {
    FileType: { Compressed: 'compressed' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  };
}

/**
 * Office.Document over fixed bytes: getFileAsync records slice reads and whether the file was closed; `url`
 * is Document.url ("Gets the URL of the document that the Office application currently has open. Returns
 * null if the URL is unavailable"). getFileAsync is a Common API: it has no `delayForCellEdit`, and while
 * staff are typing in a cell Excel refuses it — error 5004 "Invalid API call in the current context"
 * (Office Common API error codes; a maintainer in OfficeDev/office-js#761: "We forbid API call explicitly
 * when user enters cell edit mode … For Common APIs, we don't support the delayForCellEdit option").
 */
export function fakeDocument(
  bytes: Uint8Array,
  opts: { failSlice?: number; model?: WorkbookModel; url?: string | null } = {},
) {
  const log = { sliceSize: 0, slices: [] as number[], closed: 0, refused: 0 };
  const document = {
    url: opts.url === undefined ? 'C:\\Users\\staff\\Documents\\健康福祉課.xlsx' : opts.url,
    getFileAsync(_type: unknown, options: { sliceSize: number }, callback: (r: unknown) => void) {
      if (opts.model?.cellEditing) {
        log.refused++;
        const error = { code: 5004, name: 'Invalid API call', message: 'Invalid API call in the current context.' };
        setTimeout(() => callback({ status: 'failed', error }), 0);
        return;
      }
      log.sliceSize = options.sliceSize;
      const sliceCount = Math.max(1, Math.ceil(bytes.length / options.sliceSize));
      const file = {
        size: bytes.length,
        sliceCount,
        getSliceAsync(index: number, cb: (r: unknown) => void) {
          log.slices.push(index);
          setTimeout(() => {
            if (index === opts.failSlice) cb({ status: 'failed', error: { code: 5001, message: 'Internal Error' } });
            else
              cb({
                status: 'succeeded',
                value: {
                  index,
                  size: 0,
                  data: Array.from(bytes.subarray(index * options.sliceSize, (index + 1) * options.sliceSize)),
                },
              });
          }, 0);
        },
        closeAsync(cb?: () => void) {
          log.closed++;
          cb?.();
        },
      };
      setTimeout(() => callback({ status: 'succeeded', value: file }), 0);
    },
  };
  return { document: document as unknown as Pick<Office.Document, 'getFileAsync' | 'url'>, log };
}
