import { inspectPackage, isUnreadableWorkbookError, resolveLimits } from '../xlsx/index.ts';

/** A cheap refusal of an upload, before anything is stored. */
export interface UploadRefusal {
  status: 413 | 415 | 422;
  code: string;
  message: string;
}

const NOT_A_WORKBOOK = new Set(['not-zip', 'legacy-xls', 'not-spreadsheet']);

/** Size and "is a spreadsheet package" checks: cheap enough for the request path. */
export async function checkUpload(bytes: Buffer, maxBytes: number): Promise<UploadRefusal | null> {
  if (bytes.length > maxBytes)
    return {
      status: 413,
      code: 'too-large',
      message: `ファイルが大きすぎます（上限 ${Math.round(maxBytes / 1024 / 1024)} MB）。`,
    };
  if (bytes.length === 0) return { status: 422, code: 'empty', message: 'ファイルが空です（0 バイト）。' };
  // Not a zip is classified by the reader too, so a legacy .xls or an encrypted workbook gets its own reason.
  try {
    await inspectPackage(bytes, resolveLimits({ maxBytes }));
  } catch (err) {
    if (!isUnreadableWorkbookError(err)) throw err;
    // A sound package whose sheet XML is broken is a workbook all the same: it is stored and judged 読込不可 by
    // the worker, so the coordinator sees the attempt and the ledger, the console and consolidate agree on it.
    if (err.code === 'corrupt' && err.part !== undefined) return null;
    return { status: NOT_A_WORKBOOK.has(err.code) ? 415 : 422, code: err.code, message: err.message };
  }
  return null;
}
