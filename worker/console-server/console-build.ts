// The web console's static files: a Vite build of console/ cached under node_modules/.cache/mokuhyo,
// rebuilt when a source it was built from changed (a content hash of every bundled project file).
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CACHE = join(ROOT, 'node_modules/.cache/mokuhyo');
const POINTER = join(CACHE, 'console.json');
/** Superseded builds are removed after this long; a browser may still be loading from one. */
const KEEP_OLD_MS = 60 * 60 * 1000;

interface Pointer {
  dir: string;
  inputs: string[];
  hash: string;
}

/** The sha256 of the given project files (path and content), or null when one is missing. */
async function hashInputs(inputs: readonly string[]): Promise<string | null> {
  const hash = createHash('sha256');
  for (const path of [...inputs].sort()) {
    const content = await readFile(join(ROOT, path)).catch(() => null);
    if (!content) return null;
    hash.update(path).update('\0').update(String(content.length)).update('\0').update(content);
  }
  return hash.digest('hex');
}

async function readPointer(): Promise<Pointer | null> {
  try {
    return JSON.parse(await readFile(POINTER, 'utf8')) as Pointer;
  } catch {
    return null;
  }
}

/** The folder of the current build when it is up to date with the sources, else null. */
export async function freshConsoleBuild(): Promise<string | null> {
  const pointer = await readPointer();
  if (!pointer || pointer.inputs.length === 0) return null;
  const dir = join(CACHE, pointer.dir);
  if (!existsSync(join(dir, 'index.html'))) return null;
  return (await hashInputs(pointer.inputs)) === pointer.hash ? dir : null;
}

/** Runs `vite build` for console/ in a child process (so a serving process keeps answering) into `outDir`. */
function viteBuild(outDir: string): Promise<void> {
  const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [vite, 'build', '--config', 'console/vite.config.ts', '--logLevel', 'error'],
      {
        cwd: ROOT,
        env: { ...process.env, MOKUHYO_CONSOLE_OUT: outDir },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`console build failed (${code}): ${stderr.trim()}`)),
    );
  });
}

/**
 * Builds the console into a new cache folder and points the cache at it. The list of bundled project
 * files comes from the build itself (console/vite.config.ts writes inputs.json), so editing any of them
 * (console/, ui/, the shared/ modules it uses) or package-lock.json triggers the next rebuild.
 */
export async function buildConsole(): Promise<string> {
  await mkdir(CACHE, { recursive: true });
  const name = `console-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  const tmp = join(CACHE, `${name}.tmp`);
  const started = Date.now();
  try {
    await viteBuild(tmp);
    const listed = JSON.parse(await readFile(join(tmp, 'inputs.json'), 'utf8')) as string[];
    await rm(join(tmp, 'inputs.json'), { force: true });
    const inputs = [
      ...new Set([...listed.map((p) => relative(ROOT, p)), 'package-lock.json', 'console/vite.config.ts']),
    ].filter((p) => !p.startsWith('..') && existsSync(join(ROOT, p)));
    // A source saved while Vite read it may be bundled half-old: such a build is used but never trusted as fresh.
    const touched = await Promise.all(
      inputs.map((p) =>
        stat(join(ROOT, p)).then(
          (s) => s.mtimeMs >= started,
          () => true,
        ),
      ),
    );
    const hash = touched.some(Boolean) ? 'stale' : ((await hashInputs(inputs)) ?? 'stale');
    await rename(tmp, join(CACHE, name));
    const pointer: Pointer = { dir: name, inputs, hash };
    const pointerTmp = `${POINTER}.${name}.tmp`;
    await writeFile(pointerTmp, JSON.stringify(pointer));
    await rename(pointerTmp, POINTER);
    await removeOld(name);
    return join(CACHE, name);
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

async function removeOld(keep: string): Promise<void> {
  const entries = await readdir(CACHE).catch(() => [] as string[]);
  for (const entry of entries) {
    if (!entry.startsWith('console-') || entry === keep) continue;
    const path = join(CACHE, entry);
    const old = await stat(path).then(
      (s) => s.mtimeMs < Date.now() - KEEP_OLD_MS,
      () => false,
    );
    if (old) await rm(path, { recursive: true, force: true });
  }
}

/**
 * Where the console's files are: MOKUHYO_CONSOLE_DIR when set (a build made elsewhere), else the cached
 * build, built first when missing or stale. One build at a time per process.
 */
export class ConsoleAssets {
  private pending: Promise<string> | null = null;
  private ready: string | null = null;
  private failure: Error | null = null;

  constructor(private readonly override = process.env['MOKUHYO_CONSOLE_DIR']) {}

  /** Starts finding or building the files; resolves with their folder. */
  prepare(): Promise<string> {
    if (this.override) return Promise.resolve(this.override);
    this.pending ??= (async () => (await freshConsoleBuild()) ?? (await buildConsole()))().then(
      (dir) => {
        this.ready = dir;
        return dir;
      },
      (err: Error) => {
        this.failure = err;
        this.pending = null;
        throw err;
      },
    );
    return this.pending;
  }

  /** The folder when ready within `waitMs`, else null (still building, or the build failed: see `error`). */
  async folder(waitMs: number): Promise<string | null> {
    if (this.override) return this.override;
    if (this.ready) return this.ready;
    const building = this.prepare().catch(() => null);
    return Promise.race([building, new Promise<null>((r) => setTimeout(() => r(null), waitMs).unref())]);
  }

  get error(): Error | null {
    return this.failure;
  }
}

let shared: ConsoleAssets | null = null;

/** The process's one ConsoleAssets, so `serve` can start the build at start-up that the first page then waits on. */
export function consoleAssets(): ConsoleAssets {
  shared ??= new ConsoleAssets();
  return shared;
}
