// The marks mokuhyo leaves in a workbook, and how they are undone: fills recorded in a hidden sheet,
// notes recognised by their marker, the results sheet named in the same hidden sheet.
import type ExcelJS from 'exceljs';
import type { Severity } from '../../shared/model/finding.ts';

/** Every note mokuhyo writes starts with this; staff notes never carry it. */
export const NOTE_MARKER = '【目標シート】';
/** Hidden sheet recording each coloured cell's original fill, so a later run can restore it. */
export const STATE_SHEET = '_mokuhyo';
export const RESULTS_SHEET = '検証結果';
const RESULTS_KEY = '#results';

/** Severity fills: light red, light yellow, light blue (Excel's "bad" and "neutral" styles). */
export const SEVERITY_ARGB: Readonly<Record<Severity, string>> = {
  error: 'FFFFC7CE',
  warning: 'FFFFEB9C',
  info: 'FFDDEBF7',
};

type NoteText = { text: string; font?: unknown };
type NoteObject = { texts?: NoteText[] } & Record<string, unknown>;

/** The plain text of a cell note, whatever form exceljs gives it in. */
export function noteText(note: ExcelJS.Comment | string | undefined): string {
  if (note === undefined) return '';
  if (typeof note === 'string') return note;
  return ((note as NoteObject).texts ?? []).map((t) => t.text).join('');
}

/** exceljs has no API to delete a note: drop it from the cell and from the value model it was loaded with. */
function removeNote(cell: ExcelJS.Cell): void {
  const inner = cell as unknown as { _comment?: unknown; _value?: { model?: { comment?: unknown } } };
  inner._comment = undefined;
  if (inner._value?.model) delete inner._value.model.comment;
}

/** Removes mokuhyo's part of a note, keeping the staff's own text (and its formatting) before it. */
function stripNote(cell: ExcelJS.Cell): void {
  const note = cell.note as ExcelJS.Comment | string | undefined;
  const text = noteText(note);
  const at = text.indexOf(NOTE_MARKER);
  if (at < 0) return;
  const kept = text.slice(0, at).replace(/\s+$/, '');
  if (kept === '') return removeNote(cell);
  if (typeof note === 'string' || !(note as NoteObject).texts) {
    cell.note = kept;
    return;
  }
  const runs: NoteText[] = [];
  let length = 0;
  for (const run of (note as NoteObject).texts ?? []) {
    if (length >= kept.length) break;
    runs.push({ ...run, text: run.text.slice(0, kept.length - length) });
    length += run.text.length;
  }
  cell.note = { ...(note as NoteObject), texts: runs } as unknown as ExcelJS.Comment;
}

/** Adds mokuhyo's messages to a cell note after any note the staff wrote there. */
export function addNote(cell: ExcelJS.Cell, messages: readonly string[]): void {
  const ours = `${NOTE_MARKER}\n${messages.join('\n')}`;
  const note = cell.note as ExcelJS.Comment | string | undefined;
  const staff = noteText(note);
  if (staff === '') cell.note = ours;
  else if (typeof note === 'string' || !(note as NoteObject).texts) cell.note = `${staff}\n\n${ours}`;
  else
    cell.note = {
      ...(note as NoteObject),
      texts: [...((note as NoteObject).texts ?? []), { text: `\n\n${ours}` }],
    } as unknown as ExcelJS.Comment;
}

function fillArgb(cell: ExcelJS.Cell): string | undefined {
  const fill = cell.style?.fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
  return fill?.type === 'pattern' && fill.pattern === 'solid' ? fill.fgColor?.argb : undefined;
}

/** Sets a cell's fill on a fresh style object (exceljs shares style objects between cells). */
export function setFill(cell: ExcelJS.Cell, fill: ExcelJS.Fill | undefined): void {
  const { fill: _old, ...rest } = cell.style ?? {};
  cell.style = fill ? { ...rest, fill } : rest;
}

/** One coloured cell as the state sheet records it. */
export interface MarkedCell {
  sheet: string;
  cell: string;
  /** The fill before mokuhyo coloured it, as JSON ("" when it had none). */
  original: string;
  argb: string;
}

/** Undoes an earlier run: original fills back where mokuhyo's colour is still there, its notes and sheets removed. */
export function removeMarks(workbook: ExcelJS.Workbook): void {
  const state = workbook.getWorksheet(STATE_SHEET);
  if (state) {
    state.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return;
      const [sheet, cell, original, argb] = [1, 2, 3, 4].map((i) => String(row.getCell(i).value ?? ''));
      if (sheet === RESULTS_KEY) {
        const results = workbook.getWorksheet(cell);
        if (results) workbook.removeWorksheet(results.id);
        return;
      }
      const target = workbook.getWorksheet(sheet!)?.getCell(cell!);
      if (!target) return;
      if (fillArgb(target) === argb) setFill(target, original ? (JSON.parse(original!) as ExcelJS.Fill) : undefined);
      stripNote(target);
    });
    workbook.removeWorksheet(state.id);
  }
  for (const ws of workbook.worksheets) {
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.note) stripNote(cell);
      }),
    );
  }
}

/** Colours a cell for its severity, remembering the fill it had. */
export function markCell(ws: ExcelJS.Worksheet, address: string, severity: Severity): MarkedCell {
  const cell = ws.getCell(address);
  const original = cell.style?.fill ? JSON.stringify(cell.style.fill) : '';
  const argb = SEVERITY_ARGB[severity];
  setFill(cell, { type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { indexed: 64 } } as ExcelJS.Fill);
  return { sheet: ws.name, cell: address, original, argb };
}

/** Writes the hidden state sheet: every coloured cell, and the results sheet's name. */
export function writeState(workbook: ExcelJS.Workbook, marked: readonly MarkedCell[], resultsSheet: string): void {
  const ws = workbook.addWorksheet(STATE_SHEET, { state: 'hidden' });
  ws.addRow(['sheet', 'cell', 'original fill', 'mark']);
  ws.addRow([RESULTS_KEY, resultsSheet, '', '']);
  for (const m of marked) ws.addRow([m.sheet, m.cell, m.original, m.argb]);
}
