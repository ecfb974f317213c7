// A direct reader for the common shape of .xlsx sheets (shared and inline strings, numbers, booleans, errors,
// plain formulas with cached results, number formats, merges), fed with the parts inspectPackage already
// inflated; each value goes through exceljs's own rules and convertCell. Anything else — shared formulas,
// hyperlinks, rich inline text, namespace prefixes, CDATA, odd entities — returns null and the caller falls
// back to exceljs, so the Grids are the same either way.
import { createRequire } from 'node:module';
import type { CellRange } from '../../shared/grid/address.ts';
import type { Grid, GridCell } from '../../shared/grid/grid.ts';
import { decodeXmlText, parseSheetNames } from './inspect-package.ts';
import { convertCell, denseRows, type CellBudget } from './worksheet-to-grid.ts';
import type ExcelJS from 'exceljs';

const require = createRequire(import.meta.url);
const DEFAULT_FORMATS = require('exceljs/lib/xlsx/defaultnumformats.js') as Record<string, { f?: string } | undefined>;
const excelUtils = require('exceljs/lib/utils/utils.js') as {
  isDateFmt(fmt: string | undefined): boolean;
  excelToDate(v: unknown, date1904: boolean): Date;
  xmlDecode(text: string): string;
};

/** Inflated package parts by lower-cased name. */
export type PackageParts = ReadonlyMap<string, Buffer>;

/** Unsupported input: the caller reads the workbook with exceljs instead. */
class NotFast extends Error {}

/** Grids for every sheet in workbook order, or null when the package needs the full reader. */
export function fastReadGrids(parts: PackageParts, budget: CellBudget): { grids: Grid[]; date1904: boolean } | null {
  try {
    return readAll(parts, budget);
  } catch (err) {
    if (err instanceof NotFast) return null;
    throw err;
  }
}

const UNSUPPORTED =
  /<!\[CDATA\[|<hyperlink[\s>/]|<f\b[^>]*\st="shared"|<f\s*\/>|t="d"|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

function text(parts: PackageParts, name: string): string | undefined {
  const bytes = parts.get(name);
  if (!bytes) return undefined;
  if (bytes.includes(0) || (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe))
    throw new NotFast();
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

function need(parts: PackageParts, name: string): string {
  const xml = text(parts, name);
  if (xml === undefined) throw new NotFast();
  return xml;
}

function attr(attrs: string, name: string): string | undefined {
  let pattern = ATTRIBUTES.get(name);
  if (!pattern) ATTRIBUTES.set(name, (pattern = new RegExp(`(?:^|\\s)${name}="([^"]*)"`)));
  const m = pattern.exec(attrs);
  return m ? decodeXmlText(m[1]!) : undefined;
}

/** One pattern per attribute name, not one per cell: the reader asks for `t` and `s` on every cell. */
const ATTRIBUTES = new Map<string, RegExp>();

function readAll(parts: PackageParts, budget: CellBudget): { grids: Grid[]; date1904: boolean } {
  const workbook = need(parts, 'xl/workbook.xml');
  if (!/<workbook[\s>]/.test(workbook)) throw new NotFast();
  const date1904 = /<workbookPr\b[^>]*\sdate1904="1"/.test(workbook);
  const rels = relationships(need(parts, 'xl/_rels/workbook.xml.rels'));
  const strings = sharedStrings(parts, rels);
  const formats = cellFormats(parts, rels);
  const names = parseSheetNames(workbook);
  const sheetTags = [...workbook.matchAll(/<sheet\b([^>]*?)\/?>/g)];
  if (sheetTags.length !== names.length) throw new NotFast();
  const grids = sheetTags.map((tag, i) => {
    const rel = rels.get(attr(tag[1] ?? '', 'r:id') ?? '');
    if (!rel || !rel.type.endsWith('/worksheet')) throw new NotFast();
    return readSheet(names[i]!, need(parts, rel.target), strings, formats, date1904, budget);
  });
  return { grids, date1904 };
}

function relationships(xml: string): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  for (const m of xml.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const attrs = m[1] ?? '';
    const id = attr(attrs, 'Id');
    const target = attr(attrs, 'Target');
    if (!id || !target || attr(attrs, 'TargetMode') === 'External') continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    out.set(id, { type: attr(attrs, 'Type') ?? '', target: normalizePath(path).toLowerCase() });
  }
  return out;
}

function normalizePath(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

function partOfType(rels: Map<string, { type: string; target: string }>, suffix: string): string | undefined {
  for (const rel of rels.values()) if (rel.type.endsWith(suffix)) return rel.target;
  return undefined;
}

/** Text of a <t> element as exceljs reads it: entities decoded, _xHHHH_ escapes decoded, line ends normalised. */
function tText(raw: string): string {
  return decodeXmlText(raw.replace(/\r\n?/g, '\n')).replace(/_x([0-9A-F]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

function sharedStrings(parts: PackageParts, rels: Map<string, { type: string; target: string }>): string[] {
  const name = partOfType(rels, '/sharedStrings');
  if (!name) return [];
  const xml = need(parts, name);
  if (UNSUPPORTED.test(xml) || !/<sst[\s>]/.test(xml)) throw new NotFast();
  const out: string[] = [];
  for (const si of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) {
    const body = (si[1] ?? '').replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
    const runs = [...body.matchAll(/<r>([\s\S]*?)<\/r>/g)];
    const source = runs.length > 0 ? runs.map((r) => r[1] ?? '') : [body];
    if (
      runs.length > 0 &&
      body
        .replace(/<r>[\s\S]*?<\/r>/g, '')
        .replace(/<phoneticPr\b[^>]*\/>/g, '')
        .trim() !== ''
    )
      throw new NotFast();
    let s = '';
    for (const piece of source) {
      const t = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/.exec(piece);
      if (!t) throw new NotFast();
      s += tText(t[1] ?? '');
    }
    out.push(s);
  }
  return out;
}

/** Number format of each cellXfs entry, as exceljs resolves it (none for id 0). */
function cellFormats(parts: PackageParts, rels: Map<string, { type: string; target: string }>): (string | undefined)[] {
  const name = partOfType(rels, '/styles');
  const xml = name ? text(parts, name) : undefined;
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*?)\/?>/g)) {
    const id = Number(attr(m[1] ?? '', 'numFmtId'));
    const code = attr(m[1] ?? '', 'formatCode');
    if (Number.isInteger(id) && code !== undefined) custom.set(id, code.replace(/[\\](.)/g, '$1'));
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\b([^>]*?)\/?>/g)].map((m) => {
    const id = parseInt(attr(m[1] ?? '', 'numFmtId') ?? '0', 10);
    return id ? (custom.get(id) ?? DEFAULT_FORMATS[id]?.f) : undefined;
  });
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

function readSheet(
  sheet: string,
  xml: string,
  strings: string[],
  formats: (string | undefined)[],
  date1904: boolean,
  budget: CellBudget,
): Grid {
  if (!/<worksheet[\s>]/.test(xml) || !/<\/worksheet>\s*$/.test(xml) || UNSUPPORTED.test(xml)) throw new NotFast();
  const merges = readMerges(xml);
  const followers = new Set<string>();
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) followers.add(`${r},${c}`);
  }
  const data = /<sheetData\s*\/>|<sheetData>([\s\S]*?)<\/sheetData>/.exec(xml);
  if (!data) throw new NotFast();
  const rows: (GridCell | undefined)[][] = [];
  for (const m of (data[1] ?? '').matchAll(CELL)) {
    const attrs = m[1] ?? '';
    const ref = /(?:^|\s)r="([A-Z]{1,3})(\d+)"/.exec(attrs);
    if (!ref) throw new NotFast();
    const row = Number(ref[2]) - 1;
    const col = columnIndex(ref[1]!);
    if (followers.has(`${row},${col}`)) continue;
    const cell = readCell(attrs, m[2], strings, formats, date1904);
    if (!cell) continue;
    if (++budget.used > budget.max) budget.exceeded(budget.used, budget.max);
    (rows[row] ??= [])[col] = cell;
  }
  return { sheet, rows: denseRows(rows), merges };
}

/** One `<c>` as exceljs would read it, then through the same converter (convertCell); undefined when empty. */
function readCell(
  attrs: string,
  body: string | undefined,
  strings: string[],
  formats: (string | undefined)[],
  date1904: boolean,
): GridCell | undefined {
  const t = attr(attrs, 't') ?? 'n';
  const styleId = parseInt(attr(attrs, 's') ?? '0', 10);
  const numFmt = styleId ? formats[styleId] : undefined;
  let rest = body ?? '';
  const f = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(rest);
  if (f) rest = rest.replace(f[0], '');
  const inline = t === 'inlineStr' ? /^\s*<is>\s*<t(?:\s[^>]*)?>([\s\S]*?)<\/t>\s*<\/is>/.exec(rest) : null;
  if (inline) rest = rest.replace(inline[0], '');
  const vm = /<v>([\s\S]*?)<\/v>|<v\/>/.exec(rest);
  if (vm) rest = rest.replace(vm[0], '');
  if (rest.trim() !== '') throw new NotFast();
  const raw = inline ? inline[1] : vm?.[1];
  const v = raw === undefined || raw === '' ? undefined : decodeXmlText(raw.replace(/\r\n?/g, '\n'));
  if (f) {
    const formula = decodeXmlText((f[1] ?? '').replace(/\r\n?/g, '\n'));
    if (formula === '') throw new NotFast();
    let result: unknown;
    if (v !== undefined) {
      result =
        t === 'str'
          ? excelUtils.xmlDecode(v)
          : t === 'b'
            ? parseInt(v, 10) !== 0
            : t === 'e'
              ? { error: v }
              : parseFloat(v);
      if (excelUtils.isDateFmt(numFmt)) result = excelUtils.excelToDate(result, date1904);
    }
    return convertCell(fakeCell({ formula, result }, numFmt), date1904);
  }
  if (v === undefined) return undefined;
  return convertCell(fakeCell(plainValue(t, v, numFmt, strings, date1904), numFmt), date1904);
}

function fakeCell(value: unknown, numFmt: string | undefined): ExcelJS.Cell {
  return { type: 0, value, numFmt, formula: undefined } as unknown as ExcelJS.Cell;
}

function plainValue(t: string, v: string, numFmt: string | undefined, strings: string[], date1904: boolean): unknown {
  let value: unknown;
  switch (t) {
    case 's': {
      const s = strings[parseInt(v, 10)];
      if (s === undefined) throw new NotFast();
      value = s;
      break;
    }
    case 'b':
      value = parseInt(v, 10) !== 0;
      break;
    case 'e':
      value = { error: v };
      break;
    case 'str':
      value = excelUtils.xmlDecode(v);
      break;
    case 'inlineStr':
      value = v;
      break;
    case 'n': {
      const n = parseFloat(v);
      value = excelUtils.isDateFmt(numFmt) ? excelUtils.excelToDate(n, date1904) : n;
      break;
    }
    default:
      throw new NotFast();
  }
  return value;
}

function columnIndex(letters: string): number {
  let col = 0;
  for (let i = 0; i < letters.length; i++) col = col * 26 + letters.charCodeAt(i) - 64;
  return col - 1;
}

function readMerges(xml: string): CellRange[] {
  const out: CellRange[] = [];
  for (const m of xml.matchAll(/<mergeCell\b[^>]*\sref="\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)"/g)) {
    const top = Number(m[2]) - 1;
    const left = columnIndex(m[1]!);
    const bottom = Number(m[4]) - 1;
    const right = columnIndex(m[3]!);
    out.push({
      top: Math.min(top, bottom),
      left: Math.min(left, right),
      bottom: Math.max(top, bottom),
      right: Math.max(left, right),
    });
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}
