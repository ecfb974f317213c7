import { inspectPackage, isUnreadableWorkbookError, resolveLimits } from '../xlsx/index.ts';

/** A cheap refusal of an upload, before anything is stored. */
export interface UploadRefusal {
  status: 413 | 415 | 422;
  code: string;
  message: string;
}

const NOT_A_WORKBOOK = new Set(['not-zip', 'legacy-xls', 'not-spreadsheet']);
/**
 * A package whose parts are damaged is stored and judged 読込不可 by the worker (the coordinator sees that the
 * division sent a broken file), as it always was when exceljs found it; the worker's reader refuses it the same.
 */
const STORED_AS_UNREADABLE = new Set(['corrupt']);

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
    if (STORED_AS_UNREADABLE.has(err.code)) return null;
    return { status: NOT_A_WORKBOOK.has(err.code) ? 415 : 422, code: err.code, message: err.message };
  }
  return null;
}
