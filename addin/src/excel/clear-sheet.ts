import { queueStoreRead, queueStoreWrite } from './annotation-store.ts';
import type { Capabilities } from './capabilities.ts';
import { queueFillRead, queueRestore, SEVERITY_FILL, sameColor } from './fills.ts';
import { queueMarksRead } from './marks.ts';

/** What 注釈を消す did on the active sheet. */
export interface ClearOutcome {
  restored: number;
  removedMarks: number;
  /** Cells staff re-coloured after the check: their fill is theirs now and stays. */
  keptFills: string[];
}

/**
 * Removes the add-in's marks from the active sheet: fills back to what the store says they were (unless
 * staff changed the colour since), only notes/comments carrying the add-in's prefix deleted.
 */
export async function clearActiveSheet(context: Excel.RequestContext, caps: Capabilities): Promise<ClearOutcome> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load('id');
  const store = caps.fills ? queueStoreRead(context) : undefined;
  const marks = queueMarksRead(sheet, caps);
  await context.sync();

  const entries = store?.entries() ?? [];
  const mine = entries.filter((e) => e.sheetId === sheet.id);
  const readFills = queueFillRead(sheet, mine.map((e) => e.cell));
  const located = marks.locate();
  if (mine.length > 0 || located) await context.sync();

  const current = readFills();
  const restore = mine.filter((e) => sameColor(current.get(e.cell)?.color ?? '', SEVERITY_FILL[e.severity]));
  const outcome: ClearOutcome = { restored: restore.length, removedMarks: 0, keptFills: mine.filter((e) => !restore.includes(e)).map((e) => e.cell) };
  if (caps.suspendScreen) context.workbook.application.suspendScreenUpdatingUntilNextSync();
  queueRestore(sheet, restore);
  for (const [, mark] of marks.byCell()) {
    if (!mark.own) continue;
    mark.item.delete();
    outcome.removedMarks++;
  }
  if (store && mine.length > 0) queueStoreWrite(context, store.sheet, entries.filter((e) => e.sheetId !== sheet.id));
  await context.sync();
  return outcome;
}
