import type { Measure } from '../model/record.ts';
import type { TableSpec, VariantSpec } from '../families/spec.ts';
import { matchesLabel, normalizeLabel } from './label.ts';
import { unitFromLabel } from './label-unit.ts';
import type { SheetIndex } from './sheet-index.ts';
import {
  bodyRows,
  dominantUnit,
  headingLevels,
  headingsAt,
  normalizeGroup,
  readValue,
  type GroupItem,
  type TableLayout,
  type TableRead,
} from './table.ts';

/**
 * Re-reads the blocks of tables whose spec sets `rowsBy` (one measure per sheet row) and links the
 * re-listed rows (`relist`) to the project they repeat. Other tables are returned as they were read.
 */
export function readRowTables(
  index: SheetIndex,
  variant: VariantSpec,
  found: ReadonlyMap<string, readonly TableLayout[]>,
  tables: TableRead[],
): TableRead[] {
  const specOf = new Map<TableLayout, TableSpec>();
  for (const spec of variant.tables ?? []) for (const layout of found.get(spec.key) ?? []) specOf.set(layout, spec);
  const headerRows = tables.map((t) => t.layout.headerRow);
  const read = tables.map((t) => {
    const spec = specOf.get(t.layout);
    if (!spec?.rowsBy) return t;
    const stops = new Set<number>();
    for (const r of headerRows) if (r > t.layout.headerRow) stops.add(r).add(r - 1);
    return { ...t, ...readRowTable(index, spec, t.layout, stops) };
  });
  linkRelists(
    variant,
    read.flatMap((t) => t.measures),
  );
  return read;
}

/** One measure per row that has a cell of its own in the name or a `rowsBy` column; merged or blank cells continue the row above. */
export function readRowTable(
  index: SheetIndex,
  spec: TableSpec,
  layout: TableLayout,
  stopRows: ReadonlySet<number> = new Set(),
): TableRead {
  const { view } = index;
  const measures: Measure[] = [];
  const groups: GroupItem[] = [];
  const nameSpec = spec.columns.find((c) => c.role === 'name');
  const nameIndex = nameSpec ? layout.columns.get(nameSpec.key) : undefined;
  if (!nameSpec || nameIndex === undefined) return { layout, measures, groups };
  const groupSpec = spec.columns.find((c) => c.role === 'group');
  const groupIndex = groupSpec ? layout.columns.get(groupSpec.key) : undefined;
  const detailKey = spec.columns.find((c) => c.role === 'detail')?.key;
  const fieldSpecs = spec.columns.filter((c) => c.role !== 'name' && c.role !== 'group' && layout.columns.has(c.key));
  const starters = (spec.rowsBy ?? [])
    .flatMap((key) => (key === 'years' ? layout.years.map((y) => y.col) : [layout.columns.get(key) ?? -1]))
    .filter((c) => c >= 0);
  // A cell that looks like a heading but sits in a project row (事業番号 "Ⅰ-1-1") is no heading.
  const inProjectRow = (row: number, text: string) => {
    const name = view.text(row, nameIndex);
    return row > layout.headerRow && name !== '' && name !== text;
  };
  const headings = headingLevels(index, spec).map((l) => ({
    ...l,
    hits: l.hits.filter((h) => !inProjectRow(h.row, h.text)),
  }));
  const ownText = (row: number, col: number) => (view.isAnchor(row, col) ? view.raw(row, col).text.trim() : '');
  // Headings (pillar, ◆ policy, (1) measure, ・ bullets) as they appear in the first column.
  const headingLabels = (spec.headings ?? []).flatMap((h) => h.label);
  const leadCol = groupIndex ?? nameIndex;
  let group: GroupItem | undefined;
  let previous: Measure | undefined;
  for (const row of bodyRows(index, spec, layout, nameIndex, stopRows)) {
    // Heading lines and paragraphs written across the table (one header for the whole plan) are no rows.
    const lead = view.text(row, leadCol);
    if (matchesLabel(index.norm(row, leadCol), headingLabels) && !inProjectRow(row, lead)) continue;
    const nameText = view.text(row, nameIndex);
    const across = leadCol !== nameIndex && lead !== '' && nameText === lead;
    const alone = lead !== '' && nameText === '' && starters.every((col) => view.text(row, col) === '');
    if (across || alone) continue;
    if (matchesLabel(index.norm(row, nameIndex), nameSpec.label)) continue;
    const nameHere = ownText(row, nameIndex);
    const groupText = groupIndex === undefined ? '' : normalizeGroup(view.text(row, groupIndex));
    const groupAnchor = groupIndex === undefined ? '' : view.address(row, groupIndex);
    const startsGroup =
      groupText !== '' &&
      (!group ||
        group.group !== groupText ||
        (view.merge(row, groupIndex!) !== undefined && groupAnchor !== group.cell) ||
        (nameHere !== '' && previous !== undefined && nameHere !== previous.name));
    if (startsGroup) {
      group = { group: groupText, cell: groupAnchor, rows: 0, fields: {}, cells: {} };
      for (const f of fieldSpecs) {
        const col = layout.columns.get(f.key)!;
        group.fields[f.key] = view.text(row, col) || null;
        group.cells[f.key] = view.address(row, col);
      }
      Object.assign(group.fields, headingsAt(headings, row));
      groups.push(group);
    }
    if (nameHere === '' && !starters.some((col) => ownText(row, col) !== '')) continue;
    const continues = !startsGroup && previous !== undefined && (group === undefined || previous.group === group.group);
    const name = view.text(row, nameIndex) || (continues && nameSpec.carryDown ? previous!.name : '');
    const fields: Record<string, string | null> = {};
    const cells: Record<string, string> = {};
    for (const f of fieldSpecs) {
      const col = layout.columns.get(f.key)!;
      const text = view.text(row, col) || (continues && f.carryDown ? (previous!.fields?.[f.key] ?? '') : '');
      fields[f.key] = text || null;
      cells[f.key] = view.address(row, col);
    }
    Object.assign(fields, headingsAt(headings, row));
    if (group) group.rows++;
    const labelUnit = unitFromLabel(name);
    const values = layout.years.map((y) => readValue(index, row, y, labelUnit));
    const measure: Measure = {
      group: group?.group || null,
      name,
      detail: detailKey ? (fields[detailKey] ?? null) : null,
      unit: labelUnit ?? dominantUnit(values),
      cell: view.address(row, nameIndex),
      values,
      table: spec.key,
      fields,
      cells,
    };
    measures.push(measure);
    previous = measure;
  }
  return { layout, measures, groups };
}

/**
 * Marks rows whose group cell reads as a re-listing ("(再)") and links each to the first other measure
 * of the same name: fields.relist = "true", fields.relistOf = that measure's group (null when none),
 * fields.relistCell = its name cell. Totals skip measures marked as re-listed.
 */
export function linkRelists(variant: VariantSpec, measures: readonly Measure[]): void {
  const markers = new Map((variant.tables ?? []).filter((t) => t.relist).map((t) => [t.key, t.relist!]));
  const isRelist = (m: Measure) => {
    const labels = markers.get(m.table ?? '');
    return (
      labels !== undefined &&
      (matchesLabel(normalizeLabel(m.group ?? ''), labels) || matchesLabel(normalizeLabel(m.name), labels))
    );
  };
  // 「(再)事業名」: the marker may lead the name instead of standing in the group column.
  const key = (m: Measure) => {
    const labels = markers.get(m.table ?? '') ?? [];
    return labels.reduce<string>(
      (s, l) => (typeof l === 'string' ? (s.startsWith(l) ? s.slice(l.length) : s) : s.replace(l, '')),
      normalizeLabel(m.name),
    );
  };
  for (const m of measures) {
    if (!isRelist(m)) continue;
    const candidates = measures.filter((o) => o !== m && !isRelist(o) && key(o) === key(m));
    const original = candidates.find((o) => o.detail === m.detail) ?? candidates[0];
    m.fields = { ...m.fields, relist: 'true', relistOf: original?.group ?? null, relistCell: original?.cell ?? null };
  }
}
