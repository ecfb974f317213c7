import type { Grid } from '../../../shared/grid/grid.ts';
import type { Severity } from '../../../shared/model/finding.ts';
import { entriesOf, queueStoreRead, type CellFill, type StoredFill } from './annotation-store.ts';
import type { Capabilities } from './capabilities.ts';
import {
  isGradient,
  isSeverityFill,
  NO_FILL,
  queueFillRead,
  queuePaint,
  queueRestore,
  sameColor,
  sameFill,
  SEVERITY_FILL,
} from './fills.ts';
import { markText, queueAddMark, queueMarksRead, queueRemoveMark, removalOf } from './marks.ts';
import { canAnnotate, gridOf, queueSheetMeta, readCells } from './read-sheet.ts';
import { strayOriginal } from './stray-marks.ts';
import { WriteBatch } from './write-batch.ts';

/** What to put on one cell: its worst severity and the text of its note. */
export interface CellAnnotation {
  cell: string;
  severity: Severity;
  text: string;
}

/** What the write did: how findings reached the sheet, and cells whose staff note kept ours out. */
export interface AnnotateOutcome {
  mode: Capabilities['annotations'];
  /** False when the check only listed findings (live re-check, protected sheet, a write Excel refused). */
  marked: boolean;
  painted: boolean;
  /** The sheet is protected against the add-in's writes: the findings are listed only. */
  protected: boolean;
  coloured: number;
  notes: number;
  /** Cells with a staff note or comment: the add-in leaves it alone and lists the finding only. */
  staffMarked: string[];
  /** Cells with a gradient fill: Office.js cannot restore one, so they get a note but no colour. */
  gradientKept: string[];
  /** Round trips that wrote (0 when nothing changed since the last check). */
  writeSyncs: number;
  /** Why Excel refused the write, when it did: the findings are still listed. */
  writeFailure: unknown;
}

export type Evaluate<T> = (grid: Grid) => { result: T; annotations: CellAnnotation[] };

export interface CheckOptions {
  /** Write annotations (fills and notes); false lists findings only and leaves the workbook untouched. */
  mark: boolean;
}

/**
 * Reads the active sheet, lets `evaluate` check it, and brings the add-in's annotations up to date, writing
 * only what changed. Round trips: one for the sheet's size, protection, names and existing notes; one per
 * 20,000 cells (with the merged areas, note locations and the fill record); one for the current fills of the
 * cells flagged now or before; one write when anything changed (more only past 2 MB).
 *
 * The fills are compared with the record every time, because the record (a custom XML part) stays as it is
 * when staff press Ctrl+Z (OfficeDev/office-js#6415): a cell whose colour was undone is painted again, a
 * colour brought back by undoing a clean-up is taken off again, and a copied sheet's colours are never taken
 * for its cells' original fills.
 */
export async function checkAndAnnotate<T>(
  context: Excel.RequestContext,
  caps: Capabilities,
  evaluate: Evaluate<T>,
  options: CheckOptions = { mark: true },
): Promise<{ grid: Grid; result: T; outcome: AnnotateOutcome }> {
  const wanted = options.mark && caps.fills;
  const worksheet = context.workbook.worksheets.getActiveWorksheet();
  const meta = queueSheetMeta(context, worksheet);
  const store = wanted ? queueStoreRead(context) : undefined;
  const marks = wanted ? queueMarksRead(worksheet, caps) : undefined;
  await context.sync();

  const { id, name, sheetNames, box, names, protection } = meta.meta();
  const blocked = wanted && !canAnnotate(protection, caps.annotations !== 'list-only');
  const mark = wanted && !blocked;
  const extras = () => {
    if (!mark) return;
    store?.queueXml();
    marks?.locate();
  };
  let grid: Grid;
  if (box) {
    const { range, mergeAddresses } = await readCells(context, worksheet, box, caps, extras);
    grid = gridOf(name, range, mergeAddresses, names);
  } else {
    extras();
    await context.sync();
    grid = gridOf(name, null, [], names);
  }
  const { result, annotations } = evaluate(grid);
  const outcome: AnnotateOutcome = {
    mode: caps.annotations,
    marked: mark,
    painted: mark,
    protected: blocked,
    coloured: 0,
    notes: 0,
    staffMarked: [],
    gradientKept: [],
    writeSyncs: 0,
    writeFailure: null,
  };
  if (!mark || !store || !marks) return { grid, result, outcome };

  const entries = store.entries();
  const mine = entriesOf(entries, { id, name }, sheetNames);
  const others = entries.filter((e) => !mine.includes(e));
  const previous = new Map(mine.map((e) => [e.cell, e]));
  const flagged = new Map(annotations.map((a) => [a.cell, a]));
  const existing = marks.byCell();
  // The add-in's own note with no record entry: a copied sheet, or Ctrl+Z of an earlier clean-up.
  const strays = new Set([...existing].filter(([cell, m]) => m.own && !previous.has(cell)).map(([cell]) => cell));
  const readFills = queueFillRead(worksheet, [...new Set([...flagged.keys(), ...previous.keys(), ...strays])]);
  if (flagged.size + previous.size + strays.size > 0) await context.sync();
  const fills = readFills();
  const fillOf = (cell: string): CellFill => fills.get(cell) ?? NO_FILL;

  const restore: { cell: string; original: CellFill }[] = [];
  for (const e of mine)
    if (!flagged.has(e.cell) && sameColor(fillOf(e.cell).color, SEVERITY_FILL[e.severity]))
      restore.push({ cell: e.cell, original: e.original });
  for (const cell of strays)
    if (!flagged.has(cell) && isSeverityFill(fillOf(cell)))
      restore.push({ cell, original: strayOriginal(others, cell, fillOf(cell)) });

  const next: StoredFill[] = [...others];
  const paint: Record<Severity, string[]> = { error: [], warning: [], info: [] };
  for (const a of annotations) {
    const before = previous.get(a.cell);
    const current = fillOf(a.cell);
    if (!before && isGradient(current)) {
      outcome.gradientKept.push(a.cell);
      continue;
    }
    const original =
      before?.original ??
      (strays.has(a.cell) && isSeverityFill(current) ? strayOriginal(others, a.cell, current) : current);
    next.push({ sheet: name, sheetId: id, cell: a.cell, severity: a.severity, original });
    const want = SEVERITY_FILL[a.severity];
    const right = current.pattern === 'Solid' && sameColor(current.color, want);
    // A recorded cell is repainted when its severity changed or Ctrl+Z took the colour off; a colour staff
    // gave it since is theirs and stays.
    const repaint = !before || isSeverityFill(current) || sameFill(current, before.original);
    if (right || repaint) outcome.coloured++;
    if (!right && repaint) paint[a.severity].push(a.cell);
  }

  const batch = new WriteBatch(context, caps);
  // The record first: if Excel refuses a later write, the next check still finds what was painted.
  if (store.changes(next)) batch.add(() => store.queueWrite(next), 300 * next.length);
  if (restore.length > 0) batch.add(() => queueRestore(worksheet, restore), 200 * restore.length);
  for (const severity of ['info', 'warning', 'error'] as const) {
    const cells = paint[severity];
    if (cells.length > 0) batch.add(() => queuePaint(worksheet, cells, SEVERITY_FILL[severity]), 20 * cells.length);
  }
  for (const [cell, existingMark] of existing) {
    if (existingMark.own && !flagged.has(cell) && removalOf(existingMark, caps) !== 'kept')
      batch.add(() => queueRemoveMark(existingMark, caps), 100);
  }
  for (const a of annotations) {
    if (caps.annotations === 'list-only') break;
    const there = existing.get(a.cell);
    if (there && !there.own) {
      outcome.staffMarked.push(a.cell);
      continue;
    }
    outcome.notes++;
    const text = markText(a.text);
    if (!there) batch.add(() => queueAddMark(worksheet, caps, a.cell, a.text), 3 * text.length + 100);
    else if (there.content !== text)
      batch.add(
        () => {
          there.item.content = text;
        },
        3 * text.length + 100,
      );
  }
  try {
    outcome.writeSyncs = await batch.flush();
  } catch (err) {
    // The findings are read and checked: the list shows them even when Excel refuses the annotations.
    outcome.writeFailure = err;
    outcome.marked = false;
  }
  return { grid, result, outcome };
}
