import { randomBytes } from 'node:crypto';
import { link, lstat, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Writes a file so it is either absent or complete: a temporary sibling is written and fsynced, renamed
 * over the target, then the directory is fsynced so the rename survives a power cut.
 */
export async function durableWrite(path: string, data: Buffer | string): Promise<void> {
  const dir = dirname(path);
  const tmp = tempSibling(path);
  try {
    await writeSynced(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  await syncDir(dir);
}

/**
 * Like durableWrite, but only when `path` does not exist yet: the complete file is linked into place
 * (atomic, exclusive), so of several concurrent writers exactly one wins. Resolves true for the winner.
 */
export async function durableCreate(path: string, data: Buffer | string): Promise<boolean> {
  const dir = dirname(path);
  const tmp = tempSibling(path);
  let created = true;
  try {
    await writeSynced(tmp, data);
    await link(tmp, path).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
      created = false;
    });
  } finally {
    await rm(tmp, { force: true });
  }
  await syncDir(dir);
  return created;
}

function tempSibling(path: string): string {
  return `${path}.${randomBytes(6).toString('hex')}.tmp`;
}

/** Stored files hold divisions' unpublished figures: readable by the service's user only. */
export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;

/**
 * Writes a new file (never an existing one, mode 0600) and fsyncs it before returning. Its folder is
 * created (0700) only when missing, not asked for on every write.
 */
async function writeSynced(path: string, data: Buffer | string): Promise<void> {
  const handle = await open(path, 'wx', FILE_MODE).catch(async (err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
    await mkdir(dirname(path), { recursive: true, mode: DIR_MODE });
    return open(path, 'wx', FILE_MODE);
  });
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** fsyncs a directory so entries created or renamed in it are durable. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A temporary sibling as tempSibling names it. */
const TEMP_NAME = /\.[0-9a-f]{12}\.tmp$/;

/**
 * Removes temporary siblings a killed process left under `root` (a write cut off by kill -9 or a power cut
 * never renamed its temporary file). Only those older than `olderThanMs`: another process sharing the folder
 * may be writing one right now. Answers how many were removed; a folder that cannot be read is skipped.
 */
export async function sweepStaleTemps(root: string, olderThanMs = 15 * 60_000, now = Date.now()): Promise<number> {
  let removed = 0;
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile() || !TEMP_NAME.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const info = await lstat(path).catch(() => null);
    if (!info || now - info.mtimeMs < olderThanMs) continue;
    await rm(path, { force: true }).then(
      () => removed++,
      () => undefined,
    );
  }
  return removed;
}
