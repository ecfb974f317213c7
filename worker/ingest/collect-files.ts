import { lstatSync, statSync, type Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { FileError } from '../../shared/model/record.ts';

/** What the paths a user typed hold: every file (workbook or not), and what could not be found. */
export interface CollectedInputs {
  /** Files named directly, then every file found in the folders (recursively), in name order. */
  files: string[];
  /** Paths that do not exist. */
  missing: string[];
  /** Folders that hold no file at all. */
  emptyFolders: string[];
}

/**
 * Expands folders (recursively) into every file they hold — workbooks or not, so that a `.xls`, a `.csv`
 * or an Excel lock file is reported as unreadable rather than skipped. Names starting with "." (hidden
 * system files such as .DS_Store, .git) are not read.
 */
export async function collectInputs(inputs: readonly string[]): Promise<CollectedInputs> {
  const collected: CollectedInputs = { files: [], missing: [], emptyFolders: [] };
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info) collected.missing.push(input);
    else if (info.isDirectory()) {
      const found = await walk(input);
      if (found.length === 0) collected.emptyFolders.push(input);
      collected.files.push(...found);
    } else collected.files.push(input);
  }
  // The same file reached twice (a folder and a file in it, or one folder given twice) is read once.
  const seen = new Set<string>();
  collected.files = collected.files.filter((f) => !seen.has(resolve(f)) && seen.add(resolve(f)));
  return collected;
}

/** Every file given or found in the given folders; a path that does not exist is kept as given (its reader reports it). */
export async function collectFiles(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (info?.isDirectory()) files.push(...(await walk(input)));
    else files.push(input);
  }
  return files;
}

/** An Excel lock file ("~$名簿.xlsx": Excel keeps one beside each open workbook) is no submission. */
export function lockFileError(file: string): FileError | null {
  if (!basename(file).startsWith('~$')) return null;
  return {
    code: 'lock-file',
    message:
      'Excel の一時ファイル（~$ で始まる、ブックを開いている間だけ Excel が作るファイル）です。元のブックを閉じてから集計し直してください。',
  };
}

async function walk(dir: string, seen = new Set<string>()): Promise<string[]> {
  // A symbolic link back to a folder already being read (a loop) is not followed again.
  const real = await realpath(dir).catch(() => dir);
  if (seen.has(real)) return [];
  seen.add(real);
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    // A symbolic link counts as what it points to. Everything that is not a folder is listed — a named
    // pipe, a device, a link to nowhere or a link loop too — so its reader reports why it is not read.
    const kind = entry.isSymbolicLink() ? await stat(path).catch(() => undefined) : entry;
    if (kind?.isDirectory()) found.push(...(await walk(path, seen)));
    else found.push(path);
  }
  return found;
}

/**
 * Why a path cannot be read as a file, before anything opens it: missing, a link to nowhere, a link loop,
 * no permission, a folder, a named pipe (opening one would wait forever), a socket or a device. Null for a
 * regular file (or a link to one).
 */
export function pathProblem(path: string): FileError | null {
  let info: Stats;
  try {
    info = statSync(path);
  } catch (err) {
    switch ((err as NodeJS.ErrnoException).code) {
      case 'ELOOP':
        return {
          code: 'symlink-loop',
          message: `シンボリックリンクが循環しているため読めません（リンクが自分自身か互いを指しています）: ${path}`,
        };
      case 'EACCES':
      case 'EPERM':
        return { code: 'no-access', message: `ファイルを読む権限がありません: ${path}` };
      case 'ENOENT':
      case 'ENOTDIR':
        return isSymbolicLink(path)
          ? { code: 'not-found', message: `シンボリックリンクの指す先が見つかりません: ${path}` }
          : { code: 'not-found', message: `ファイルが見つかりません: ${path}` };
      default:
        return {
          code: 'no-access',
          message: `ファイルを読めません（${(err as NodeJS.ErrnoException).code}）: ${path}`,
        };
    }
  }
  if (info.isFile()) return null;
  if (info.isDirectory()) return { code: 'not-a-file', message: `ファイルではなくフォルダです: ${path}` };
  const what = info.isFIFO()
    ? '名前付きパイプ（FIFO）'
    : info.isSocket()
      ? 'ソケット'
      : info.isCharacterDevice() || info.isBlockDevice()
        ? 'デバイスファイル'
        : '特殊なファイル';
  return { code: 'not-a-file', message: `${what}で、読み込めるファイルではありません: ${path}` };
}

/** Whether the path itself is a symbolic link (whatever it points to). */
export function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
