import { contentGrids, extractSheet, type SheetExtraction } from '../../shared/extract/index.ts';
import { FAMILIES } from '../../shared/families/index.ts';
import type { FileError, FileRecord } from '../../shared/model/record.ts';
import { readWorkbookFile, toFileError, type WorkbookLimits } from '../xlsx/index.ts';
import { lockFileError, pathProblem } from './collect-files.ts';

export interface FileExtraction {
  record: FileRecord;
  sheets: SheetExtraction[];
}

/** Reads one workbook and extracts every sheet; an unreadable file becomes a record with its error. */
export async function extractFile(file: string, limits?: Partial<WorkbookLimits>): Promise<FileExtraction> {
  const problem = pathProblem(file);
  if (problem) return { record: { file, error: problem, sheets: [] }, sheets: [] };
  try {
    const { grids } = await readWorkbookFile(file, limits ? { limits } : {});
    const sheets = contentGrids(grids).map((grid) => extractSheet(grid, FAMILIES));
    return { record: { file, error: null, sheets: sheets.map((s) => s.record) }, sheets };
  } catch (err) {
    return { record: { file, error: fileErrorOf(err, file), sheets: [] }, sheets: [] };
  }
}

/** File-system failures get their own codes; everything else is the reader's classification. */
export function fileErrorOf(err: unknown, file: string): FileError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const lock = lockFileError(file);
  if (lock && code !== 'ENOENT') return lock;
  if (code === 'ELOOP')
    return (
      pathProblem(file) ?? { code: 'symlink-loop', message: `シンボリックリンクが循環しているため読めません: ${file}` }
    );
  if (code === 'ENOENT') return { code: 'not-found', message: `ファイルが見つかりません: ${file}` };
  if (code === 'EISDIR') return { code: 'not-a-file', message: `ファイルではなくフォルダです: ${file}` };
  if (code === 'EACCES' || code === 'EPERM')
    return { code: 'no-access', message: `ファイルを読む権限がありません: ${file}` };
  return toFileError(err);
}
