// The Content-Types a workbook upload may carry, checked before its body is read on every route that takes
// one (`POST /api/submissions`, the console's check routes).

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * .xlsx, .xlsm, and generic binary (what scripts and some browsers send for a file). Anything else (text,
 * images, forms, multipart, JSON) is 415 before the body is read. A macro-enabled workbook's type is let
 * through so that its sender is told why (`macro`) rather than only "wrong type".
 */
export const WORKBOOK_TYPES: ReadonlySet<string> = new Set([
  XLSX_TYPE,
  'application/vnd.ms-excel.sheet.macroenabled.12',
  'application/octet-stream',
]);

/** The media type of a Content-Type header, lower-cased, without parameters. */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

export function isWorkbookType(header: string | undefined): boolean {
  return WORKBOOK_TYPES.has(mediaType(header));
}
