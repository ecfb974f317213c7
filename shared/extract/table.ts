import { parseHeader, parseValue, toHalfWidth } from '../values/index.ts';
import type { HeaderKind, ParsedHeader, ParsedValue } from '../values/types.ts';
import type { Measure, MeasureValue } from '../model/record.ts';
import type { ColumnSpec, TableSpec } from '../families/spec.ts';
import { matchesLabel } from './label.ts';
import { unitFromLabel } from './label-unit.ts';
import type { SheetIndex } from './sheet-index.ts';

/** A year column found in the header. */
export interface YearColumn {
  col: number;
  year: number | null;
  kind: HeaderKind;
  header: string;
  /** Years after the sheet's 年度 (前年度 = -1), resolved once the 年度 is known. */
  offset?: number;
}

/** Where a table's header is and what each column means. */
export interface TableLayout {
  headerRow: number;
  columns: Map<string, number>;
  years: YearColumn[];
}

/** One item of a table's grouping column (a goal, a project) with its own fields. */
export interface GroupItem {
  group: string;
  cell: string;
  rows: number;
  fields: Record<string, string | null>;
  cells: Record<string, string>;
}

export interface TableRead {
  /** Key of the table spec the block was read with. */
  key?: string;
  layout: TableLayout;
  measures: Measure[];
  groups: GroupItem[];
}

/** Finds the table's header: a row with enough year headers and every required column label. */
export function findTable(index: SheetIndex, spec: TableSpec, fromRow = 0): TableLayout | undefined {
  const { view } = index;
  for (let row = fromRow; row < view.rowCount; row++) {
    const layout = headerAt(index, spec, row);
    if (layout) return layout;
  }
  return undefined;
}

/** Every header of the table on the sheet: one, or each occurrence when the spec repeats. */
export function findTables(index: SheetIndex, spec: TableSpec): TableLayout[] {
  const found: TableLayout[] = [];
  for (let row = 0; row < index.view.rowCount; row++) {
    const layout = headerAt(index, spec, row);
    if (!layout) continue;
    found.push(layout);
    if (!spec.repeat) break;
    row = layout.headerRow;
  }
  return found;
}

/** The header starting at this row; a two-row header resolves to its lower (leaf) row. */
function headerAt(index: SheetIndex, spec: TableSpec, row: number): TableLayout | undefined {
  const here = headerRowAt(index, spec, row);
  if (!here) return undefined;
  const below = headerRowAt(index, spec, row + 1);
  return below && below.years.length > here.years.length ? below : here;
}

function headerRowAt(index: SheetIndex, spec: TableSpec, row: number): TableLayout | undefined {
  const { view } = index;
  const years = yearColumnsOf(index, spec, row);
  if (years.length < spec.minYearColumns) return undefined;
  if (spec.title && !titledAbove(index, spec, row)) return undefined;
  const yearCols = new Set(years.map((y) => y.col));
  const columns = new Map<string, number>();
  for (let col = 0; col < view.colCount; col++) {
    if (yearCols.has(col)) continue;
    const found = columnFor(index, spec.columns, row, col, columns, years.length > 0);
    if (found) columns.set(found.key, col);
  }
  if (!spec.columns.every((c) => !c.required || columns.has(c.key))) return undefined;
  // A two-row header cell unmerged and left blank keeps its label in the row above (改善策 over both rows).
  for (let col = 0; row > 0 && col < view.colCount; col++) {
    if (yearCols.has(col) || view.text(row, col) !== '' || [...columns.values()].includes(col)) continue;
    const parent = index.norm(row - 1, col);
    const hit =
      parent === '' ? undefined : spec.columns.find((s) => !columns.has(s.key) && matchesLabel(parent, s.label));
    if (hit) columns.set(hit.key, col);
  }
  return { headerRow: row, columns, years };
}

function titledAbove(index: SheetIndex, spec: TableSpec, row: number): boolean {
  const distance = spec.titleDistance ?? 3;
  const title = spec.title ?? [];
  return index.cells.some((cell) => cell.row < row && cell.row >= row - distance - 1 && matchesLabel(cell.norm, title));
}

function yearColumnsOf(index: SheetIndex, spec: TableSpec, row: number): YearColumn[] {
  const years: YearColumn[] = [];
  const seen = new Set<number>();
  const texts = index.rowTexts(row);
  const above = row > 0 ? index.rowTexts(row - 1) : [];
  // A lower header row with year headers of its own also takes a year header left blank above it (unmerged).
  let hasOwnYears = false;
  for (let col = 0; col < texts.length && !hasOwnYears; col++)
    hasOwnYears = parseHeader(texts[col] ?? '').kind !== null;
  let bandKind: HeaderKind | undefined;
  for (let col = 0; col < texts.length; col++) {
    const own = texts[col] ?? '';
    const header = own || (hasOwnYears && row > 0 ? (above[col] ?? '') : '');
    if (header === '' || header.length > 24) continue;
    const anchor = own ? index.anchorKey(row, col) : index.anchorKey(row - 1, col);
    if (seen.has(anchor)) continue;
    seen.add(anchor);
    const named = spec.years.named?.find((n) => matchesLabel(index.norm(row, col), n.label));
    if (named) {
      if (spec.years.kinds.includes(named.kind))
        years.push({
          col,
          year: null,
          kind: named.kind,
          header,
          ...(named.offset === undefined ? {} : { offset: named.offset }),
        });
      continue;
    }
    const parentNorm = row > 0 && index.anchorKey(row - 1, col) !== anchor ? index.norm(row - 1, col) : '';
    const parsed = splitHeader(parseHeader(header), header, parentNorm, spec);
    if (parsed.kind === null) continue;
    // An unmerged band header (工程・数値目標 over R3, R4) is written over its first column only.
    const parentKind =
      spec.years.parentKinds?.find((p) => matchesLabel(parentNorm, p.label))?.kind ??
      (parentNorm === '' && years.at(-1)?.col === col - 1 ? bandKind : undefined);
    bandKind = parentKind;
    const yearOnly =
      parsed.kind === 'plan' && !/見込|見通|計画|予定|工程/.test(header) ? spec.years.yearOnlyKind : undefined;
    const kind = parentKind ?? yearOnly ?? parsed.kind;
    if (parsed.year === null && kind !== 'baseline') continue;
    if (!spec.years.kinds.includes(kind)) continue;
    const previous = years[years.length - 1];
    if (previous?.col === col - 1 && previous.header === header) continue; // an unmerged header repeated into its neighbour
    years.push({ col, year: parsed.year, kind, header });
  }
  return asResults(years, spec);
}

/**
 * 「令和4年度目標 | 令和4年度実績」: the 実績 of a year written after that year's target, with no 結果 column
 * for it, is the year's result (what the target is judged against), not a past year's actual.
 */
function asResults(years: YearColumn[], spec: TableSpec): YearColumn[] {
  if (!spec.years.kinds.includes('result')) return years;
  return years.map((y) => {
    if (y.kind !== 'actual' || y.year === null) return y;
    const target = years.find((t) => t.kind === 'target' && t.year === y.year && t.col < y.col);
    const result = years.some((r) => r.kind === 'result' && r.year === y.year);
    return target && !result ? { ...y, kind: 'result' } : y;
  });
}

/**
 * A header split over two rows — the year above its kinds ("R2" over 目標 | 結果) or the kind above its years
 * (実績 over H29 | H30 | R1) — reads as the two together, unless the upper label is a declared band (工程・数値目標).
 */
function splitHeader(parsed: ParsedHeader, header: string, parent: string, spec: TableSpec): ParsedHeader {
  if (parent === '' || (parsed.year !== null && parsed.kind !== 'plan')) return parsed;
  if (spec.years.parentKinds?.some((p) => matchesLabel(parent, p.label))) return parsed;
  const combined = combinedHeader(parent, header);
  return combined ? { ...combined, raw: header } : parsed;
}

// Data rows under data rows ask about a new pair of texts at every cell; keep these apart from parseHeader's memo.
const COMBINED_LIMIT = 20_000;
const combinedMemo = new Map<string, ParsedHeader | null>();

function combinedHeader(parent: string, header: string): ParsedHeader | null {
  const key = `${parent}\u0000${header}`;
  let combined = combinedMemo.get(key);
  if (combined === undefined) {
    if (combinedMemo.size >= COMBINED_LIMIT) combinedMemo.clear();
    combined =
      [parseHeader(parent + header), parseHeader(header + parent)].find(
        (p) => p.year !== null && p.kind !== null && p.kind !== 'plan',
      ) ?? null;
    combinedMemo.set(key, combined);
  }
  return combined;
}

/** A column label in this row, or in the row above (two-row headers: only beside year columns, else every row under a header would be one). */
function columnFor(
  index: SheetIndex,
  specs: readonly ColumnSpec[],
  row: number,
  col: number,
  taken: Map<string, number>,
  parentOk: boolean,
): ColumnSpec | undefined {
  const leaf = index.norm(row, col);
  const parent = parentOk && row > 0 ? index.norm(row - 1, col) : '';
  for (const text of [leaf, parent]) {
    if (text === '') continue;
    const hit = specs.find((s) => !taken.has(s.key) && matchesLabel(text, s.label));
    if (hit) return hit;
    if (text === leaf && specs.some((s) => matchesLabel(text, s.label))) return undefined;
  }
  return undefined;
}

/** Reads the measures below the header, one per row whose name cell starts on that row. */
export function readTable(
  index: SheetIndex,
  spec: TableSpec,
  layout: TableLayout,
  stopRows: ReadonlySet<number> = new Set(),
): TableRead {
  const { view } = index;
  const measures: Measure[] = [];
  const groups: GroupItem[] = [];
  const nameCol = spec.columns.find((c) => c.role === 'name');
  const groupSpec = spec.columns.find((c) => c.role === 'group');
  const detailSpec = spec.columns.find((c) => c.role === 'detail');
  const nameIndex = nameCol ? layout.columns.get(nameCol.key) : undefined;
  if (nameIndex === undefined) return { layout, measures, groups };
  const fieldSpecs = spec.columns.filter((c) => c.role !== 'name' && c.role !== 'group' && layout.columns.has(c.key));
  const groupIndex = groupSpec ? layout.columns.get(groupSpec.key) : undefined;
  const fallback =
    groupIndex === undefined ? spec.columns.find((c) => c.fallbackGroup && layout.columns.has(c.key)) : undefined;
  const groupCol = groupIndex ?? (fallback ? layout.columns.get(fallback.key) : undefined);
  let group: GroupItem | undefined;
  let previousGroup: GroupItem | undefined;
  const headings = headingLevels(index, spec);
  for (const row of bodyRows(index, spec, layout, nameIndex, stopRows)) {
    const name = view.text(row, nameIndex);
    if (nameCol && matchesLabel(index.norm(row, nameIndex), nameCol.label)) continue;
    const groupText =
      groupIndex !== undefined
        ? normalizeGroup(view.text(row, groupIndex))
        : fallback && groupCol !== undefined
          ? fallbackGroupOf(view.text(row, groupCol), group, fallback.key, groups.length)
          : '';
    // A note or a continuation mark alone in the No. column (「（つづき）」, 「※ 目標値は…」) opens no group.
    if (groupCol !== undefined && groupText !== '' && isLoneNote(index, row, groupCol, layout, groupText)) continue;
    const startsGroup =
      groupCol !== undefined &&
      groupText !== '' &&
      (!group ||
        group.group !== groupText ||
        (view.merge(row, groupCol) !== undefined && view.address(row, groupCol) !== group.cell));
    if (startsGroup) {
      group = { group: groupText, cell: view.address(row, groupCol), rows: 0, fields: {}, cells: {} };
      for (const f of fieldSpecs) {
        const col = layout.columns.get(f.key)!;
        group.fields[f.key] = view.text(row, col) || null;
        group.cells[f.key] = view.address(row, col);
      }
      withHeadings(group.fields, headingsAt(headings, row));
      groups.push(group);
    }
    const nameStarts = view.merge(row, nameIndex)?.top ?? row;
    if (name === '' || nameStarts !== row) continue;
    const fields: Record<string, string | null> = {};
    const cells: Record<string, string> = {};
    const previous = measures[measures.length - 1];
    for (const f of fieldSpecs) {
      const col = layout.columns.get(f.key)!;
      let text = view.text(row, col);
      // A blank carried cell takes the row above within its group (the group's first row when none is read yet).
      if (text === '' && f.carryDown && group && !startsGroup)
        text = (previousGroup === group ? previous?.fields?.[f.key] : group.fields[f.key]) ?? '';
      else if (text === '' && f.carryDown && (groupIndex === undefined || spec.carryAcrossGroups))
        text = previous?.fields?.[f.key] ?? '';
      fields[f.key] = text || null;
      cells[f.key] = view.address(row, col);
    }
    withHeadings(fields, headingsAt(headings, row));
    if (group) group.rows++;
    previousGroup = group;
    const labelUnit = unitFromLabel(name);
    const values = layout.years.map((y) => readValue(index, row, y, labelUnit));
    const detailIndex = detailSpec ? layout.columns.get(detailSpec.key) : undefined;
    measures.push({
      group: group?.group || null,
      name,
      detail: detailIndex === undefined ? null : view.text(row, detailIndex) || null,
      unit: labelUnit ?? dominantUnit(values),
      cell: view.address(row, nameIndex),
      values,
      table: spec.key,
      fields,
      cells,
    });
  }
  return { layout, measures, groups };
}

const NOTE = /^[(（]?(つづき|続き|続|次頁へ続く|前頁より)[)）]?$|^[※＊*注]|^備考/;

/** True when the row holds only this text, in the group column, and it reads as a note rather than a number. */
function isLoneNote(index: SheetIndex, row: number, groupCol: number, layout: TableLayout, text: string): boolean {
  const others = [...layout.columns.values(), ...layout.years.map((y) => y.col)].filter((c) => c !== groupCol);
  if (others.some((c) => index.view.text(row, c) !== '')) return false;
  return NOTE.test(text.trim()) || text.trim().length > 8;
}

/**
 * The rows of a table's body that hold something: from under the header until the next table's header,
 * an end label (the narrative below the table) or `maxGap` empty rows in a row.
 */
export function* bodyRows(
  index: SheetIndex,
  spec: TableSpec,
  layout: TableLayout,
  nameIndex: number,
  stopRows: ReadonlySet<number>,
): Generator<number> {
  const { view } = index;
  const columns = [...layout.columns.values(), ...layout.years.map((y) => y.col)];
  let gap = 0;
  for (let row = view.belowOf(layout.headerRow, nameIndex); row < view.rowCount; row++) {
    if (stopRows.has(row)) return;
    if (columns.some((col) => matchesLabel(index.norm(row, col), spec.end))) return;
    if (columns.every((col) => view.text(row, col) === '')) {
      if (++gap >= spec.maxGap) return;
      continue;
    }
    gap = 0;
    yield row;
  }
}

interface HeadingLevel {
  key: string;
  hits: { row: number; text: string }[];
}

function headingLevels(index: SheetIndex, spec: TableSpec): HeadingLevel[] {
  return (spec.headings ?? []).map((h) => ({
    key: h.key,
    hits: index.find(h.label).map((c) => ({ row: c.row, text: c.text })),
  }));
}

/** Adds the headings to a row's fields; a column of the same key that has a value keeps it (担当課 as a column or above the block). */
function withHeadings(fields: Record<string, string | null>, headings: Record<string, string | null>): void {
  for (const [key, text] of Object.entries(headings)) if (!fields[key]) fields[key] = text;
}

/** The latest heading of each level above the row; a new outer heading voids the inner ones above it. */
function headingsAt(levels: readonly HeadingLevel[], row: number): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  let floor = -1;
  for (const level of levels) {
    let hit: { row: number; text: string } | undefined;
    for (const h of level.hits) if (h.row < row && h.row >= floor) hit = h;
    out[level.key] = hit?.text ?? null;
    if (hit) floor = hit.row;
  }
  return out;
}

// Value cells repeat across sheets ("－", "100%", "1,000件"): remember what parseValue made of them, per unit hint.
const VALUE_LIMIT = 20_000;
const plainValues = new Map<string, ParsedValue>();
const unitValues = new Map<string, ParsedValue>();

function parseValueOnce(raw: string, unit: string | null): ParsedValue {
  const memo = unit === null ? plainValues : unitValues;
  const key = unit === null ? raw : `${raw}\u0000${unit}`;
  let parsed = memo.get(key);
  if (parsed === undefined) {
    if (memo.size >= VALUE_LIMIT) memo.clear();
    parsed = parseValue(raw, { unit });
    memo.set(key, parsed);
  }
  return parsed;
}

function readValue(index: SheetIndex, row: number, year: YearColumn, unit: string | null): MeasureValue {
  const cell = index.view.cell(row, year.col);
  const raw = cell.text.trim();
  const parsed = parseValueOnce(raw, unit);
  const exact = cell.kind === 'number' && typeof cell.value === 'number' && !(cell.numFmt ?? '').includes('%');
  return {
    year: year.year ?? parsed.year,
    kind: year.kind,
    raw,
    value: exact ? (cell.value as number) : parsed.value,
    comparator: parsed.comparator,
    blank: parsed.blank,
    cell: index.view.address(row, year.col),
    unit: parsed.unit,
    cumulative: parsed.cumulative,
    header: year.header,
  };
}

function dominantUnit(values: readonly MeasureValue[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v.unit) counts.set(v.unit, (counts.get(v.unit) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [unit, count] of counts) if (count > bestCount) [best, bestCount] = [unit, count];
  return best;
}

/** Without a number column, a new text in the fallback column (the goal) starts the next group: 1, 2, 3… */
function fallbackGroupOf(text: string, current: GroupItem | undefined, key: string, count: number): string {
  if (text === '') return '';
  return current && current.fields[key] === text ? current.group : String(count + 1);
}

/** "１" → "1", "No.2" → "2": the group key as a coordinator would write it. */
export function normalizeGroup(text: string): string {
  const plain = toHalfWidth(text)
    .replace(/\s+/g, '')
    .replace(/^(No\.?|№)/i, '');
  const circled = plain.length === 1 ? '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'.indexOf(plain) : -1;
  return circled >= 0 ? String(circled + 1) : plain;
}

export { dominantUnit, headingLevels, headingsAt, readValue };
