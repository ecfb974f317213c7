import { open, stat } from 'node:fs/promises';
import { CommandError } from './option-error.ts';

/** What a command writes; an existing file is replaced only when it is recognisably that, written by mokuhyo. */
export type OutputKind = 'summary' | 'template' | 'annotated' | 'open-data-csv' | 'open-data-json';

/** Larger than anything mokuhyo writes: such a file is not read to be recognised, it is simply not ours. */
const MAX_RECOGNISED_BYTES = 64 * 1024 * 1024;

/** The first line of the open-data CSV (see export-open-data.ts), after its BOM. */
const CSV_HEADER = '"団体","年度","課","様式","様式名","No.",';

/**
 * Whether the file at `path` is one mokuhyo wrote as `kind` and nobody saved over since, so replacing it
 * loses nothing a person wrote:
 * - summary: written by mokuhyo's own workbook writer (Application "mokuhyo") with the 概要 and 提出状況 sheets;
 * - template: a blank form as `mokuhyo template` leaves it (creator mokuhyo, the fixed 2020-01-01 timestamp
 *   Excel and LibreOffice replace on saving, the MOKUHYO_FORM name);
 * - annotated: a copy carrying the `_mokuhyo` state sheet of `validate --annotate`;
 * - open data: the CSV's own header row, or the JSON's `generatedAt` / `summaries` / `rows`.
 */
export async function isOwnOutput(path: string, kind: OutputKind): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile() || info.size > MAX_RECOGNISED_BYTES) return false;
  const bytes = await readBytes(path, info.size);
  if (bytes === null) return false;
  if (kind === 'open-data-csv') return bytes.toString('utf8').startsWith(`\ufeff${CSV_HEADER}`);
  if (kind === 'open-data-json') return isOpenDataJson(bytes);
  const parts = await packageParts(bytes, ['xl/workbook.xml', 'docProps/app.xml', 'docProps/core.xml']);
  if (!parts) return false;
  const workbook = parts.get('xl/workbook.xml') ?? '';
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);
  if (kind === 'summary')
    return (
      /<Application>mokuhyo<\/Application>/.test(parts.get('docProps/app.xml') ?? '') &&
      sheets.includes('概要') &&
      sheets.includes('提出状況')
    );
  if (kind === 'annotated') return sheets.includes('_mokuhyo');
  const core = parts.get('docProps/core.xml') ?? '';
  return (
    /<dc:creator>mokuhyo<\/dc:creator>/.test(core) &&
    /<dcterms:modified[^>]*>2020-01-01T00:00:00Z<\/dcterms:modified>/.test(core) &&
    /<definedName\b[^>]*\bname="MOKUHYO_FORM"/.test(workbook)
  );
}

const WHAT: Record<OutputKind, string> = {
  summary: 'mokuhyo が書き出した集計ブック',
  template: 'mokuhyo が書き出したままの空の様式',
  annotated: 'mokuhyo が書き出した注釈付きコピー',
  'open-data-csv': 'mokuhyo が書き出したオープンデータ（CSV）',
  'open-data-json': 'mokuhyo が書き出したオープンデータ（JSON）',
};

/**
 * Refuses (a CommandError: exit 2) to write `path` when a file is there that mokuhyo did not write as
 * `kind` — a submission, a sheet someone edited, anything else. A missing file, or one of ours, passes.
 */
export async function refuseForeignFile(path: string, kind: OutputKind, what: string): Promise<void> {
  const info = await stat(path).catch(() => null);
  if (!info) return;
  if (info.isDirectory())
    throw new CommandError(`${what}「${path}」に書き込めません（同じ名前のフォルダがあります）。`);
  if (await isOwnOutput(path, kind)) return;
  throw new CommandError(
    `${what}「${path}」には既にファイルがあり、${WHAT[kind]}ではないため上書きしません。` +
      '別の名前か別のフォルダを指定するか、そのファイルを移してから実行し直してください。',
  );
}

async function readBytes(path: string, size: number): Promise<Buffer | null> {
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(size);
      const { bytesRead } = await handle.read(buffer, 0, size, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

function isOpenDataJson(bytes: Buffer): boolean {
  try {
    const doc = JSON.parse(bytes.toString('utf8')) as Record<string, unknown> | null;
    return (
      typeof doc === 'object' &&
      doc !== null &&
      typeof doc['generatedAt'] === 'string' &&
      Array.isArray(doc['summaries']) &&
      Array.isArray(doc['rows'])
    );
  } catch {
    return false;
  }
}

/** The named parts of a zip package as text, or null when the bytes are not a zip. */
async function packageParts(bytes: Buffer, names: readonly string[]): Promise<Map<string, string> | null> {
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) return null;
  const { default: JSZip } = await import('jszip');
  try {
    const zip = await JSZip.loadAsync(bytes);
    const parts = new Map<string, string>();
    for (const name of names) {
      const entry = zip.file(name);
      if (entry) parts.set(name, await entry.async('string'));
    }
    return parts;
  } catch {
    return null;
  }
}
