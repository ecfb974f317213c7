// The marked copy from bytes, under the readers' limits: inspectPackage (size, zip, DTDs, cells, columns,
// rows, merged area, shared strings, part sizes, macros) refuses a workbook before exceljs builds it.
// Run in the sandbox child by the console; run in-process by `validate --annotate` on a file it has read.
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { EXCEL_MAX_CELL_CHARS, fitCellText } from '../xlsx/cell-text.ts';
import { inspectPackage, type WorkbookLimits } from '../xlsx/index.ts';
import { annotate } from './annotate-workbook.ts';
import type { SheetFindings } from './results-sheet.ts';

export { EXCEL_MAX_CELL_CHARS, fitCellText, TRUNCATED_MARK } from '../xlsx/cell-text.ts';

/** Shortens every cell over Excel's limit (plain and rich text) so the copy opens in Excel. */
export function fitLongCells(workbook: ExcelJS.Workbook): number {
  let shortened = 0;
  workbook.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (typeof v === 'string' && v.length > EXCEL_MAX_CELL_CHARS) {
          cell.value = fitCellText(v);
          shortened++;
        } else if (v && typeof v === 'object' && 'richText' in v) {
          const whole = v.richText.map((r) => r.text).join('');
          if (whole.length > EXCEL_MAX_CELL_CHARS) {
            cell.value = fitCellText(whole);
            shortened++;
          }
        }
      });
    });
  });
  return shortened;
}

/** The marked copy of workbook bytes; an UnreadableWorkbookError when they are over the limits. */
export async function annotateBytes(
  bytes: Buffer,
  sheets: readonly SheetFindings[],
  limits?: Partial<WorkbookLimits>,
): Promise<Buffer> {
  (await inspectPackage(bytes, limits)).parts.clear();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  fitLongCells(workbook);
  annotate(workbook, sheets);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Writes an annotated copy of `input` to `output`; the input file is only read, under the readers' limits
 * (annotateBytes).
 */
export async function annotateFile(input: string, output: string, sheets: readonly SheetFindings[]): Promise<void> {
  const bytes = await annotateBytes(await readFile(input), sheets);
  const temp = join(dirname(output), `.${basename(output)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, bytes);
    await rename(temp, output);
  } finally {
    await rm(temp, { force: true });
  }
}
