import { extractSheet, type SheetExtraction } from '../../shared/extract/index.ts';
import { FAMILIES } from '../../shared/families/index.ts';
import type { FileRecord } from '../../shared/model/record.ts';
import { readWorkbookFile, toFileError, type WorkbookLimits } from '../xlsx/index.ts';

export interface FileExtraction {
  record: FileRecord;
  sheets: SheetExtraction[];
}

/** Reads one workbook and extracts every sheet; an unreadable file becomes a record with its error. */
export async function extractFile(file: string, limits?: Partial<WorkbookLimits>): Promise<FileExtraction> {
  try {
    const { grids } = await readWorkbookFile(file, limits ? { limits } : {});
    const sheets = grids.map((grid) => extractSheet(grid, FAMILIES));
    return { record: { file, error: null, sheets: sheets.map((s) => s.record) }, sheets };
  } catch (err) {
    return { record: { file, error: toFileError(err), sheets: [] }, sheets: [] };
  }
}
