import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { inflateRawSync } from 'node:zlib';
import { resolveLimits, type WorkbookLimits } from './limits.ts';
import { checkPartComplete, checkPartStructure, type StructureTally } from './part-structure.ts';
import { UnreadableWorkbookError } from './unreadable-error.ts';

/** A `<definedName>` of xl/workbook.xml, as written (text is the raw formula: `"org-goals@1"`, `Sheet1!$A$1`). */
export interface DefinedName {
  name: string;
  /** Index into the sheet list when the name is sheet-scoped, else null. */
  localSheetId: number | null;
  text: string;
}

/** What the cheap pre-check learned about a package that looks safe to hand to exceljs. */
export interface PackageInspection {
  /** Sheet names in workbook order. */
  sheetNames: string[];
  definedNames: DefinedName[];
  entryCount: number;
  /** Bytes actually inflated while checking. */
  inflatedBytes: number;
  /** `<c>` elements counted in the worksheet parts (an upper bound on non-empty cells). */
  cellCount: number;
  /** Inflated workbook, relationship, shared-string, style and worksheet parts by lower-cased name, for the fast reader. */
  parts: Map<string, Buffer>;
}

const ZIP_MAGICS = [
  Buffer.from('PK\x03\x04', 'latin1'),
  Buffer.from('PK\x05\x06', 'latin1'),
  Buffer.from('PK\x07\x08', 'latin1'),
];
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Entries that inflate more than this many times their compressed size are treated as bombs. */
const MAX_RATIO = 500;
const RATIO_MIN_BYTES = 1024 * 1024;
const SCAN_TAIL = 32;
/** Inflated XML is scanned in slices this long, as it used to arrive from the stream. */
const SCAN_CHUNK = 64 * 1024;

/** Checks the raw bytes of a submitted .xlsx before any XML parser sees them; throws only UnreadableWorkbookError. */
export async function inspectPackage(bytes: Buffer, limits: Partial<WorkbookLimits> = {}): Promise<PackageInspection> {
  const lim = resolveLimits(limits);
  if (bytes.length === 0) throw new UnreadableWorkbookError('empty');
  if (bytes.length > lim.maxBytes) throw tooLarge(bytes.length, lim.maxBytes);
  checkMagic(bytes);
  const walked = await walkZip(bytes, lim);
  checkParts(walked.names);
  checkMacros(walked);
  const workbookXml = walked.workbookXml ?? '';
  const sheetNames = parseSheetNames(workbookXml);
  if (sheetNames.length > lim.maxSheets) {
    throw new UnreadableWorkbookError(
      'too-many-cells',
      `シートが多すぎます（${sheetNames.length} 枚、上限 ${lim.maxSheets} 枚）。`,
    );
  }
  if (walked.cellCount > lim.maxCells) throw tooManyCells(walked.cellCount, lim.maxCells);
  return {
    sheetNames,
    definedNames: parseDefinedNames(workbookXml),
    entryCount: walked.entryCount,
    inflatedBytes: walked.inflatedBytes,
    cellCount: walked.cellCount,
    parts: walked.parts,
  };
}

/** The too-large error with the sizes in the message. */
export function tooLarge(size: number, max: number): UnreadableWorkbookError {
  return new UnreadableWorkbookError('too-large', `ファイルが大きすぎます（${mib(size)}、上限 ${mib(max)}）。`);
}

/** The too-many-cells error with the counts in the message. */
export function tooManyCells(count: number, max: number): UnreadableWorkbookError {
  return new UnreadableWorkbookError(
    'too-many-cells',
    `ブックのセル数が多すぎます（${count.toLocaleString('ja-JP')} 個、上限 ${max.toLocaleString('ja-JP')} 個）。`,
  );
}

function mib(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function checkMagic(bytes: Buffer): void {
  const head = bytes.subarray(0, 8);
  if (ZIP_MAGICS.some((m) => head.subarray(0, 4).equals(m))) return;
  if (head.equals(CFB_MAGIC)) {
    if (bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      throw new UnreadableWorkbookError(
        'encrypted',
        'ブックがパスワードで保護されています。パスワードを解除して保存し直してから提出してください。',
      );
    }
    if (bytes.includes(Buffer.from('WordDocument', 'utf16le'))) {
      throw new UnreadableWorkbookError(
        'not-spreadsheet',
        '古い形式の Word 文書（.doc）です。Excel ブック（.xlsx）を提出してください。',
      );
    }
    throw new UnreadableWorkbookError('legacy-xls');
  }
  throw new UnreadableWorkbookError('not-zip', notZipMessage(bytes));
}

function notZipMessage(bytes: Buffer): string {
  const head = bytes.subarray(0, 1024);
  // Named by their signatures: a clerk is told what the file is, not only what it is not.
  if (head.subarray(0, 5).toString('latin1') === '%PDF-')
    return 'PDF ファイルです。Excel ブック（.xlsx）を提出してください（PDF からは数値を読み取れません）。';
  if (
    head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) ||
    head.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))
  )
    return '画像ファイル（PNG や JPEG）です。Excel ブック（.xlsx）を提出してください。';
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const looksText = !head.includes(0) && !text.includes('\uFFFD');
  if (looksText && /^\s*</.test(text)) {
    return 'HTML や XML のファイルで、Excel ブック（.xlsx）ではありません。Excel で「Excel ブック（.xlsx）」として保存し直してください。';
  }
  if (looksText) {
    return 'CSV やテキストのファイルで、Excel ブック（.xlsx）ではありません。Excel で「Excel ブック（.xlsx）」として保存し直してください。';
  }
  return 'Excel ブック（.xlsx）ではありません（ファイルの形式を認識できません）。';
}

function checkParts(names: Set<string>): void {
  if (names.has('[content_types].xml') && names.has('xl/workbook.xml')) return;
  if (names.has('word/document.xml')) {
    throw new UnreadableWorkbookError(
      'not-spreadsheet',
      'Word 文書（.docx）です。Excel ブック（.xlsx）を提出してください。',
    );
  }
  if (names.has('ppt/presentation.xml')) {
    throw new UnreadableWorkbookError(
      'not-spreadsheet',
      'PowerPoint のファイル（.pptx）です。Excel ブック（.xlsx）を提出してください。',
    );
  }
  if (names.has('xl/workbook.bin')) {
    throw new UnreadableWorkbookError(
      'not-spreadsheet',
      'バイナリ形式のブック（.xlsb）には対応していません。「Excel ブック（.xlsx）」として保存し直してください。',
    );
  }
  if (names.has('content.xml') || names.has('mimetype')) {
    throw new UnreadableWorkbookError(
      'not-spreadsheet',
      'OpenDocument 形式（.ods など）のファイルです。「Excel ブック（.xlsx）」として保存し直してください。',
    );
  }
  throw new UnreadableWorkbookError(
    'not-spreadsheet',
    'ZIP ファイルですが Excel ブック（.xlsx）ではありません（xl/workbook.xml がありません）。',
  );
}

/**
 * Active content is refused: a VBA project, Excel 4 macro sheets (by folder or by content type, wherever the
 * part sits), ActiveX controls, a macro-enabled content type.
 */
function checkMacros(walked: Walked): void {
  const macro =
    walked.macroContentType ||
    [...walked.names].some(
      (n) => n.endsWith('vbaproject.bin') || n.startsWith('xl/macrosheets/') || n.startsWith('xl/activex/'),
    );
  if (macro) throw new UnreadableWorkbookError('macro');
}

interface Walked {
  /** [Content_Types].xml declares a macro-enabled workbook, a VBA project, a macro sheet or an ActiveX control. */
  macroContentType: boolean;
  names: Set<string>;
  entryCount: number;
  inflatedBytes: number;
  cellCount: number;
  workbookXml: string | undefined;
  parts: Map<string, Buffer>;
}

/** Parts kept inflated for the fast reader (worksheets, shared strings, styles, workbook and its rels). */
function isKeptPart(name: string): boolean {
  return (
    name === 'xl/workbook.xml' ||
    name === 'xl/_rels/workbook.xml.rels' ||
    name === 'xl/sharedstrings.xml' ||
    name === 'xl/styles.xml' ||
    /^xl\/worksheets\/[^/]+\.xml$/.test(name)
  );
}

/** Scans inflated XML for DTDs and counts cell elements, across chunk boundaries and in UTF-16 too. */
class XmlScanner {
  private tail = '';
  dtd = false;
  cells = 0;

  constructor(private readonly countCells: boolean) {}

  push(chunk: Buffer): void {
    const text = chunk.toString('latin1');
    const s = this.tail + (chunk.includes(0) ? text.replace(/\0/g, '') : text);
    if (s.includes('!')) {
      const lower = s.toLowerCase();
      if (lower.includes('<!doctype') || lower.includes('<!entity')) this.dtd = true;
    }
    if (this.countCells) {
      const re = /<(?:[A-Za-z0-9_]{1,10}:)?c[\s>/]/g;
      for (let m = re.exec(s); m; m = re.exec(s)) {
        if (m.index + m[0].length > this.tail.length) this.cells++;
      }
    }
    this.tail = s.slice(-SCAN_TAIL);
  }
}

function isXmlPart(name: string): boolean {
  return /\.(xml|rels|vml)$/.test(name);
}

function walkZip(bytes: Buffer, lim: WorkbookLimits): Promise<Walked> {
  return new Promise<Walked>((resolve, reject) => {
    const walked: Walked = {
      macroContentType: false,
      names: new Set(),
      entryCount: 0,
      inflatedBytes: 0,
      cellCount: 0,
      workbookXml: undefined,
      parts: new Map(),
    };
    let settled = false;
    let zip: ZipFile | undefined;
    let declared = 0;
    const tally: StructureTally = { mergedCells: 0 };

    const fail = (err: unknown): void => {
      if (settled) return;
      settled = true;
      try {
        if (zip?.isOpen) zip.close();
      } catch {
        /* already closed */
      }
      reject(err instanceof UnreadableWorkbookError ? err : fromZipError(err));
    };

    const onEntry = (entry: Entry): void => {
      if (settled) return;
      walked.entryCount++;
      const name = entry.fileName.toLowerCase();
      walked.names.add(name);
      if (name.endsWith('/')) {
        zip?.readEntry();
        return;
      }
      if (entry.isEncrypted()) {
        fail(
          new UnreadableWorkbookError(
            'encrypted',
            'ZIP がパスワードで保護されています。パスワードを解除して保存し直してください。',
          ),
        );
        return;
      }
      declared += entry.uncompressedSize;
      if (declared > lim.maxInflatedBytes) {
        fail(
          new UnreadableWorkbookError(
            'zip-bomb',
            `展開後のサイズが上限（${mib(lim.maxInflatedBytes)}）を超えるため、安全のため読み込みを中止しました。`,
          ),
        );
        return;
      }
      if (
        entry.uncompressedSize > RATIO_MIN_BYTES &&
        entry.uncompressedSize > MAX_RATIO * Math.max(1, entry.compressedSize)
      ) {
        fail(
          new UnreadableWorkbookError(
            'zip-bomb',
            '圧縮率が不自然に高い部品が含まれているため、安全のため読み込みを中止しました。',
          ),
        );
        return;
      }
      readOne(entry, name);
    };

    // The whole package is in memory: inflate each part in one synchronous call, bounded by its declared size
    // (yauzl's streams cost a zlib round trip per chunk). Errors keep the messages yauzl would give.
    const readOne = (entry: Entry, name: string): void => {
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        fail(new Error(`unsupported compression method: ${entry.compressionMethod}`));
        return;
      }
      zip?.readLocalFileHeader(entry, { minimal: false }, (err, header) => {
        if (settled) return;
        if (err || !header) {
          fail(err ?? new Error('no local file header'));
          return;
        }
        // The central directory and the local header must name the same part: readers that walk local
        // headers (or the other directory) would otherwise see a different package than this check saw.
        const raw = (entry as Entry & { fileNameRaw?: Buffer }).fileNameRaw;
        if (raw && !header.fileName.equals(raw)) {
          fail(
            new UnreadableWorkbookError(
              'corrupt',
              'ZIP の目次と本体で部品の名前が食い違っているため、安全のため読み込みを中止しました。',
            ),
          );
          return;
        }
        let data: Buffer;
        try {
          data = inflateEntry(bytes, entry, header.fileDataStart);
        } catch (e) {
          fail(e);
          return;
        }
        walked.inflatedBytes += data.length;
        if (walked.inflatedBytes > lim.maxInflatedBytes) {
          fail(
            new UnreadableWorkbookError(
              'zip-bomb',
              `展開後のサイズが上限（${mib(lim.maxInflatedBytes)}）を超えるため、安全のため読み込みを中止しました。`,
            ),
          );
          return;
        }
        if (isXmlPart(name)) {
          const scanner = new XmlScanner(/^xl\/worksheets\/[^/]+\.xml$/.test(name));
          for (let at = 0; at < data.length && !scanner.dtd; at += SCAN_CHUNK)
            scanner.push(data.subarray(at, at + SCAN_CHUNK));
          if (scanner.dtd) {
            fail(
              new UnreadableWorkbookError(
                'dtd',
                `ブック内の XML（${entry.fileName}）に DTD（<!DOCTYPE> / <!ENTITY>）が含まれているため、安全のため読み込みを中止しました。`,
              ),
            );
            return;
          }
          walked.cellCount += scanner.cells;
          try {
            if (!name.endsWith('.vml')) checkPartComplete(entry.fileName, data);
            checkPartStructure(entry.fileName, data, lim, tally);
          } catch (e) {
            fail(e);
            return;
          }
          if (name === '[content_types].xml')
            walked.macroContentType = /macroEnabled|vbaProject|ms-excel\.sheet\.binary\.macro|macrosheet|activeX/i.test(
              data.toString('latin1').replace(/\0/g, ''),
            );
        }
        if (isKeptPart(name)) {
          walked.parts.set(name, data);
          if (name === 'xl/workbook.xml') walked.workbookXml = data.toString('utf8');
        }
        zip?.readEntry();
      });
    };

    try {
      yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, autoClose: true }, (err, zipfile) => {
        if (err || !zipfile) {
          fail(err ?? new Error('no zipfile'));
          return;
        }
        zip = zipfile;
        if (zipfile.entryCount > lim.maxEntries) {
          fail(
            new UnreadableWorkbookError(
              'zip-bomb',
              `ZIP の部品数が多すぎます（${zipfile.entryCount} 個、上限 ${lim.maxEntries} 個）。安全のため読み込みを中止しました。`,
            ),
          );
          return;
        }
        zipfile.on('entry', onEntry);
        zipfile.on('error', fail);
        zipfile.on('end', () => {
          if (settled) return;
          settled = true;
          resolve(walked);
        });
        zipfile.readEntry();
      });
    } catch (err) {
      fail(err);
    }
  });
}

/** The entry's bytes, inflated; never more than its declared size (a larger part fails as yauzl's size check would). */
function inflateEntry(bytes: Buffer, entry: Entry, start: number): Buffer {
  const raw = bytes.subarray(start, start + entry.compressedSize);
  const declared = entry.uncompressedSize;
  let data: Buffer;
  if (entry.compressionMethod === 0) {
    data = Buffer.from(raw);
  } else {
    try {
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, declared) });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        throw new Error(`too many bytes in the stream. expected ${declared}. got at least ${declared + 1}`, {
          cause: err,
        });
      throw err;
    }
  }
  if (data.length > declared)
    throw new Error(`too many bytes in the stream. expected ${declared}. got at least ${data.length}`);
  if (data.length < declared)
    throw new Error(`not enough bytes in the stream. expected ${declared}. got only ${data.length}`);
  return data;
}

/** Maps yauzl and zlib failures onto the unreadable codes. */
function fromZipError(err: unknown): UnreadableWorkbookError {
  const msg = err instanceof Error ? err.message : String(err);
  if (/too many bytes/i.test(msg)) {
    return new UnreadableWorkbookError(
      'zip-bomb',
      '申告より大きく展開される部品が含まれているため、安全のため読み込みを中止しました。',
      { cause: err },
    );
  }
  if (/encrypt/i.test(msg)) return new UnreadableWorkbookError('encrypted', undefined, { cause: err });
  if (
    /central directory|end of central|signature|comment length|unexpected EOF|too few bytes|out of range|past the end|bounds/i.test(
      msg,
    )
  ) {
    return new UnreadableWorkbookError('truncated', undefined, { cause: err });
  }
  return new UnreadableWorkbookError('corrupt', 'ZIP の内容が壊れているため読み込めません。', { cause: err });
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five predefined XML entities and character references (nothing else exists: DTDs are rejected). */
export function decodeXmlText(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return safeCodePoint(parseInt(ref.slice(2), 16)) ?? whole;
    if (ref.startsWith('#')) return safeCodePoint(parseInt(ref.slice(1), 10)) ?? whole;
    return XML_ENTITIES[ref] ?? whole;
  });
}

function safeCodePoint(n: number): string | undefined {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  if (!m) return undefined;
  return decodeXmlText(m[1] ?? m[2] ?? '');
}

/** Sheet names of xl/workbook.xml, in order. */
export function parseSheetNames(workbookXml: string): string[] {
  const out: string[] = [];
  const re = /<(?:[A-Za-z0-9_]{1,10}:)?sheet\b([^>]*?)\/?>/g;
  for (let m = re.exec(workbookXml); m; m = re.exec(workbookXml)) {
    const name = attr(m[1] ?? '', 'name');
    if (name !== undefined) out.push(name);
  }
  return out;
}

/** Defined names of xl/workbook.xml. */
export function parseDefinedNames(workbookXml: string): DefinedName[] {
  const out: DefinedName[] = [];
  const re = /<((?:[A-Za-z0-9_]{1,10}:)?)definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1definedName\s*>)/g;
  for (let m = re.exec(workbookXml); m; m = re.exec(workbookXml)) {
    const attrs = m[2] ?? '';
    const name = attr(attrs, 'name');
    if (!name) continue;
    const local = attr(attrs, 'localSheetId');
    const localSheetId = local !== undefined && /^\d+$/.test(local) ? Number(local) : null;
    out.push({ name, localSheetId, text: decodeXmlText(m[3] ?? '') });
  }
  return out;
}
