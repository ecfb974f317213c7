import type { Grid } from '../grid/index.ts';
import type { FieldValue, SheetRecord } from '../model/record.ts';
import type { FamilySpec, Label, VariantSpec } from '../families/spec.ts';
import { parseFiscalYear } from '../values/index.ts';
import { detect, readFormTag } from './detect.ts';
import { readFields } from './fields.ts';
import { readList } from './lists.ts';
import { SheetIndex } from './sheet-index.ts';
import { readTable, type TableRead } from './table.ts';

/** A sheet's record plus what the rules need to look at layout: the index and the table read. */
export interface SheetExtraction {
  record: SheetRecord;
  index: SheetIndex;
  variant: VariantSpec | undefined;
  family: FamilySpec | undefined;
  table: TableRead | undefined;
}

/** Recognises the sheet's form and reads everything its spec declares; never throws on odd sheets. */
export function extractSheet(grid: Grid, families: readonly FamilySpec[]): SheetExtraction {
  const index = new SheetIndex(grid);
  const tag = readFormTag(grid);
  const found = detect(index, families, tag);
  if (!found) {
    return { record: { sheet: grid.sheet, family: null, organization: null, fiscalYear: null, measures: [], findings: [] }, index, variant: undefined, family: undefined, table: undefined };
  }
  const { family, variant } = found;
  const fields = readFields(index, variant.fields, stopLabelsOf(variant));
  const table = variant.table && found.table ? readTable(index, variant.table, found.table) : undefined;
  const items: Record<string, Record<string, string | null>[]> = {};
  for (const list of variant.lists ?? []) items[list.key] = readList(index, list);
  if (table) {
    items['groups'] = table.groups.map((g) => ({ group: g.group, cell: g.cell, indicators: String(g.rows), ...g.fields }));
  }
  const record: SheetRecord = {
    sheet: grid.sheet,
    family: family.id,
    organization: organizationOf(fields, variant),
    fiscalYear: fiscalYearOf(fields[variant.fiscalYear], table),
    measures: table?.measures ?? [],
    findings: [],
    variant: variant.id,
    templateVersion: tag?.family === family.id ? tag.version : null,
    fields,
    items,
  };
  return { record, index, variant, family, table };
}

function stopLabelsOf(variant: VariantSpec): Label[] {
  return [...variant.fields.flatMap((f) => f.label), ...(variant.table?.columns.flatMap((c) => c.label) ?? [])];
}

function organizationOf(fields: Record<string, FieldValue>, variant: VariantSpec): string | null {
  for (const key of variant.organization) {
    const value = fields[key]?.value.replace(/\s+/g, ' ').trim();
    if (value) return value;
  }
  return null;
}

function fiscalYearOf(field: FieldValue | undefined, table: TableRead | undefined): number | null {
  const fromField = field ? parseFiscalYear(field.value) : null;
  if (fromField !== null) return fromField;
  const targets = table?.layout.years.filter((y) => y.kind === 'target' && y.year !== null).map((y) => y.year as number) ?? [];
  return targets.length > 0 ? Math.min(...targets) : null;
}
