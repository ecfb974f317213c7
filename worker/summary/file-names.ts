import { statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';

/** How a submitted file is named where a person reads it (the printed summary, open data): never a full path. */
export type FileNamer = (file: string) => string;

/** The file's name without its folders ("C:\\受付\\健康福祉課.xlsx" → "健康福祉課.xlsx"). */
export function fileNameOnly(file: string): string {
  return file.split(/[\\/]/).pop() || file;
}

/**
 * Names each file as the inputs the user gave reach it: the path below the folder it was found in
 * ("旧版/健康福祉課_4月版.xlsx" for a file in a subfolder of the inbox), or its name alone when it was given
 * directly or lies outside every folder given — so that no local or server path is printed or published.
 */
export function inputFileNamer(inputs: readonly string[]): FileNamer {
  const folders = inputs
    .filter((input) => {
      try {
        return statSync(input).isDirectory();
      } catch {
        return false;
      }
    })
    .map((input) => resolve(input));
  return (file) => {
    const path = resolve(file);
    let best: string | null = null;
    for (const folder of folders) {
      const below = relative(folder, path);
      if (!below || below.startsWith('..') || resolve(folder, below) !== path || /^[\\/]|^[A-Za-z]:/.test(below))
        continue;
      if (best === null || below.length < best.length) best = below;
    }
    return best === null ? fileNameOnly(file) : best.split(sep).join('/');
  };
}

/**
 * A reason as the ledger gives it, with the path of its file (a reader's message may end with it: 「ファイルでは
 * なくフォルダです: /home/…/受付/旧版」) named as everywhere else in print: word for word otherwise.
 */
export function reasonNaming(reason: string, file: string | null, name: FileNamer): string {
  if (!file || !reason.includes(file)) return reason;
  return reason.split(file).join(name(file));
}
