import ExcelJS from 'exceljs';
import type { FamilySpec, FieldSpec, TableSpec, TableTemplate, VariantSpec } from '../shared/families/index.ts';
import { a1, columnName } from '../shared/grid/index.ts';
import type { HeaderKind } from '../shared/values/index.ts';
import { eraFiscalYear, formatYearHeader } from '../shared/values/index.ts';
import { FONT_NAME, printOnA4, SheetWriter, textWidth, type CellStyle } from '../seed-src/build/sheet-writer.ts';
import { withFormTag } from './form-tag.ts';

/** Where the generator put each part of the form, so a filler (or a test) can write into it. */
export interface TemplateMap {
  sheet: string;
  fields: Record<string, string>;
  tables: Record<
    string,
    {
      firstRow: number;
      rows: number;
      columns: Record<string, number>;
      roles: Record<string, string>;
      years: { year: number; kind: HeaderKind; col: number }[];
    }
  >;
  lists: Record<string, { noCell: string; textCell: string }[]>;
}

export interface GeneratedTemplate {
  bytes: Buffer;
  map: TemplateMap;
}

export interface TemplateOptions {
  fiscalYear: number;
  /** Data rows per table (defaults to the spec's). */
  rows?: number;
  sheetName?: string;
  /** Written into the variant's organisation field (組織名…), so a division starts from its own form. */
  organization?: string;
}

const LABEL: CellStyle = { label: true, size: 9, vertical: 'middle' };
const VALUE: CellStyle = { vertical: 'top' };

/** Lays out the blank form of one variant from its spec: every label, header and box the extractor reads. */
export async function generateTemplate(
  family: FamilySpec,
  variant: VariantSpec,
  options: TemplateOptions,
): Promise<GeneratedTemplate> {
  const layout = variant.template;
  if (!layout) throw new Error(`${family.id}/${variant.id} has no template layout`);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'mokuhyo';
  wb.created = new Date(Date.UTC(2020, 0, 1));
  wb.modified = wb.created;
  const sheetName = options.sheetName ?? variant.title.slice(0, 31);
  const ws = wb.addWorksheet(sheetName, { properties: { defaultRowHeight: 18 } });
  const w = new SheetWriter(ws);
  const map: TemplateMap = { sheet: sheetName, fields: {}, tables: {}, lists: {} };
  const tables = new Map((variant.tables ?? []).map((t) => [t.key, t]));
  const width = Math.max(
    layout.columns,
    ...[...tables.values()].map((t) => (t.template ? tableColumns(t.template).length : 0)),
  );
  const fields = new Map(variant.fields.map((f) => [f.key, f]));
  const columnWidths = defaultWidths(width, [...tables.values()]);
  for (let c = 1; c <= width; c++) ws.getColumn(c).width = columnWidths[c - 1] ?? 12;
  const printTitles: number[] = [];
  let row = 1;
  const span = (r1: number, c1: number, r2: number, c2: number) => `${a1(r1 - 1, c1 - 1)}:${a1(r2 - 1, c2 - 1)}`;

  // A form that names its organisation in the title (実施計画: 「西区 区ビジョンまちづくり計画…」, the field read
  // inline from the title) gets it written there when no field block carries it.
  const orgSpec = fields.get(variant.organization[0] ?? '');
  const orgInTitle =
    orgSpec?.inline !== undefined &&
    !layout.blocks.some((b) => (b.type === 'fields' || b.type === 'narrative') && b.keys.includes(orgSpec.key));
  const titleOf = (text: string): string => {
    const t = text.replace('{fiscalYear}', eraFiscalYear(options.fiscalYear));
    return orgInTitle && options.organization ? `${options.organization} ${t}` : t;
  };
  // A plan period field (the variant's fiscal year is read from it) spans the years its tables plan for.
  const periodText = (): string => {
    const offsets = [...tables.values()].flatMap((t) =>
      (t.template?.years ?? []).filter((y) => y.kind === 'target').map((y) => y.offset),
    );
    if (offsets.length === 0) return '';
    const from = eraFiscalYear(options.fiscalYear + Math.min(...offsets));
    const to = eraFiscalYear(options.fiscalYear + Math.max(...offsets));
    return from === to ? from : `${from}～${to}`;
  };
  // Written only into a field that reads a period (it has its own pattern for one, like 計画期間).
  const periodFor = (spec: (typeof variant.fields)[number]): string =>
    (spec.self ?? []).length > 0 ? periodText() : '';

  for (const block of layout.blocks) {
    if (block.type === 'title') {
      w.put(span(row, 1, row, width), titleOf(block.text), {
        bold: true,
        size: 14,
        border: false,
        vertical: 'middle',
      });
      ws.getRow(row).height = 26;
      row += 2;
    } else if (block.type === 'fields') {
      const segment = Math.floor(width / block.perRow);
      block.keys.forEach((key, i) => {
        const spec = fields.get(key);
        if (!spec) throw new Error(`${variant.id}: no field ${key}`);
        const r = row + Math.floor(i / block.perRow);
        const c = 1 + (i % block.perRow) * segment;
        const labelSpan = labelSpanFor(captionOf(spec), columnWidths, c, segment);
        const last = i % block.perRow === block.perRow - 1 ? width : c + segment - 1;
        w.put(span(r, c, r, c + labelSpan - 1), captionOf(spec), LABEL);
        const value =
          spec.type === 'fiscal-year'
            ? eraFiscalYear(options.fiscalYear)
            : spec.key === variant.organization[0]
              ? (options.organization ?? '')
              : spec.key === variant.fiscalYear && options.organization !== undefined
                ? periodFor(spec)
                : '';
        w.put(span(r, c + labelSpan, r, last), value, { vertical: 'middle' });
        map.fields[key] = a1(r - 1, c + labelSpan - 1);
      });
      row += Math.ceil(block.keys.length / block.perRow) + 1;
    } else if (block.type === 'narrative') {
      const share = Math.floor(width / block.keys.length);
      block.keys.forEach((key, i) => {
        const spec = fields.get(key);
        if (!spec) throw new Error(`${variant.id}: no field ${key}`);
        const c1 = 1 + i * share;
        const c2 = i === block.keys.length - 1 ? width : c1 + share - 1;
        w.put(span(row, c1, row, c2), captionOf(spec), { ...LABEL, horizontal: 'left' });
        w.put(span(row + 1, c1, row + block.height, c2), '', VALUE);
        map.fields[key] = a1(row, c1 - 1);
      });
      for (let r = row + 1; r <= row + block.height; r++) ws.getRow(r).height = 20;
      row += block.height + 2;
    } else if (block.type === 'table') {
      const spec = tables.get(block.key);
      if (!spec?.template) throw new Error(`${variant.id}: no table template ${block.key}`);
      const placed = writeTable(w, spec, spec.template, row, options);
      map.tables[block.key] = placed.map;
      printTitles.push(row, placed.headerBottom);
      row = placed.map.firstRow + placed.map.rows + 1;
    } else if (block.type === 'legends') {
      const lines = block.legends.map(
        (l) =>
          `${l.caption}\u3000${(family.legends?.[l.key] ?? []).map((c) => `${c.code}：${c.meaning}`).join('\u3000')}`,
      );
      w.put(span(row, 1, row + lines.length - 1, 1), block.caption, LABEL);
      lines.forEach((line, i) => w.put(span(row + i, 2, row + i, width), line, { size: 8, vertical: 'middle' }));
      row += lines.length + 1;
    } else {
      const items: { noCell: string; textCell: string }[] = [];
      w.put(span(row, 1, row + block.count - 1, 1), block.caption, LABEL);
      for (let i = 0; i < block.count; i++) {
        w.put(span(row + i, 2, row + i, 2), String(i + 1), { horizontal: 'center', vertical: 'top' });
        w.put(span(row + i, 3, row + i, width), '', VALUE);
        ws.getRow(row + i).height = 36;
        items.push({ noCell: a1(row + i - 1, 1), textCell: a1(row + i - 1, 2) });
      }
      map.lists[block.key] = items;
      row += block.count + 1;
    }
  }

  printOnA4(ws, {
    orientation: layout.orientation,
    printArea: `A1:${columnName(width - 1)}${row}`,
    ...(printTitles.length > 0 ? { printTitlesRow: `${Math.min(...printTitles)}:${Math.max(...printTitles)}` } : {}),
  });
  ws.headerFooter = { oddFooter: `&C&"${FONT_NAME}"&9&P / &N` };
  const bytes = await withFormTag(
    new Uint8Array(await wb.xlsx.writeBuffer()),
    `${family.id}:${variant.id}:${family.templateVersion}`,
  );
  return { bytes, map };
}

/** Column keys left to right with the year columns expanded. */
function tableColumns(template: TableTemplate): string[] {
  return template.order.flatMap((key) => {
    if (key !== 'years' && !key.startsWith('year:')) return [key];
    return template.years.flatMap((y, i) =>
      key === 'years' || key === `year:${y.kind}` ? [`year:${y.kind}:${i}`] : [],
    );
  });
}

function writeTable(w: SheetWriter, spec: TableSpec, template: TableTemplate, top: number, options: TemplateOptions) {
  const keys = tableColumns(template);
  const banded = new Map<number, string>();
  for (const band of template.bands ?? []) {
    const cols = keys
      .map((k, i) => ({ k, i }))
      .filter(({ k }) =>
        band.keys.some((b) => k === b || (b === 'years' && k.startsWith('year:')) || k.startsWith(`${b}:`)),
      );
    if (cols.length === 0) continue;
    const from = cols[0]!.i + 1;
    const to = cols[cols.length - 1]!.i + 1;
    w.put(`${a1(top - 1, from - 1)}:${a1(top - 1, to - 1)}`, band.caption, LABEL);
    for (const { i } of cols) banded.set(i, band.caption);
  }
  const headerBottom = banded.size > 0 ? top + 1 : top;
  const columns: Record<string, number> = {};
  const roles: Record<string, string> = {};
  const years: { year: number; kind: HeaderKind; col: number }[] = [];
  keys.forEach((key, i) => {
    const col = i + 1;
    const headerTop = banded.has(i) ? headerBottom : top;
    const range = `${a1(headerTop - 1, col - 1)}:${a1(headerBottom - 1, col - 1)}`;
    if (key.startsWith('year:')) {
      const y = template.years[Number(key.split(':')[2])]!;
      const year = options.fiscalYear + y.offset;
      w.put(range, y.caption ?? formatYearHeader(year, y.kind, template.notation), LABEL);
      years.push({ year, kind: y.kind, col: i });
    } else {
      const column = spec.columns.find((c) => c.key === key);
      if (!column) throw new Error(`${spec.key}: no column ${key}`);
      w.put(range, column.caption ?? key, LABEL);
      columns[key] = i;
      roles[key] = column.carryDown && column.role === 'field' ? 'carry' : column.role;
    }
  });
  const rows = options.rows ?? template.rows;
  for (let r = headerBottom + 1; r <= headerBottom + rows; r++) {
    keys.forEach((key, i) =>
      w.put(a1(r - 1, i), '', { vertical: 'top', ...(key.startsWith('year:') ? { horizontal: 'right' } : {}) }),
    );
    w.ws.getRow(r).height = 30;
  }
  return { headerBottom, map: { firstRow: headerBottom, rows, columns, roles, years } };
}

/** Enough columns for the label to fit on one line, leaving at least one for the value. */
function labelSpanFor(caption: string, widths: readonly number[], from: number, segment: number): number {
  const need = textWidth(caption) + 1;
  let sum = 0;
  for (let k = 1; k < segment; k++) {
    sum += widths[from + k - 2] ?? 12;
    if (sum >= need) return k;
  }
  return Math.max(1, segment - 1);
}

function captionOf(spec: FieldSpec): string {
  if (spec.caption) return spec.caption;
  const first = spec.label[0];
  return typeof first === 'string' ? first : spec.key;
}

/** Column widths wide enough for every table laid out in the column. */
function defaultWidths(width: number, tables: readonly TableSpec[]): number[] {
  const widths = Array.from({ length: width }, () => 0);
  for (const table of tables) {
    if (!table.template) continue;
    tableColumns(table.template).forEach((key, i) => {
      const w = key.startsWith('year:') ? 10 : (table.columns.find((c) => c.key === key)?.width ?? 14);
      widths[i] = Math.max(widths[i] ?? 0, w);
    });
  }
  return widths.map((w) => w || 12);
}
