import { entriesOf, queueStoreRead, type CellFill } from './annotation-store.ts';
import type { Capabilities } from './capabilities.ts';
import { isSeverityFill, NO_FILL, queueFillRead, queueRestore, SEVERITY_FILL, sameColor } from './fills.ts';
import { queueMarksRead, queueRemoveMark, removalOf } from './marks.ts';
import { canAnnotate, queueProtection } from './read-sheet.ts';
import { strayOriginal } from './stray-marks.ts';
import { WriteBatch } from './write-batch.ts';

/** 注釈を消す on a sheet whose protection refuses the add-in's writes. */
export class ProtectedSheetError extends Error {
  constructor(readonly sheet: string) {
    super(`The sheet ${sheet} is protected.`);
    this.name = 'ProtectedSheetError';
  }
}

/** What 注釈を消す did on the active sheet. */
export interface ClearOutcome {
  restored: number;
  removedMarks: number;
  /** Cells staff re-coloured after the check: their fill is theirs now and stays. */
  keptFills: string[];
  /** Cells whose comment has replies: deleting it would delete the replies, so it stays (resolved). */
  keptComments: string[];
}

/**
 * Removes the add-in's annotations from the active sheet: fills back to what the record says they were
 * (unless staff changed the colour since), only notes/comments carrying the add-in's prefix deleted. A cell
 * with the add-in's note and colour but no record entry (a copied sheet, an undone clean-up) gets the
 * original its source sheet recorded, else no fill. Three read round trips (the sheet, its protection and
 * the record; the record's XML and note locations; the current fills) and one write. A protected sheet is
 * refused before anything is written.
 */
export async function clearActiveSheet(context: Excel.RequestContext, caps: Capabilities): Promise<ClearOutcome> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load('id,name');
  const protection = queueProtection(sheet);
  const sheets = context.workbook.worksheets.load('items/name');
  const store = caps.fills ? queueStoreRead(context) : undefined;
  const marks = queueMarksRead(sheet, caps);
  await context.sync();
  if (!canAnnotate(protection(), caps.annotations !== 'list-only')) throw new ProtectedSheetError(sheet.name);

  store?.queueXml();
  marks.locate();
  await context.sync();

  const entries = store?.entries() ?? [];
  const mine = entriesOf(entries, { id: sheet.id, name: sheet.name }, new Set(sheets.items.map((s) => s.name)));
  const others = entries.filter((e) => !mine.includes(e));
  const existing = marks.byCell();
  const recorded = new Set(mine.map((e) => e.cell));
  const strays = caps.fills ? [...existing].filter(([cell, m]) => m.own && !recorded.has(cell)).map(([c]) => c) : [];
  const readFills = queueFillRead(sheet, [...mine.map((e) => e.cell), ...strays]);
  if (mine.length + strays.length > 0) await context.sync();

  const current = readFills();
  const fillOf = (cell: string): CellFill => current.get(cell) ?? NO_FILL;
  const restore: { cell: string; original: CellFill }[] = mine.filter((e) =>
    sameColor(fillOf(e.cell).color, SEVERITY_FILL[e.severity]),
  );
  for (const cell of strays)
    if (isSeverityFill(fillOf(cell))) restore.push({ cell, original: strayOriginal(others, cell, fillOf(cell)) });
  const outcome: ClearOutcome = {
    restored: restore.length,
    removedMarks: 0,
    keptFills: mine.filter((e) => !restore.some((r) => r.cell === e.cell)).map((e) => e.cell),
    keptComments: [],
  };
  const batch = new WriteBatch(context, caps);
  if (store?.changes(others)) batch.add(() => store.queueWrite(others), 300 * entries.length);
  if (restore.length > 0) batch.add(() => queueRestore(sheet, restore), 200 * restore.length);
  for (const [cell, mark] of existing) {
    if (!mark.own) continue;
    const removal = removalOf(mark, caps);
    if (removal === 'deleted') outcome.removedMarks++;
    else outcome.keptComments.push(cell);
    if (removal !== 'kept') batch.add(() => queueRemoveMark(mark, caps), 100);
  }
  await batch.flush();
  return outcome;
}
