import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ENTRY = fileURLToPath(new URL('./ingest-thread.ts', import.meta.url));
const ROOT = resolve(dirname(ENTRY), '../..');
// Inside node_modules so the bundle's own imports (zod, yauzl, exceljs) resolve as the sources' do.
const CACHE = join(ROOT, 'node_modules/.cache/mokuhyo');

interface Manifest {
  inputs: Record<string, number>;
}

/**
 * The ingest thread's entry as one plain JavaScript module (the project's TypeScript bundled by esbuild,
 * packages left external), rebuilt when a source file changes. A thread then starts without a TypeScript
 * loader, which otherwise costs each thread most of a second. null when esbuild is unavailable.
 */
export async function threadBundle(): Promise<string | null> {
  const key = createHash('sha256').update(ENTRY).update(process.version).digest('hex').slice(0, 12);
  const out = join(CACHE, `ingest-thread-${key}.mjs`);
  const manifestPath = `${out}.json`;
  if (existsSync(out) && (await fresh(manifestPath))) return pathToFileURL(out).href;
  let esbuild: typeof import('esbuild');
  try {
    esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  } catch {
    return null;
  }
  await mkdir(CACHE, { recursive: true });
  const tmp = `${out}.${process.pid}.${Date.now()}.tmp`;
  const result = await esbuild.build({ entryPoints: [ENTRY], bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', outfile: tmp, metafile: true, logLevel: 'silent' });
  const inputs: Record<string, number> = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const path = resolve(process.cwd(), input);
    inputs[path] = (await stat(path)).mtimeMs;
  }
  await writeFile(`${tmp}.json`, JSON.stringify({ inputs } satisfies Manifest));
  await rename(tmp, out);
  await rename(`${tmp}.json`, manifestPath);
  return pathToFileURL(out).href;
}

async function fresh(manifestPath: string): Promise<boolean> {
  try {
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest;
    const checks = await Promise.all(Object.entries(manifest.inputs).map(async ([path, mtime]) => (await stat(path)).mtimeMs === mtime));
    return checks.length > 0 && checks.every(Boolean);
  } catch {
    return false;
  }
}
