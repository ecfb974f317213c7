import { contentGrids } from '../../shared/extract/index.ts';
import type { FileError, SheetRecord } from '../../shared/model/record.ts';
import { checkGrid, type Phase } from '../../shared/rules/index.ts';
import type { SubmissionStatus } from '../../shared/summary/index.ts';
import { isUnreadableWorkbookError, readWorkbook, type WorkbookLimits } from '../xlsx/index.ts';

/** What ingesting one workbook produced: the status, the reason when refused, and every sheet's record. */
export interface IngestResult {
  status: SubmissionStatus;
  error: FileError | null;
  sheets: SheetRecord[];
}

export interface IngestOptions {
  phase?: Phase;
  limits?: Partial<WorkbookLimits>;
  /** The file name as the sender saved it: the last place body and year are looked for. */
  file?: string;
}

/**
 * read → extract → validate → record: the use case both the queue processor and `consolidate` run.
 * An unreadable workbook is a result, not an exception; anything else thrown is an infrastructure fault.
 */
export async function ingestWorkbook(bytes: Buffer, options: IngestOptions = {}): Promise<IngestResult> {
  let grids;
  try {
    grids = (
      await readWorkbook(bytes, {
        ...(options.limits ? { limits: options.limits } : {}),
        ...(options.file ? { file: options.file } : {}),
      })
    ).grids;
  } catch (err) {
    if (isUnreadableWorkbookError(err))
      return { status: 'unreadable', error: { code: err.code, message: err.message }, sheets: [] };
    throw err;
  }
  const sheets = contentGrids(grids).map(
    (grid) => checkGrid(grid, options.phase ? { phase: options.phase } : {}).record,
  );
  const known = sheets.filter((s) => s.family);
  if (known.length === 0)
    return {
      status: 'rejected',
      error: { code: 'no-form', message: '既知の様式（目標管理シートなど）のシートが見つかりません。' },
      sheets,
    };
  const errors = known.reduce((n, s) => n + s.findings.filter((f) => f.severity === 'error').length, 0);
  if (errors > 0)
    return {
      status: 'rejected',
      error: {
        code: 'validation',
        message: `検証でエラーが ${errors} 件見つかりました。検証結果を確認して修正してください。`,
      },
      sheets,
    };
  return { status: 'accepted', error: null, sheets };
}
