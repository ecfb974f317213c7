import type { Capabilities } from './capabilities.ts';

/** Prefix of every note or comment the add-in writes; anything without it belongs to staff. */
export const MARK_PREFIX = '【目標シート】';

type MarkObject = Excel.Note | Excel.Comment;

/** One note or comment on the sheet, as the add-in sees it after reading. */
export interface ExistingMark {
  own: boolean;
  content: string;
  /** Replies under a threaded comment (a coordinator's answer): such a comment is never deleted. */
  replies: number;
  /** A threaded comment marked resolved (ExcelApi 1.11). */
  resolved: boolean;
  item: MarkObject;
}

/** The sheet's notes (ExcelApi 1.18) or comments (1.10) as one collection, or none. */
function collectionOf(
  sheet: Excel.Worksheet,
  caps: Capabilities,
): Excel.NoteCollection | Excel.CommentCollection | undefined {
  if (caps.annotations === 'notes') return sheet.notes;
  if (caps.annotations === 'comments') return sheet.comments;
  return undefined;
}

/** The sheet's existing notes/comments: contents after one sync, cells and reply counts after the next. */
export interface QueuedMarks {
  /** Queues each item's location (and a comment's reply count); call after the first sync. */
  locate(): void;
  /** After the second sync: cell → the mark there. */
  byCell(): Map<string, ExistingMark>;
}

export function queueMarksRead(sheet: Excel.Worksheet, caps: Capabilities): QueuedMarks {
  const collection = collectionOf(sheet, caps);
  const withResolved = caps.annotations === 'comments' && caps.resolveComments;
  collection?.load(withResolved ? 'items/content,items/resolved' : 'items/content');
  // A cell holds a note or a threaded comment, not both: where the add-in writes notes, a staff comment's
  // cell is staff's and gets no note (adding one there would fail the whole write batch).
  const comments = caps.annotations === 'notes' ? sheet.comments.load('items/content') : undefined;
  const located: {
    item: MarkObject;
    range: Excel.Range;
    replies: OfficeExtension.ClientResult<number> | null;
    foreign: boolean;
  }[] = [];
  return {
    locate() {
      // Queued again when Excel refused the batch that carried it: the refused results are never filled.
      located.length = 0;
      for (const item of (collection?.items ?? []) as MarkObject[]) {
        const range = item.getLocation();
        range.load('address');
        // Comment.delete "deletes the comment and all the connected replies" (ExcelApi 1.10).
        const replies = caps.annotations === 'comments' ? (item as Excel.Comment).replies.getCount() : null;
        located.push({ item, range, replies, foreign: false });
      }
      for (const item of comments?.items ?? []) {
        const range = item.getLocation();
        range.load('address');
        located.push({ item, range, replies: null, foreign: true });
      }
    },
    byCell() {
      const out = new Map<string, ExistingMark>();
      for (const { item, range, replies, foreign } of located) {
        const content = String(item.content);
        const resolved = withResolved ? Boolean((item as Excel.Comment).resolved) : false;
        const cell = localAddress(range.address);
        if (foreign && out.has(cell)) continue;
        out.set(cell, {
          own: !foreign && content.startsWith(MARK_PREFIX),
          content,
          replies: replies?.value ?? 0,
          resolved,
          item,
        });
      }
      return out;
    },
  };
}

/** The text the add-in writes for a finding's cell. */
export function markText(text: string): string {
  return `${MARK_PREFIX}${text}`;
}

/**
 * Queues a note (or comment) with the add-in's prefix on one cell. The cell goes as a Range: a string given
 * to CommentCollection.add "must contain the full address, including the sheet name" (else InvalidArgument),
 * and a Range of this sheet can never name another.
 */
export function queueAddMark(sheet: Excel.Worksheet, caps: Capabilities, cell: string, text: string): void {
  if (caps.annotations === 'notes') sheet.notes.add(sheet.getRange(cell), markText(text));
  else if (caps.annotations === 'comments') sheet.comments.add(sheet.getRange(cell), markText(text));
}

/** What taking a mark off would do: delete it, mark a replied comment resolved, or nothing (already resolved). */
export function removalOf(mark: ExistingMark, caps: Capabilities): 'deleted' | 'resolved' | 'kept' {
  if (mark.replies === 0) return 'deleted';
  return caps.resolveComments && !mark.resolved ? 'resolved' : 'kept';
}

/**
 * Queues taking the add-in's mark off a cell whose finding is gone. A comment somebody replied to stays
 * (deleting it would delete the reply); it is marked resolved where the host can (ExcelApi 1.11).
 * Returns what it queued.
 */
export function queueRemoveMark(mark: ExistingMark, caps: Capabilities): 'deleted' | 'resolved' | 'kept' {
  const removal = removalOf(mark, caps);
  if (removal === 'resolved') (mark.item as Excel.Comment).resolved = true;
  if (removal === 'deleted') mark.item.delete();
  return removal;
}

/** "'My Sheet'!$B$3" → "B3". */
export function localAddress(address: string): string {
  return address
    .slice(address.lastIndexOf('!') + 1)
    .replace(/\$/g, '')
    .split(':')[0]!;
}
