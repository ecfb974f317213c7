import type { Severity } from '../../../shared/model/finding.ts';

/**
 * The original fills of the cells the add-in coloured live in a custom XML part of the workbook
 * (CustomXmlPartCollection, ExcelApi 1.5), not in a hidden sheet: adding a sheet and setting its
 * visibility are not undoable in Excel on Windows and Mac, so the first check would wipe staff's undo
 * history (docs: excel-add-ins-undo-capabilities; OfficeDev/office-js#6170), while custom XML parts stay
 * outside it (OfficeDev/office-js#6415). The part travels with the file, so 注釈を消す works after reopening
 * or on a colleague's machine. Entries name their sheet by name: worksheet ids change between sessions
 * (OfficeDev/office-js-docs#297), names only when staff rename a sheet.
 */
export const STORE_NAMESPACE = 'urn:mokuhyo:addin:fills:1';

/** A cell's fill as Office.js reports it (RangeFill, ExcelApi 1.9). */
export interface CellFill {
  pattern: string;
  color: string;
  patternColor: string;
}

/** One cell the add-in coloured: where, with which severity, and the fill it had before. */
export interface StoredFill {
  sheet: string;
  /** The id in the session that wrote it: it identifies a sheet renamed since, in that session only. */
  sheetId: string;
  cell: string;
  severity: Severity;
  original: CellFill;
}

const ATTRS = ['sheet', 'sheetId', 'cell', 'severity', 'pattern', 'color', 'patternColor'] as const;

export function storeXml(entries: readonly StoredFill[]): string {
  const rows = entries.map((e) => {
    const values = [
      e.sheet,
      e.sheetId,
      e.cell,
      e.severity,
      e.original.pattern,
      e.original.color,
      e.original.patternColor,
    ];
    return `<fill ${ATTRS.map((a, i) => `${a}="${escapeXml(values[i]!)}"`).join(' ')}/>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><fills xmlns="${STORE_NAMESPACE}">${rows.join('')}</fills>`;
}

export function parseStoreXml(xml: string | null): StoredFill[] {
  if (!xml) return [];
  const out: StoredFill[] = [];
  for (const m of xml.matchAll(/<fill\s([^>]*?)\/>/g)) {
    const attrs = Object.fromEntries(
      [...m[1]!.matchAll(/([A-Za-z]+)="([^"]*)"/g)].map((a) => [a[1]!, unescapeXml(a[2]!)]),
    );
    const severity = attrs['severity'];
    if (!attrs['sheet'] || !attrs['cell'] || !isSeverity(severity)) continue;
    out.push({
      sheet: attrs['sheet'],
      sheetId: attrs['sheetId'] ?? '',
      cell: attrs['cell'],
      severity,
      original: {
        pattern: attrs['pattern'] || 'None',
        color: attrs['color'] ?? '',
        patternColor: attrs['patternColor'] ?? '',
      },
    });
  }
  return out;
}

/**
 * The entries of one sheet: those carrying its name, or — when no sheet has the recorded name any more —
 * its id of this session (a rename since the check). A reused id of a new session never takes another
 * sheet's entries while that sheet still carries its name.
 */
export function entriesOf(
  entries: readonly StoredFill[],
  sheet: { id: string; name: string },
  sheetNames: ReadonlySet<string>,
): StoredFill[] {
  return entries.filter((e) => e.sheet === sheet.name || (!sheetNames.has(e.sheet) && e.sheetId === sheet.id));
}

/** The store part, read in two syncs: the part after the first, its XML after the second. */
export interface QueuedStore {
  /** Queues reading the XML; call after the first sync (again if the sync carrying it was refused). */
  queueXml(): void;
  entries(): StoredFill[];
  /** Whether writing `entries` would change the record. */
  changes(entries: readonly StoredFill[]): boolean;
  /** Queues replacing the store with `entries` (adding or deleting the part as needed). */
  queueWrite(entries: readonly StoredFill[]): void;
}

/**
 * Reads every part of the store's namespace: normally one, but two people checking a co-authored workbook at
 * the same moment can each add one. Their entries are merged and the next write folds them into the first.
 */
export function queueStoreRead(context: Excel.RequestContext): QueuedStore {
  const parts = context.workbook.customXmlParts.getByNamespace(STORE_NAMESPACE).load('items/id');
  const xml: OfficeExtension.ClientResult<string>[] = [];
  let read: StoredFill[] | undefined;
  const current = () => (read ??= merge(xml.map((x) => parseStoreXml(x.value))));
  return {
    queueXml() {
      // Queued again when Excel refused the batch that carried it: the refused results are never filled.
      xml.length = 0;
      read = undefined;
      for (const part of parts.items) xml.push(part.getXml());
    },
    entries: current,
    changes(entries) {
      return parts.items.length > 1 || storeXml(entries) !== storeXml(current());
    },
    queueWrite(entries) {
      const next = storeXml(entries);
      const [first, ...extra] = parts.items;
      for (const part of extra) part.delete();
      if (!first) {
        if (entries.length > 0) context.workbook.customXmlParts.add(next);
      } else if (entries.length === 0) first.delete();
      else first.setXml(next);
    },
  };
}

function merge(lists: StoredFill[][]): StoredFill[] {
  const seen = new Set<string>();
  return lists.flat().filter((e) => {
    const k = `${e.sheet}\u0000${e.cell}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unescapeXml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&');
}

function isSeverity(s: string | undefined): s is Severity {
  return s === 'error' || s === 'warning' || s === 'info';
}
