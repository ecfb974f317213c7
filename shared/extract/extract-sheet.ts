import { readRowTables } from './row-table.ts';
import type { Grid } from '../grid/index.ts';
import type { FieldValue, SheetRecord } from '../model/record.ts';
import type { FamilySpec, Label, TableSpec, VariantSpec } from '../families/spec.ts';
import { parseFiscalYear } from '../values/index.ts';
import { detect, readFormTag } from './detect.ts';
import { readFields } from './fields.ts';
import { BODY_FIELDS, findBody, findDivision, findFiscalYear } from './identity.ts';
import { splitItemTables } from './item-tables.ts';
import { readList } from './lists.ts';
import { resolveNamedYears } from './relative-years.ts';
import { readSections } from './sections.ts';
import { SheetIndex } from './sheet-index.ts';
import { readTable, type TableLayout, type TableRead } from './table.ts';

/** A sheet's record plus what the rules need to look at layout: the index and the table read. */
export interface SheetExtraction {
  record: SheetRecord;
  index: SheetIndex;
  variant: VariantSpec | undefined;
  family: FamilySpec | undefined;
  /** Every table block read, in sheet order. */
  tables: TableRead[];
}

/** Recognises the sheet's form and reads everything its spec declares; never throws on odd sheets. */
export function extractSheet(grid: Grid, families: readonly FamilySpec[]): SheetExtraction {
  const index = new SheetIndex(grid);
  const tag = readFormTag(grid);
  const found = detect(index, families, tag);
  if (!found) {
    return {
      record: { sheet: grid.sheet, family: null, organization: null, fiscalYear: null, measures: [], findings: [] },
      index,
      variant: undefined,
      family: undefined,
      tables: [],
    };
  }
  const { family, variant } = found;
  const fields = readFields(index, variant.fields, stopLabelsOf(variant));
  const tables = readRowTables(index, variant, found.tables, readTables(index, variant, found.tables));
  const split = splitItemTables(variant, tables);
  const items: Record<string, Record<string, string | null>[]> = { ...split.items };
  for (const list of variant.lists ?? []) items[list.key] = readList(index, list);
  const sections = readSections(index, variant.sections ?? []);
  Object.assign(fields, sections.fields);
  Object.assign(items, sections.items);
  if (split.measureTables.length > 0) {
    items['groups'] = split.measureTables.flatMap((t) =>
      t.groups.map((g) => ({ group: g.group, cell: g.cell, indicators: String(g.rows), ...g.fields })),
    );
  }
  const identity = readIdentity(index, grid, variant, fields, tables);
  if (variant.ownedByDivision && !organizationOf(fields, variant) && variant.organization[0]) {
    // No 組織名 cell names the division: its title, tab or file name does (「…（東区 健康福祉課）」).
    const tableRow = Math.min(Infinity, ...tables.map((t) => t.layout.headerRow));
    const division = findDivision(index, grid, tableRow);
    if (division) fields[variant.organization[0]] = division;
  }
  const record: SheetRecord = {
    sheet: grid.sheet,
    family: family.id,
    organization: wardName(
      variant,
      withoutBody(organizationOf(fields, variant), fields) ?? bodyAsOrganization(fields, variant),
    ),
    fiscalYear: identity.fiscalYear,
    measures: split.measures,
    findings: [],
    variant: variant.id,
    templateVersion: tag?.family === family.id ? tag.version : null,
    fields,
    items,
  };
  resolveNamedYears(tables, record.fiscalYear);
  return { record, index, variant, family, tables };
}

/** Reads every table block in sheet order; each block ends where the next header (of any table) starts. */
function readTables(index: SheetIndex, variant: VariantSpec, found: Map<string, TableLayout[]>): TableRead[] {
  const blocks: { spec: TableSpec; layout: TableLayout }[] = [];
  for (const spec of variant.tables ?? [])
    for (const layout of found.get(spec.key) ?? []) blocks.push({ spec, layout });
  blocks.sort((a, b) => a.layout.headerRow - b.layout.headerRow);
  const stopRows = new Set(blocks.map((b) => b.layout.headerRow));
  for (const b of blocks) if (b.layout.headerRow > 0) stopRows.add(b.layout.headerRow - 1);
  return blocks.map((b) => {
    const own = new Set([...stopRows].filter((r) => r > b.layout.headerRow));
    return { ...readTable(index, b.spec, b.layout, own), key: b.spec.key };
  });
}

function stopLabelsOf(variant: VariantSpec): Label[] {
  return [
    ...variant.fields.flatMap((f) => f.label),
    ...(variant.tables ?? []).flatMap((t) => t.columns.flatMap((c) => c.label)),
  ];
}

/**
 * A division named with its body before it (「東区地域課」, 「東区役所 地域課」) when the sheet's body is that body:
 * the division alone (地域課), as the ledger and the summary file it under the body. A name that is the body
 * itself, or whose rest is no division (「東区民センター」), stays as written.
 */
export function withoutBody(organization: string | null, fields: Record<string, FieldValue>): string | null {
  const body = [...BODY_FIELDS, 'body'].map((key) => fields[key]?.value.trim()).find(Boolean);
  if (!organization || !body) return organization;
  const name = organization.normalize('NFKC').trim();
  const prefix = body.normalize('NFKC').replace(/役所$/, '');
  if (!name.startsWith(prefix)) return organization;
  const rest = name
    .slice(prefix.length)
    .replace(/^役所/, '')
    .replace(/^[\s・]+/, '');
  return rest.length >= 2 && /(課|室|係|局|部|センター|事務所|支所|出張所|館|園)$/.test(rest) && !/^民/.test(rest)
    ? rest
    : organization;
}

/** The ward's own sheet is the ward's: 所属 「東区役所」 names 東区. */
function wardName(variant: VariantSpec, organization: string | null): string | null {
  if (!variant.wardSheet || !organization) return organization;
  const ward = /^(\S+区)役所$/.exec(organization.trim());
  return ward ? ward[1]! : organization;
}

/** The body read elsewhere names a sheet whose organisation is its body (自己評価, 区の組織目標, 方針書). */
function bodyAsOrganization(fields: Record<string, FieldValue>, variant: VariantSpec): string | null {
  const own = new Set<string>([...BODY_FIELDS, ...(variant.body ?? [])]);
  return variant.organization.every((key) => own.has(key)) ? (fields['body']?.value ?? null) : null;
}

function organizationOf(fields: Record<string, FieldValue>, variant: VariantSpec): string | null {
  for (const key of variant.organization) {
    const value = fields[key]?.value.replace(/\s+/g, ' ').trim();
    if (value) return value;
  }
  return null;
}

/**
 * Body and year from every place a person reads them when the form's own cells are blank: the body from the
 * variant's `body` fields (a 方針書's title), then the title, the tab, a 所属 cell, the file name (written to
 * `fields.body` with its source); the year from the title, the tab, the table's target years, then the file name.
 */
function readIdentity(
  index: SheetIndex,
  grid: Grid,
  variant: VariantSpec,
  fields: Record<string, FieldValue>,
  tables: readonly TableRead[],
): { fiscalYear: number | null } {
  const tableRow = Math.min(Infinity, ...tables.map((t) => t.layout.headerRow));
  if (!BODY_FIELDS.some((key) => fields[key]?.value.trim())) {
    const own = (variant.body ?? []).map((key) => fields[key]).find((f) => f?.value.trim());
    const affiliations = variant.organization.map((key) => fields[key]).filter((f) => f !== undefined);
    const found = own ? { ...own, source: '表題' as const } : findBody(index, grid, affiliations, tableRow);
    if (found) fields['body'] = found;
  }
  const field = fields[variant.fiscalYear];
  const fromField = field ? parseFiscalYear(field.value) : null;
  if (fromField !== null) return { fiscalYear: fromField };
  const found = findFiscalYear(index, grid, fiscalYearOfTables(tables), tableRow);
  if (!found) return { fiscalYear: null };
  if (found.source !== null && !field?.value.trim()) {
    const { year, ...value } = found;
    fields[variant.fiscalYear] = { ...value, value: String(year) };
  }
  return { fiscalYear: found.year };
}

function fiscalYearOfTables(tables: readonly TableRead[]): number | null {
  const targets = tables
    .flatMap((t) => t.layout.years)
    .filter((y) => y.kind === 'target' && y.year !== null)
    .map((y) => y.year as number);
  return targets.length > 0 ? Math.min(...targets) : null;
}
