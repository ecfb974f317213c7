import type { Measure } from '../model/record.ts';
import type { VariantSpec } from '../families/spec.ts';
import type { TableRead } from './table.ts';

export type ItemRecord = Record<string, string | null>;

/** The tables of a sheet split by what their rows are: measures, or list entries (spec `items`). */
export interface SplitTables {
  measureTables: TableRead[];
  measures: Measure[];
  items: Record<string, ItemRecord[]>;
}

/**
 * Moves the rows of the variant's item tables out of the measures: each row becomes one entry keyed by
 * its column spec keys (group, name, detail, field columns and headings) plus `cell` (the name cell).
 */
export function splitItemTables(variant: VariantSpec, tables: readonly TableRead[]): SplitTables {
  const items: Record<string, ItemRecord[]> = {};
  for (const spec of variant.tables ?? []) if (spec.items) items[spec.key] = [];
  const measureTables: TableRead[] = [];
  const measures: Measure[] = [];
  for (const table of tables) {
    const spec = (variant.tables ?? []).find((t) => t.key === table.key);
    if (!spec?.items) {
      measureTables.push(table);
      measures.push(...table.measures);
      continue;
    }
    const keyOf = (role: string): string | undefined => spec.columns.find((c) => c.role === role)?.key;
    const groupKey = keyOf('group');
    const nameKey = keyOf('name') ?? 'name';
    const detailKey = keyOf('detail');
    for (const m of table.measures) {
      const entry: ItemRecord = { ...(m.fields ?? {}) };
      if (groupKey) entry[groupKey] = m.group;
      entry[nameKey] = m.name;
      if (detailKey) entry[detailKey] = m.detail;
      entry['cell'] = m.cell;
      items[spec.key]!.push(entry);
    }
  }
  return { measureTables, measures, items };
}
