import type { Capabilities } from './capabilities.ts';

/** Prefix of every note or comment the add-in writes; anything without it belongs to staff. */
export const MARK_PREFIX = '【目標シート】';

type MarkObject = Excel.Note | Excel.Comment;

/** The sheet's notes (ExcelApi 1.18) or comments (1.10) as one collection, or none. */
function collectionOf(sheet: Excel.Worksheet, caps: Capabilities): Excel.NoteCollection | Excel.CommentCollection | undefined {
  if (caps.annotations === 'notes') return sheet.notes;
  if (caps.annotations === 'comments') return sheet.comments;
  return undefined;
}

/** The sheet's existing notes/comments: contents after one sync, cells after the next. */
export interface QueuedMarks {
  /** Queues each item's location; call after the first sync. Returns false when there is nothing to locate. */
  locate(): boolean;
  /** After the second sync: cell → whether the mark is the add-in's own, plus the objects to delete. */
  byCell(): Map<string, { own: boolean; item: MarkObject }>;
}

export function queueMarksRead(sheet: Excel.Worksheet, caps: Capabilities): QueuedMarks {
  const collection = collectionOf(sheet, caps);
  collection?.load('items/content');
  const locations: { item: MarkObject; range: Excel.Range }[] = [];
  return {
    locate() {
      for (const item of (collection?.items ?? []) as MarkObject[]) {
        const range = item.getLocation();
        range.load('address');
        locations.push({ item, range });
      }
      return locations.length > 0;
    },
    byCell() {
      const out = new Map<string, { own: boolean; item: MarkObject }>();
      for (const { item, range } of locations) {
        out.set(localAddress(range.address), { own: String(item.content).startsWith(MARK_PREFIX), item });
      }
      return out;
    },
  };
}

/** Queues a note (or comment) with the add-in's prefix on one cell. */
export function queueAddMark(sheet: Excel.Worksheet, caps: Capabilities, cell: string, text: string): void {
  const content = `${MARK_PREFIX}${text}`;
  if (caps.annotations === 'notes') sheet.notes.add(sheet.getRange(cell), content);
  else if (caps.annotations === 'comments') sheet.comments.add(sheet.getRange(cell), content);
}

/** "'My Sheet'!$B$3" → "B3". */
export function localAddress(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '').split(':')[0]!;
}
