import { a1 } from '../grid/index.ts';
import type { FieldValue } from '../model/record.ts';
import type { SectionItemsSpec, SectionSpec } from '../families/spec.ts';
import { toHalfWidth } from '../values/index.ts';
import { matchesLabel, normalizeLabel } from './label.ts';
import type { IndexedCell, SheetIndex } from './sheet-index.ts';

type ItemRecord = Record<string, string | null>;

/** What the sections of a sheet hold: one field per section, and the items of numbered sections. */
export interface SectionsRead {
  fields: Record<string, FieldValue>;
  items: Record<string, ItemRecord[]>;
}

/** One line of text in reading order, with the cell it sits in. */
interface Line {
  text: string;
  cell: string;
  col: number;
}

const ITEM_NUMBER = /^[(（]\s*([0-9０-９]{1,2})\s*[)）]\s*/;
const ENTRY_NUMBER = /^([①-⑳]|[0-9０-９]{1,2}[.．、)）]|[(（][0-9０-９]{1,2}[)）])\s*/;
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/**
 * Reads numbered narrative sections: each runs from its heading to the next section's heading (by rows;
 * headings side by side on one row split the columns). The section's text is every line in that region in
 * reading order; numbered items ((1), (2)…) with labelled parts go to record.items.
 */
export function readSections(index: SheetIndex, specs: readonly SectionSpec[]): SectionsRead {
  const out: SectionsRead = { fields: {}, items: {} };
  const found = specs
    .map((spec) => ({ spec, heading: index.findFirst(spec.label) }))
    .filter((s): s is { spec: SectionSpec; heading: IndexedCell } => s.heading !== undefined)
    .sort((a, b) => a.heading.row - b.heading.row || a.heading.col - b.heading.col);
  for (const s of specs) if (s.items) out.items[s.items.key] = [];
  const headingLabels = specs.flatMap((s) => s.label);
  for (const { spec, heading } of found) {
    const others = found.map((f) => f.heading).filter((h) => h !== heading);
    const endRow = Math.min(index.view.rowCount, ...others.filter((h) => h.row > heading.row).map((h) => h.row));
    const endCol = Math.min(
      index.view.colCount,
      ...others.filter((h) => h.row === heading.row && h.col > heading.col).map((h) => h.col),
    );
    const startCol = Math.max(
      -1,
      ...others.filter((h) => h.row === heading.row && h.col < heading.col).map((h) => h.col),
    );
    const cells = index.cells.filter(
      (c) =>
        c.row >= heading.row &&
        c.row < endRow &&
        c.col > startCol &&
        c.col < endCol &&
        (c.row > heading.row || c.col > heading.col) &&
        !matchesLabel(c.norm, headingLabels) &&
        !repeatsNeighbour(index, c),
    );
    const lines = cells.flatMap((c) =>
      c.text
        .split(/\r?\n/)
        .map((t) => t.trim())
        .filter((t) => t !== '')
        .map((text) => ({ text, cell: a1(c.row, c.col), col: c.col })),
    );
    const first = cells[0];
    const empty = emptyCellOf(index, heading, endRow);
    out.fields[spec.key] = {
      value: lines.map((l) => l.text).join('\n'),
      cell: first ? a1(first.row, first.col) : empty,
    };
    if (spec.items) out.items[spec.items.key] = readItems(spec.items, lines, out.items);
  }
  for (const { spec } of found) if (spec.items?.reportsOn) linkReports(spec.items, out.items);
  return out;
}

/** A cell holding the same text as its left or upper neighbour: a merged block undone with its text repeated. */
function repeatsNeighbour(index: SheetIndex, cell: IndexedCell): boolean {
  return (
    (cell.col > 0 && index.view.text(cell.row, cell.col - 1).trim() === cell.text) ||
    (cell.row > 0 && index.view.text(cell.row - 1, cell.col).trim() === cell.text)
  );
}

/** Where a blank section's text belongs: the cell under the heading, or right of it when the next heading is right below. */
function emptyCellOf(index: SheetIndex, heading: IndexedCell, endRow: number): string {
  const below = index.view.belowOf(heading.row, heading.col);
  return below < endRow ? a1(below, heading.col) : a1(heading.row, index.view.rightOf(heading.row, heading.col));
}

function readItems(spec: SectionItemsSpec, lines: readonly Line[], all: Record<string, ItemRecord[]>): ItemRecord[] {
  const items: ItemRecord[] = [];
  const body = new Map<ItemRecord, string[]>();
  let current: ItemRecord | undefined;
  let part: string | undefined;
  /** Part labels written as a header row above the items (実現したい成果 | 取組内容 columns). */
  const partColumns = new Map<number, string>();
  const append = (key: string, text: string) => {
    if (!current) return;
    current[key] = current[key] ? `${current[key]}\n${text}` : text;
  };
  for (const line of lines) {
    const numbered = ITEM_NUMBER.exec(line.text);
    if (numbered) {
      const no = toHalfWidth(numbered[1]!);
      if (current?.['no'] !== no) {
        current = { no, title: null, cell: line.cell };
        for (const p of spec.parts ?? []) current[p.key] = null;
        items.push(current);
        body.set(current, []);
      }
      part = undefined;
      const rest = line.text.slice(numbered[0].length).trim();
      if (rest !== '') current['title'] ??= rest;
      continue;
    }
    const hit = partOf(spec, line.text);
    if (!current) {
      if (hit && hit.rest === '') partColumns.set(line.col, hit.key);
      continue;
    }
    if (hit) {
      part = hit.key;
      current[`${hit.key}Cell`] = line.cell;
      if (hit.rest !== '') append(hit.key, hit.rest);
      continue;
    }
    const into = partColumns.get(line.col) ?? part;
    if (into) {
      if (current[into] === null) current[`${into}Cell`] = line.cell;
      append(into, line.text);
    } else body.get(current)!.push(line.text);
  }
  for (const item of items) {
    const text = body.get(item)!;
    item['text'] = text.length > 0 ? text.join('\n') : null;
  }
  for (const p of spec.parts ?? []) if (p.list) all[p.list] = entriesOf(items, p.key, p.list, all[p.list]);
  return items;
}

/** The part a line opens: its label alone, or the label then a space or colon and the part's first text. */
function partOf(spec: SectionItemsSpec, text: string): { key: string; rest: string } | undefined {
  const split = /^(.{2,20}?)[\s\u3000:：]+(.+)$/s.exec(text);
  for (const p of spec.parts ?? []) {
    if (matchesLabel(normalizeLabel(text), p.label)) return { key: p.key, rest: '' };
    if (split && matchesLabel(normalizeLabel(split[1]!), p.label)) return { key: p.key, rest: split[2]!.trim() };
  }
  return undefined;
}

/** Splits a part's text into numbered entries (①, ②… or 1. 2.); text without numbers is one entry. */
function entriesOf(items: readonly ItemRecord[], key: string, list: string, previous: ItemRecord[] = []): ItemRecord[] {
  const entries = [...previous];
  for (const item of items) {
    const text = item[key];
    if (!text) continue;
    let entry: ItemRecord | undefined;
    for (const line of text.split('\n')) {
      const m = ENTRY_NUMBER.exec(line);
      if (m || !entry) {
        const mark = m?.[1] ?? '';
        const circled = CIRCLED.indexOf(mark);
        const no = circled >= 0 ? String(circled + 1) : toHalfWidth(mark).replace(/[^0-9]/g, '') || null;
        entry = {
          item: item['no'] ?? null,
          no,
          text: line.slice(m?.[0].length ?? 0).trim(),
          cell: item[`${key}Cell`] ?? item['cell'] ?? null,
        };
        entries.push(entry);
      } else entry['text'] = `${entry['text']}\n${line}`;
    }
  }
  return entries;
}

/** Copies each reporting item's text onto the target item with the same number (or the same title). */
function linkReports(spec: SectionItemsSpec, all: Record<string, ItemRecord[]>): void {
  const link = spec.reportsOn!;
  const targets = all[link.items] ?? [];
  for (const report of all[spec.key] ?? []) {
    const title = normalizeLabel(report['title'] ?? '');
    const target =
      targets.find((t) => t['no'] === report['no']) ??
      (title === ''
        ? undefined
        : targets.find((t) => Object.values(t).some((v) => v !== null && normalizeLabel(v) === title)));
    if (!target) continue;
    target[link.as] = report['text'] ?? report['title'] ?? null;
    target[`${link.as}Cell`] = report['cell'] ?? null;
    report['reportsOn'] = target['no'] ?? null;
  }
}
