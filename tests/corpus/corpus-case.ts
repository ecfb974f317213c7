// The variety corpus: workbooks laid out as other offices keep the same forms, each described here in
// TypeScript (rows of cells, merges, notes) with the extraction a careful reader expects, written by hand.
import ExcelJS from 'exceljs';
import type { FamilyId } from '../../shared/model/record.ts';
import type { HeaderKind } from '../../shared/values/types.ts';
import { dosDateTime, withFixedZipTimestamps } from '../../seed-src/build/stable-zip.ts';

/** A cell as typed: text, a number, or nothing. */
export type CellInput = string | number | null;

/** One worksheet: rows from A1 down (prefix empty rows/cells to move a block), merges and notes. */
export interface SheetInput {
  name: string;
  rows: CellInput[][];
  merges?: string[];
  /** Cell comments (注釈) by A1 address. */
  notes?: Record<string, string>;
  /** Column widths in characters, from column A. */
  widths?: number[];
}

/** One expected value of a measure: `${kind}:${year}` → the number, or the text a qualitative cell holds. */
export type ExpectedValues = Partial<Record<`${HeaderKind}:${number}` | `${HeaderKind}:?`, number | string>>;

export interface ExpectedMeasure {
  name: string;
  values?: ExpectedValues;
  /** Family columns that must read as written (担当課, 評価…), compared after trimming. */
  fields?: Record<string, string>;
}

/** What a reader of the sheet knows without asking: its form, body, year and every indicator's numbers. */
export interface ExpectedSheet {
  sheet: string;
  variant: string;
  /** The body (ward, city, office) the sheet reports to, as the summary should title it. */
  body: string | null;
  fiscalYear: number | null;
  /** The division (or 所属) the sheet is of, when it names one. */
  organization?: string;
  measures?: ExpectedMeasure[];
  /** Header fields and narrative blocks that must hold this text (a part of it is enough). */
  fields?: Record<string, string>;
  /** List entries by list key: each must be found (its text contains the given one). */
  items?: Record<string, string[]>;
  /** Error codes a careful reader would raise too (a 撤退基準 breach rated ②); any other error is the layout's fault. */
  errors?: string[];
}

export interface CorpusCase {
  family: FamilyId;
  /** File name as the office saved it. */
  file: string;
  /** What the layout differs in, for the reader of the corpus. */
  mutations: string[];
  sheets: SheetInput[];
  expect: ExpectedSheet[];
}

/** The workbook of a case, with fixed zip timestamps so regenerating it changes no bytes. */
export async function caseWorkbook(c: CorpusCase): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'mokuhyo corpus';
  wb.created = new Date(Date.UTC(2021, 3, 1));
  wb.modified = wb.created;
  for (const input of c.sheets) {
    const ws = wb.addWorksheet(input.name);
    input.rows.forEach((row, r) =>
      row.forEach((value, col) => {
        if (value === null || value === '') return;
        const cell = ws.getCell(r + 1, col + 1);
        cell.value = value;
        cell.alignment = { wrapText: true, vertical: 'top' };
        cell.font = { name: '游ゴシック', size: 10 };
      }),
    );
    for (const range of input.merges ?? []) ws.mergeCells(range);
    for (const [address, note] of Object.entries(input.notes ?? {})) ws.getCell(address).note = note;
    const widest = Math.max(0, ...input.rows.map((r) => r.length));
    for (let col = 1; col <= widest; col++) ws.getColumn(col).width = input.widths?.[col - 1] ?? 14;
    ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  }
  const bytes = await wb.xlsx.writeBuffer();
  return withFixedZipTimestamps(new Uint8Array(bytes as ArrayBuffer), dosDateTime(2021, 4, 1));
}
