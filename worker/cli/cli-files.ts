import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, sep } from 'node:path';
import { parseFiscalYear } from '../../shared/values/index.ts';
import { collectInputs as collectPaths, isSymbolicLink, pathProblem } from '../ingest/collect-files.ts';
import { noteCreatedFolder, noteWriting, noteWritten } from './interrupt.ts';
import { CommandError } from './option-error.ts';

// The one input and output policy of the file commands (extract, validate, template): see docs/cli.md.

/**
 * A fiscal year as a user types it on the command line: 2020, R2, 令和2年度, Ｒ２, FY2020, and the era letter
 * in either case (r2) — unlike a sheet, where a lower-case letter is a unit ("m2"). Null when unreadable.
 */
export function typedFiscalYear(text: string): number | null {
  return parseFiscalYear(text) ?? parseFiscalYear(text.toUpperCase());
}

/** The files a command reads, with a Japanese note for every input that named nothing to read. */
export interface Inputs {
  files: string[];
  /** One line per missing path or empty folder; the command prints them and exits 2. */
  problems: string[];
}

/**
 * Expands the paths a user typed: folders into every file they hold (a .csv or .xls is then reported as
 * unreadable, never skipped), files kept as given. A missing path is still listed last (its record says
 * not-found) and named in `problems`, as is an empty folder. Nothing at all to read is a CommandError.
 */
export async function collectInputs(paths: readonly string[], what: string): Promise<Inputs> {
  if (paths.length === 0) throw new CommandError(`${what}ファイルかフォルダを指定してください。`, { showUsage: true });
  const { files, missing, emptyFolders } = await collectPaths(paths);
  const problems = [
    ...(await Promise.all(missing.map(missingPathMessage))),
    ...emptyFolders.map((path) => `フォルダ「${path}」にファイルがありません。`),
  ];
  if (files.length === 0 && missing.length === 0) throw new CommandError(problems.join('\n'));
  return { files: [...files, ...missing], problems };
}

/**
 * What is wrong with a path the user typed that cannot be opened: missing (with a hint when only the
 * extension was left out), a link loop, a link to nowhere, no permission — the same words for every command.
 */
export async function missingPathMessage(path: string): Promise<string> {
  const problem = pathProblem(path);
  switch (problem?.code) {
    case 'symlink-loop':
      return `「${path}」はシンボリックリンクが循環しているため読めません（リンクが自分自身か互いを指しています）。`;
    case 'no-access':
      return `「${path}」を読めません（権限がありません）。`;
    case 'not-found':
      if (isSymbolicLink(path)) return `「${path}」はシンボリックリンクで、指す先が見つかりません。`;
  }
  return `「${path}」が見つかりません。${await nearName(path)}`;
}

/** A hint when the name lacks its extension ("健康福祉課" for 健康福祉課.xlsx), else nothing. */
async function nearName(path: string): Promise<string> {
  for (const ext of ['.xlsx', '.xlsm', '.XLSX']) {
    if ((await stat(`${path}${ext}`).catch(() => null))?.isFile()) return `「${path}${ext}」のことですか？`;
  }
  return '';
}

/** Prints the input problems on stderr, one per line, prefixed like every CLI message. */
export function reportProblems(command: string, problems: readonly string[]): void {
  for (const problem of problems) process.stderr.write(`mokuhyo ${command}: ${problem}\n`);
}

/** Where an output goes: a file to write, or a folder that receives files named by the command. */
export type OutputPlace = { kind: 'file'; path: string } | { kind: 'folder'; path: string };

/**
 * Reads what an output path means. An existing folder, a path ending in a separator or a name without an
 * extension is a folder (created when missing); a file's extension must be one the output is written as.
 */
export async function outputPlace(path: string, extensions: readonly string[], what: string): Promise<OutputPlace> {
  const info = await stat(path).catch(() => null);
  const ext = extname(path);
  if (info?.isDirectory() === true || path.endsWith('/') || path.endsWith(sep) || ext === '') {
    await ensureFolder(path, what);
    return { kind: 'folder', path };
  }
  if (!extensions.includes(ext.toLowerCase())) {
    throw new CommandError(
      `${what}「${path}」の拡張子 ${ext} では書き出せません。${extensions.join(' / ')} のファイル名（例: ${basename(path, ext)}${extensions[0] ?? ''}）か、フォルダを指定してください。`,
    );
  }
  await ensureFolder(dirname(path), what, path);
  return { kind: 'file', path };
}

/** The output file for one result: the file named, or `fileName` inside the folder named. */
export async function resolveOutput(
  path: string,
  extensions: readonly string[],
  fileName: string,
  what: string,
): Promise<string> {
  const place = await outputPlace(path, extensions, what);
  return place.kind === 'file' ? place.path : join(place.path, fileName);
}

/** Creates a folder (and its parents) for an output, or says in Japanese why it cannot. */
export async function ensureFolder(folder: string, what: string, path = folder): Promise<void> {
  try {
    if (folder === '') return;
    await makeFolders(folder);
  } catch (err) {
    const reason = reasonOf(err, dirname((err as NodeJS.ErrnoException).path ?? folder));
    if (!reason) throw err;
    throw new CommandError(
      folder === path
        ? `${what}のフォルダ「${folder}」を作れません（${reason}）。`
        : `${what}「${path}」のフォルダ「${folder}」を作れません（${reason}）。`,
    );
  }
}

/**
 * `mkdir -p` one level at a time. Node 20's `mkdir(…, { recursive: true })` spins forever where the parent
 * exists but refuses new entries with ENOENT (a folder under /proc, some network shares); creating each
 * missing level in turn turns that into an ordinary ENOENT the caller can explain.
 */
async function makeFolders(folder: string): Promise<void> {
  const missing: string[] = [];
  for (let at = folder; ; at = dirname(at)) {
    const info = await stat(at).catch((err: NodeJS.ErrnoException) =>
      err.code === 'ENOENT' ? null : Promise.reject(err),
    );
    if (info?.isDirectory() === true) break;
    if (info) throw Object.assign(new Error(`not a folder: ${at}`), { code: 'ENOTDIR' });
    missing.push(at);
    if (dirname(at) === at) break;
  }
  for (const at of missing.reverse()) {
    const made = await mkdir(at).then(
      () => true,
      async (err: NodeJS.ErrnoException) => {
        if (err.code === 'EEXIST' && (await stat(at).catch(() => null))?.isDirectory() === true) return false;
        throw err;
      },
    );
    if (made) noteCreatedFolder(at);
  }
}

/**
 * Refuses an output place that cannot take a new file (/proc, a read-only or full disk) before anything is
 * written, so a command that exits 2 for one of its outputs has replaced none of the others. A folder that does
 * not exist yet is left to the writer (it is created first).
 */
export async function probeOutput(path: string, what: string): Promise<void> {
  const folder = dirname(path);
  if (!isFolder(folder)) return;
  const probe = join(folder, `.${basename(path)}.${randomBytes(4).toString('hex')}.probe`);
  try {
    await writeFile(probe, '');
  } catch (err) {
    const reason = reasonOf(err, folder);
    if (!reason) throw err;
    throw new CommandError(`${what}「${path}」に書き込めません（${reason}）。`);
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
}

/**
 * Writes an output whole or not at all: into a temporary file beside it, then renamed over it. The
 * temporary file is removed on every failure path; a file-system refusal becomes a CommandError.
 */
export async function writeOutput(path: string, bytes: Uint8Array, what: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  const fresh = (await stat(path).catch(() => null)) === null;
  let written = false;
  noteWriting(path);
  try {
    await writeFile(temp, bytes);
    await rename(temp, path);
    written = true;
  } catch (err) {
    const reason = reasonOf(err, dirname(path));
    if (!reason) throw err;
    throw new CommandError(`${what}「${path}」に書き込めません（${reason}）。`);
  } finally {
    await rm(temp, { force: true }).catch(() => undefined);
    noteWritten(path, fresh && written);
  }
}

/**
 * The Japanese reason for a file-system refusal a user can fix; null for anything else (an internal fault).
 * `folder` is where a file or folder was being created: "no such folder" there although the folder exists
 * means the place refuses new entries (/proc, a special file system), which is what the user is told.
 */
export function reasonOf(err: unknown, folder?: string): string | null {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT' && folder !== undefined && isFolder(folder))
    return 'システムが管理する場所（/proc など）で、新しいファイルやフォルダを作れません';
  switch (code) {
    case 'EACCES':
      return '権限がありません';
    case 'EPERM':
      // Windows answers EPERM when another program (Excel) holds the file open.
      return '権限がないか、ほかのプログラム（Excel など）が開いています';
    case 'EROFS':
      return '読み取り専用の場所です';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'ディスクの空きが足りません';
    case 'EISDIR':
      return '同じ名前のフォルダがあります';
    case 'ENOTDIR':
    case 'EEXIST':
      return '途中に同じ名前のファイルがあります';
    case 'ENAMETOOLONG':
      return '名前が長すぎます';
    case 'ENOENT':
      return 'フォルダがありません';
    case 'EBUSY':
      return 'ほかのプログラムが使用中です（Excel で開いていませんか）';
    default:
      return null;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
