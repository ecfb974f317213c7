import type { Grid } from '../../../shared/grid/grid.ts';
import type { Severity } from '../../../shared/model/finding.ts';
import { entriesOf, queueStoreRead, type StoredFill } from './annotation-store.ts';
import type { Capabilities } from './capabilities.ts';
import { isGradient, queueFillRead, queuePaint, queueRestore, sameColor, SEVERITY_FILL } from './fills.ts';
import { markText, queueAddMark, queueMarksRead, queueRemoveMark, removalOf } from './marks.ts';
import { gridOf, queueSheetMeta, readCells } from './read-sheet.ts';
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
  /** False when the check only listed findings (live re-check on a host whose writes clear undo). */
  marked: boolean;
  painted: boolean;
  coloured: number;
  notes: number;
  /** Cells with a staff note or comment: the add-in leaves it alone and lists the finding only. */
  staffMarked: string[];
  /** Cells with a gradient fill: Office.js cannot restore one, so they get a note but no colour. */
  gradientKept: string[];
  /** Round trips that wrote (0 when nothing changed since the last check). */
  writeSyncs: number;
}

export type Evaluate<T> = (grid: Grid) => { result: T; annotations: CellAnnotation[] };

export interface CheckOptions {
  /** Write marks (fills and notes); false lists findings only and leaves the workbook untouched. */
  mark: boolean;
}

/**
 * Reads the active sheet, lets `evaluate` check it, and brings the add-in's marks up to date, writing only
 * what changed. Round trips: one for the sheet's size, names and existing marks; one per 20,000 cells
 * (with the merged areas, mark locations and the fill record); one for the current fills of newly flagged
 * and newly fixed cells when there are any; one write when anything changed (more only past 2 MB).
 * A fixed cell gets its original fill back only while it still has the add-in's colour.
 */
export async function checkAndAnnotate<T>(
  context: Excel.RequestContext,
  caps: Capabilities,
  evaluate: Evaluate<T>,
  options: CheckOptions = { mark: true },
): Promise<{ grid: Grid; result: T; outcome: AnnotateOutcome }> {
  const mark = options.mark && caps.fills;
  const worksheet = context.workbook.worksheets.getActiveWorksheet();
  const meta = queueSheetMeta(context, worksheet);
  const store = mark ? queueStoreRead(context) : undefined;
  const marks = mark ? queueMarksRead(worksheet, caps) : undefined;
  await context.sync();

  const { id, name, sheetNames, box, names } = meta.meta();
  const extras = () => {
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
    coloured: 0,
    notes: 0,
    staffMarked: [],
    gradientKept: [],
    writeSyncs: 0,
  };
  if (!mark || !store || !marks) return { grid, result, outcome };

  const entries = store.entries();
  const mine = entriesOf(entries, { id, name }, sheetNames);
  const previous = new Map(mine.map((e) => [e.cell, e]));
  const flagged = new Map(annotations.map((a) => [a.cell, a]));
  const fresh = annotations.map((a) => a.cell).filter((cell) => !previous.has(cell));
  // Cells fixed since the last check: their fill goes back only while it is still the add-in's colour.
  const fixed = mine.filter((e) => !flagged.has(e.cell));
  const readFills = queueFillRead(worksheet, [...fresh, ...fixed.map((e) => e.cell)]);
  if (fresh.length + fixed.length > 0) await context.sync();
  const fills = readFills();
  const existing = marks.byCell();

  const batch = new WriteBatch(context, caps);
  const restore = fixed.filter((e) => sameColor(fills.get(e.cell)?.color ?? '', SEVERITY_FILL[e.severity]));
  if (restore.length > 0) batch.add(() => queueRestore(worksheet, restore), 200 * restore.length);
  const next: StoredFill[] = entries.filter((e) => !mine.includes(e));
  const paint: Record<Severity, string[]> = { error: [], warning: [], info: [] };
  for (const a of annotations) {
    const before = previous.get(a.cell);
    const original = before?.original ?? fills.get(a.cell);
    if (!original || isGradient(original)) {
      outcome.gradientKept.push(a.cell);
      continue;
    }
    next.push({ sheet: name, sheetId: id, cell: a.cell, severity: a.severity, original });
    outcome.coloured++;
    if (before?.severity !== a.severity) paint[a.severity].push(a.cell);
  }
  for (const severity of ['info', 'warning', 'error'] as const) {
    const cells = paint[severity];
    if (cells.length > 0) batch.add(() => queuePaint(worksheet, cells, SEVERITY_FILL[severity]), 20 * cells.length);
  }
  if (store.changes(next)) batch.add(() => store.queueWrite(next), 300 * next.length);

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
  outcome.writeSyncs = await batch.flush();
  return { grid, result, outcome };
}
