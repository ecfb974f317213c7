import { entriesOf, queueStoreRead } from './annotation-store.ts';
import type { Capabilities } from './capabilities.ts';
import { queueFillRead, queueRestore, SEVERITY_FILL, sameColor } from './fills.ts';
import { queueMarksRead, queueRemoveMark, removalOf } from './marks.ts';
import { WriteBatch } from './write-batch.ts';

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
 * Removes the add-in's marks from the active sheet: fills back to what the record says they were (unless
 * staff changed the colour since), only notes/comments carrying the add-in's prefix deleted. Three read
 * round trips (the sheet and record, the record's XML and mark locations, the current fills) and one write.
 */
export async function clearActiveSheet(context: Excel.RequestContext, caps: Capabilities): Promise<ClearOutcome> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load('id,name');
  const sheets = context.workbook.worksheets.load('items/name');
  const store = caps.fills ? queueStoreRead(context) : undefined;
  const marks = queueMarksRead(sheet, caps);
  await context.sync();

  store?.queueXml();
  marks.locate();
  await context.sync();

  const entries = store?.entries() ?? [];
  const mine = entriesOf(entries, { id: sheet.id, name: sheet.name }, new Set(sheets.items.map((s) => s.name)));
  const readFills = queueFillRead(
    sheet,
    mine.map((e) => e.cell),
  );
  if (mine.length > 0) await context.sync();

  const current = readFills();
  const restore = mine.filter((e) => sameColor(current.get(e.cell)?.color ?? '', SEVERITY_FILL[e.severity]));
  const outcome: ClearOutcome = {
    restored: restore.length,
    removedMarks: 0,
    keptFills: mine.filter((e) => !restore.includes(e)).map((e) => e.cell),
    keptComments: [],
  };
  const batch = new WriteBatch(context, caps);
  if (restore.length > 0) batch.add(() => queueRestore(sheet, restore), 200 * restore.length);
  for (const [cell, mark] of marks.byCell()) {
    if (!mark.own) continue;
    const removal = removalOf(mark, caps);
    if (removal === 'deleted') outcome.removedMarks++;
    else outcome.keptComments.push(cell);
    if (removal !== 'kept') batch.add(() => queueRemoveMark(mark, caps), 100);
  }
  const rest = entries.filter((e) => !mine.includes(e));
  if (store?.changes(rest)) batch.add(() => store.queueWrite(rest), 300 * entries.length);
  await batch.flush();
  return outcome;
}
