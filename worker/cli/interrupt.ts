import { readdirSync, rmdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * What this run of a file command has created so far — folders, output files that did not exist before,
 * the temporary files outputs are written through — so that Ctrl+C (SIGINT) or SIGTERM can take it back
 * before the process ends: the user is left with the folders and files as they were.
 */
export interface RunTrail {
  /** Folders created for outputs, outermost first. */
  folders: string[];
  /** Output files this run wrote where no file was before. */
  files: Set<string>;
  /** Outputs being written: their `.name.….tmp` siblings are removed. */
  pending: Set<string>;
}

const trail: RunTrail = { folders: [], files: new Set(), pending: new Set() };

/** Starts a new run's trail: what earlier runs in this process created is theirs and stays. */
export function beginRun(): void {
  trail.folders.length = 0;
  trail.files.clear();
  trail.pending.clear();
}

/** A folder this run created (mkdir succeeded). */
export function noteCreatedFolder(folder: string): void {
  trail.folders.push(folder);
}

/** An output about to be written through a temporary file beside it. */
export function noteWriting(path: string): void {
  trail.pending.add(path);
}

/** The output is in place (or its write failed and cleaned up after itself); `fresh` when nothing was there before. */
export function noteWritten(path: string, fresh: boolean): void {
  trail.pending.delete(path);
  if (fresh) trail.files.add(path);
}

/**
 * Removes what the run created, newest first: temporary files of outputs being written, new outputs, then
 * the folders it made when they are empty again. Synchronous, as a signal handler needs; never throws.
 * Returns how many entries it removed.
 */
export function undoRun(run: RunTrail = trail): number {
  let removed = 0;
  const remove = (act: () => void): void => {
    try {
      act();
      removed++;
    } catch {
      // already gone, or not ours to remove (a folder someone else put a file into)
    }
  };
  for (const out of run.pending) {
    const prefix = `.${basename(out)}.`;
    for (const name of safeList(dirname(out)))
      if (name.startsWith(prefix) && name.endsWith('.tmp')) remove(() => rmSync(join(dirname(out), name)));
  }
  for (const file of run.files) remove(() => rmSync(file));
  for (const folder of [...run.folders].reverse()) remove(() => rmdirSync(folder));
  run.pending.clear();
  run.files.clear();
  run.folders.length = 0;
  return removed;
}

function safeList(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

/**
 * Ctrl+C and SIGTERM during a file command: one Japanese line on stderr, what the run created removed, and
 * the exit code a shell expects of a signal (130 for SIGINT, 143 for SIGTERM). Returns the uninstaller.
 */
export function exitCleanlyOnSignal(command: string): () => void {
  const onSignal = (signal: NodeJS.Signals): void => {
    const removed = undoRun();
    const how = signal === 'SIGINT' ? 'Ctrl+C で' : `${signal} を受けて`;
    const undone = removed > 0 ? '途中まで作ったファイルとフォルダは削除しました。' : '';
    process.stderr.write(`\nmokuhyo ${command}: ${how}中断しました。${undone}\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
