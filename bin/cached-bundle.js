// Cached esbuild bundles of the TypeScript sources, so processes and threads start without a TypeScript
// loader. Plain JavaScript: bin/mokuhyo.js uses it before anything can load TypeScript.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Inside node_modules so a bundle's own imports (packages are left external) resolve as the sources' do.
const CACHE = join(ROOT, 'node_modules/.cache/mokuhyo');
// Builds superseded longer ago than this are removed; a running process may still load chunks from one.
const KEEP_OLD_MS = 60 * 60 * 1000;

/**
 * The file URL of `entry` (an absolute .ts path) bundled into JavaScript under node_modules/.cache/mokuhyo,
 * rebuilt when any bundled source file changed (size or mtime), or null when esbuild is unavailable.
 * With `splitting`, dynamic imports stay lazy chunks.
 * @param {{ entry: string, name: string, splitting?: boolean }} options
 * @returns {Promise<string | null>}
 */
export async function cachedBundle({ entry, name, splitting = false }) {
  const key = createHash('sha256').update(entry).update(process.version).digest('hex').slice(0, 12);
  const pointer = join(CACHE, `${name}-${key}.json`);
  const current = readPointer(pointer);
  if (current && fresh(current.inputs)) return pathToFileURL(join(CACHE, current.dir, `${name}.mjs`)).href;
  let esbuild;
  try {
    esbuild = createRequire(import.meta.url)('esbuild');
  } catch {
    return null;
  }
  const dir = `${name}-${key}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const started = performance.timeOrigin + performance.now();
  const result = await esbuild.build({
    entryPoints: { [name]: entry },
    absWorkingDir: ROOT,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    splitting,
    outdir: join(CACHE, dir),
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    logLevel: 'silent',
    plugins: [sourceLocations],
  });
  /** @type {Record<string, [number, number]>} */
  const inputs = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const path = resolve(ROOT, input);
    const s = statSync(path);
    // A source written while esbuild read it may be bundled half-old: never trust that one as fresh.
    inputs[path] = [s.mtimeMs >= started ? -1 : s.mtimeMs, s.size];
  }
  const tmp = `${pointer}.${dir}.tmp`;
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(tmp, JSON.stringify({ dir, inputs }));
  renameSync(tmp, pointer);
  removeOld(`${name}-${key}-`, [dir, current?.dir]);
  return pathToFileURL(join(CACHE, dir, `${name}.mjs`)).href;
}

/** @returns {{ dir: string, inputs: Record<string, [number, number]> } | null} */
function readPointer(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** One stat per bundled source: about a millisecond for the whole CLI. */
function fresh(inputs) {
  const entries = Object.entries(inputs);
  if (entries.length === 0) return false;
  try {
    return entries.every(([path, [mtime, size]]) => {
      const s = statSync(path);
      return s.mtimeMs === mtime && s.size === size;
    });
  } catch {
    return false;
  }
}

function removeOld(prefix, keep) {
  try {
    for (const entry of readdirSync(CACHE)) {
      if (!entry.startsWith(prefix) || entry.endsWith('.tmp') || keep.includes(entry)) continue;
      const path = join(CACHE, entry);
      if (process.env.MOKUHYO_BUNDLE_KEEP !== '0' && statSync(path).mtimeMs > new Date().getTime() - KEEP_OLD_MS)
        continue;
      rmSync(path, { recursive: true, force: true });
    }
  } catch {
    // Another process cleaned up first; nothing to do.
  }
}

/**
 * Bundled modules keep their own location: `import.meta.url` (and dirname/filename) in a project source
 * still names that source, so `new URL('./x.ts', import.meta.url)` finds the same file as under tsx.
 */
const sourceLocations = {
  name: 'source-locations',
  /** @param {import('esbuild').PluginBuild} build */
  setup(build) {
    // Plain .js sources too: bin/cached-bundle.js finds the cache from its own location.
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
      if (args.path.includes(`${join('/', 'node_modules', '/')}`)) return undefined;
      const text = await readFile(args.path, 'utf8');
      const loader = /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js';
      if (!text.includes('import.meta')) return { contents: text, loader };
      const contents = text
        .replace(/\bimport\.meta\.url\b/g, JSON.stringify(pathToFileURL(args.path).href))
        .replace(/\bimport\.meta\.dirname\b/g, JSON.stringify(dirname(args.path)))
        .replace(/\bimport\.meta\.filename\b/g, JSON.stringify(args.path));
      return { contents, loader };
    });
  },
};
