// Structural bounds on the XML parts of a package, checked on the inflated bytes before any XML parser
// (the fast reader, exceljs in the sandbox, the marked copy) sees them. A few bytes of XML can make a parser
// build millions of objects: `<col min="1" max="1000000000">`, one merged range over three million cells, a
// row numbered beyond Excel's last row. Each of those is refused here with a Japanese reason, and the same
// check runs for every reader because every reader starts with inspectPackage.
import type { WorkbookLimits } from './limits.ts';
import { UnreadableWorkbookError } from './unreadable-error.ts';

/** What the check has counted so far over the whole package. */
export interface StructureTally {
  mergedCells: number;
}

/** A tag whose closing `>` is further than this from its `<` is not one a spreadsheet writes. */
const MAX_TAG_BYTES = 8192;
const GT = 0x3e;
const LT = 0x3c;
const SLASH = 0x2f;
const QUOT = 0x22;
const APOS = 0x27;

/** Bytes of an XML part as one-byte text: UTF-16 parts lose their zero bytes (the scanner's rule for DTDs too). */
function asciiView(data: Buffer): Buffer {
  return data.includes(0) ? Buffer.from(data.toString('latin1').replace(/\0/g, ''), 'latin1') : data;
}

/**
 * Calls `visit` with the attribute text of every `<name …>` start tag in `data` (tag names compared exactly:
 * `<c` is not `<col`). A tag with no `>` within MAX_TAG_BYTES is refused as corrupt.
 */
function eachTag(data: Buffer, name: string, part: string, visit: (attrs: string) => void): void {
  const open = Buffer.from(`<${name}`, 'latin1');
  for (let at = data.indexOf(open); at >= 0; at = data.indexOf(open, at + open.length)) {
    const next = data[at + open.length];
    // whitespace, '>' or '/': the tag itself, not a longer name that starts the same
    if (next !== 0x20 && next !== 0x09 && next !== 0x0a && next !== 0x0d && next !== GT && next !== 0x2f) continue;
    const end = data.indexOf(GT, at + open.length);
    if (end < 0 || end - at > MAX_TAG_BYTES) throw corrupt(part);
    visit(data.toString('latin1', at + open.length, end));
  }
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** A1 reference → 1-based row and column; null when it is not one. Never overflows: digits are bounded. */
function cellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,7})\$?(\d{1,12})$/.exec(ref.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

function corrupt(part: string): UnreadableWorkbookError {
  return new UnreadableWorkbookError(
    'corrupt',
    `ブック内の XML（${part}）が壊れているため読み込めません。Excel で開いて保存し直してください。`,
  );
}

function tooBig(message: string): UnreadableWorkbookError {
  return new UnreadableWorkbookError('too-many-cells', message);
}

const n = (v: number) => v.toLocaleString('ja-JP');

/**
 * Checks one inflated part against the limits. Any XML part: its size within `maxXmlPartBytes` and its nesting
 * within `maxXmlDepth`. Worksheets: every `<col>` span, `<row r>`, `<c r>` and
 * `<mergeCell ref>` within Excel's grid and the merged area within `maxMergedCells` over the workbook; the
 * shared-string table within `maxSharedStrings`.
 */
export function checkPartStructure(name: string, data: Buffer, lim: WorkbookLimits, tally: StructureTally): void {
  if (data.length > lim.maxXmlPartBytes)
    throw tooBig(
      `ブック内の部品（${name}）が大きすぎます（${(data.length / 1024 / 1024).toFixed(1)} MB、上限 ${(lim.maxXmlPartBytes / 1024 / 1024).toFixed(0)} MB）。`,
    );
  checkPartDepth(name, data, lim.maxXmlDepth);
  const lower = name.toLowerCase();
  if (lower === 'xl/sharedstrings.xml') {
    const view = asciiView(data);
    let count = 0;
    eachTag(view, 'si', name, () => {
      if (++count > lim.maxSharedStrings)
        throw tooBig(`共有文字列が多すぎます（上限 ${n(lim.maxSharedStrings)} 個）。`);
    });
    return;
  }
  if (!/^xl\/worksheets\/[^/]+\.xml$/.test(lower)) return;
  const view = asciiView(data);
  const where = `シートの部品（${name}）`;
  let span = 0;
  eachTag(view, 'col', name, (attrs) => {
    const min = Number(attr(attrs, 'min') ?? 'NaN');
    const max = Number(attr(attrs, 'max') ?? 'NaN');
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min < 1 || max < min) throw corrupt(name);
    if (max > lim.maxColumns)
      throw tooBig(`${where}の列の設定が Excel の列数を超えています（${n(max)} 列目、上限 ${n(lim.maxColumns)} 列）。`);
    span += max - min + 1;
    if (span > lim.maxColumns)
      throw tooBig(`${where}の列の設定が多すぎます（合計 ${n(span)} 列分、上限 ${n(lim.maxColumns)} 列）。`);
  });
  eachTag(view, 'row', name, (attrs) => {
    const r = attr(attrs, 'r');
    if (r === undefined) return;
    if (!/^\d{1,12}$/.test(r.trim())) throw corrupt(name);
    if (Number(r) > lim.maxRows)
      throw tooBig(
        `${where}の行番号が Excel の行数を超えています（${n(Number(r))} 行目、上限 ${n(lim.maxRows)} 行）。`,
      );
  });
  eachTag(view, 'c', name, (attrs) => {
    const r = attr(attrs, 'r');
    if (r === undefined) return;
    const ref = cellRef(r);
    if (!ref) throw corrupt(name);
    if (ref.row > lim.maxRows || ref.col > lim.maxColumns)
      throw tooBig(
        `${where}のセル ${r.slice(0, 20)} は Excel の範囲（${n(lim.maxRows)} 行 × ${n(lim.maxColumns)} 列）の外にあります。`,
      );
  });
  eachTag(view, 'mergeCell', name, (attrs) => {
    const ref = attr(attrs, 'ref');
    if (ref === undefined) return;
    const [a, b = a] = ref.split(':');
    const from = cellRef(a ?? '');
    const to = cellRef(b ?? '');
    if (!from || !to) throw corrupt(name);
    if (Math.max(from.row, to.row) > lim.maxRows || Math.max(from.col, to.col) > lim.maxColumns)
      throw tooBig(`${where}の結合セル ${ref.slice(0, 40)} は Excel の範囲の外にあります。`);
    tally.mergedCells += (Math.abs(to.row - from.row) + 1) * (Math.abs(to.col - from.col) + 1);
    if (tally.mergedCells > lim.maxMergedCells)
      throw tooBig(
        `結合セルの範囲が広すぎます（合計 ${n(tally.mergedCells)} セル以上、上限 ${n(lim.maxMergedCells)} セル）。`,
      );
  });
}

/**
 * Refuses a part whose elements nest deeper than `max` (100,000 `<r>` inside one another: a few hundred KB that
 * cost a parser its stack or heap). Counts start tags against end tags on the raw bytes, skipping comments,
 * processing instructions and CDATA; a `>` inside a quoted attribute value does not end a tag, so `<a b="/>">`
 * cannot pass for a self-closing element.
 */
export function checkPartDepth(name: string, data: Buffer, max: number): void {
  const view = asciiView(data);
  const end = view.length;
  let depth = 0;
  for (let at = view.indexOf(LT); at >= 0 && at < end;) {
    const next = view[at + 1];
    if (next === SLASH) {
      if (depth > 0) depth--;
      at = view.indexOf(LT, at + 2);
      continue;
    }
    if (next === 0x3f /* ? */ || next === 0x21 /* ! */) {
      const close = skipSpecial(view, at);
      if (close < 0) throw corrupt(name);
      at = view.indexOf(LT, close);
      continue;
    }
    let i = at + 1;
    let quote = 0;
    for (; i < end; i++) {
      const c = view[i]!;
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === QUOT || c === APOS) quote = c;
      else if (c === GT) break;
    }
    if (i >= end) throw corrupt(name);
    if (view[i - 1] !== SLASH && ++depth > max)
      throw tooBig(
        `ブック内の XML（${name}）の要素の入れ子が深すぎます（${n(max)} 段を超えています）。Excel で開いて保存し直してください。`,
      );
    at = view.indexOf(LT, i + 1);
  }
}

/** The index just past a comment, CDATA section, processing instruction or declaration starting at `at`, or -1. */
function skipSpecial(view: Buffer, at: number): number {
  const close = (text: string) => {
    const found = view.indexOf(text, at + 2, 'latin1');
    return found < 0 ? -1 : found + text.length;
  };
  if (view[at + 1] === 0x3f) return close('?>');
  if (view.toString('latin1', at, at + 4) === '<!--') return close('-->');
  if (view.toString('latin1', at, at + 9) === '<![CDATA[') return close(']]>');
  return close('>');
}

/**
 * A part cut short or with its root left open is refused as corrupt, so no reader takes in the first half of
 * a sheet as if it were the whole: the first element's name must close the part (`</worksheet>`), or the
 * root must close itself (`<Types/>`).
 */
export function checkPartComplete(name: string, data: Buffer): void {
  const text = asciiView(data).toString('latin1');
  let at = 0;
  for (;;) {
    at = text.indexOf('<', at);
    if (at < 0) throw corrupt(name);
    const next = text[at + 1];
    if (next === '?') at = text.indexOf('?>', at) + 2;
    else if (text.startsWith('<!--', at)) at = text.indexOf('-->', at) + 3;
    else break;
    if (at < 2) throw corrupt(name);
  }
  const root = /^<([A-Za-z_][\w.:-]*)/.exec(text.slice(at, at + 200))?.[1];
  if (!root) throw corrupt(name);
  const end = text.replace(/[\s\0]+$/, '');
  if (end.endsWith(`</${root}>`) || end.endsWith(`</${root} >`)) return;
  // a self-closing root: its tag is the last thing in the part
  const close = text.indexOf('>', at);
  if (close > 0 && text[close - 1] === '/' && end.length === close + 1) return;
  throw corrupt(name);
}
