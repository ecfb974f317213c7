import type { Grid } from '../../../shared/grid/grid.ts';
import type { Severity } from '../../../shared/model/finding.ts';
import { queueStoreRead, queueStoreWrite, type StoredFill } from './annotation-store.ts';
import type { Capabilities } from './capabilities.ts';
import { queueFillRead, queuePaint, queueRestore, SEVERITY_FILL } from './fills.ts';
import { queueAddMark, queueMarksRead } from './marks.ts';
import { queueSheetRead } from './read-sheet.ts';

/** What to put on one cell: its worst severity and the text of its note. */
export interface CellAnnotation {
  cell: string;
  severity: Severity;
  text: string;
}

/** What the write did: how findings reached the sheet, and cells whose staff note kept ours out. */
export interface AnnotateOutcome {
  mode: Capabilities['annotations'];
  painted: boolean;
  coloured: number;
  marked: number;
  /** Cells with a staff note or comment: the add-in leaves it alone and lists the finding only. */
  staffMarked: string[];
}

export type Evaluate<T> = (grid: Grid) => { result: T; annotations: CellAnnotation[] };

/**
 * Reads the active sheet, lets `evaluate` check it, and replaces the add-in's previous marks with new
 * ones: two read syncs and one write sync whatever the sheet's size. Original fills come from the store
 * when a cell is already coloured, so re-checking never stacks.
 */
export async function checkAndAnnotate<T>(context: Excel.RequestContext, caps: Capabilities, evaluate: Evaluate<T>): Promise<{ grid: Grid; sheetId: string; result: T; outcome: AnnotateOutcome }> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  let read = queueSheetRead(context, sheet, caps);
  let store = caps.fills ? queueStoreRead(context) : undefined;
  let marks = queueMarksRead(sheet, caps);
  try {
    await context.sync();
  } catch (err) {
    // Excel refuses merged areas beyond 512 on a sheet; read the cells without them rather than fail.
    if (!caps.merges) throw err;
    const noMerges = { ...caps, merges: false };
    read = queueSheetRead(context, sheet, noMerges);
    store = caps.fills ? queueStoreRead(context) : undefined;
    marks = queueMarksRead(sheet, noMerges);
    await context.sync();
  }

  const grid = read.grid();
  const sheetId = read.id();
  const { result, annotations } = evaluate(grid);
  const entries = store?.entries() ?? [];
  const previous = new Map(entries.filter((e) => e.sheetId === sheetId).map((e) => [e.cell, e]));
  const fresh = caps.fills ? annotations.map((a) => a.cell).filter((cell) => !previous.has(cell)) : [];
  const readFills = queueFillRead(sheet, fresh);
  const located = marks.locate();
  if (fresh.length > 0 || located) await context.sync();

  const originals = readFills();
  const existing = marks.byCell();
  const flagged = new Set(annotations.map((a) => a.cell));
  if (caps.suspendScreen) context.workbook.application.suspendScreenUpdatingUntilNextSync();

  const outcome: AnnotateOutcome = { mode: caps.annotations, painted: caps.fills, coloured: 0, marked: 0, staffMarked: [] };
  if (caps.fills && store) {
    queueRestore(sheet, [...previous.values()].filter((e) => !flagged.has(e.cell)));
    const next: StoredFill[] = entries.filter((e) => e.sheetId !== sheetId);
    for (const severity of ['info', 'warning', 'error'] as const) {
      const cells = annotations.filter((a) => a.severity === severity).map((a) => a.cell);
      queuePaint(sheet, cells, SEVERITY_FILL[severity]);
      for (const cell of cells) {
        const original = previous.get(cell)?.original ?? originals.get(cell);
        if (original) next.push({ sheetId, sheet: grid.sheet, cell, severity, original });
      }
      outcome.coloured += cells.length;
    }
    queueStoreWrite(context, store.sheet, next);
  }
  for (const [, mark] of existing) if (mark.own) mark.item.delete();
  for (const a of annotations) {
    if (caps.annotations === 'list-only') break;
    if (existing.get(a.cell)?.own === false) {
      outcome.staffMarked.push(a.cell);
      continue;
    }
    queueAddMark(sheet, caps, a.cell, a.text);
    outcome.marked++;
  }
  await context.sync();
  return { grid, sheetId, result, outcome };
}
