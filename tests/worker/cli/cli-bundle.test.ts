import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedBundle } from '../../../bin/cached-bundle.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const CACHE = join(ROOT, 'node_modules/.cache/mokuhyo');

describe('cachedBundle', () => {
  let dir: string;
  const name = `test-${process.pid}`;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mokuhyo-bundle-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    for (const entry of await readdir(CACHE))
      if (entry.startsWith(`${name}-`)) await rm(join(CACHE, entry), { recursive: true, force: true });
  });

  it('reuses the bundle until a bundled source changes, then rebuilds it', async () => {
    const entry = join(dir, 'entry.ts');
    await writeFile(entry, `import { value } from './dep.ts';\nexport const answer: number = value;\n`);
    await writeFile(join(dir, 'dep.ts'), 'export const value = 1;\n');
    const first = await cachedBundle({ entry, name });
    expect(first).not.toBeNull();
    expect(await cachedBundle({ entry, name })).toBe(first);
    expect(((await import(first!)) as { answer: number }).answer).toBe(1);
    await writeFile(join(dir, 'dep.ts'), 'export const value = 2;\n');
    // Same size, new time: still a change.
    await utimes(join(dir, 'dep.ts'), new Date(), new Date(Date.now() + 5000));
    const second = await cachedBundle({ entry, name });
    expect(second).not.toBe(first);
    expect(((await import(second!)) as { answer: number }).answer).toBe(2);
  });

  it('keeps import.meta.url naming the source file, not the bundle', async () => {
    const entry = join(dir, 'where.ts');
    await writeFile(
      entry,
      "export const here: string = import.meta.url;\nexport const sibling: string = new URL('./dep.ts', import.meta.url).href;\n",
    );
    const url = await cachedBundle({ entry, name });
    const mod = (await import(url!)) as { here: string; sibling: string };
    expect(mod.here).toBe(pathToFileURL(entry).href);
    expect(mod.sibling).toBe(pathToFileURL(join(dir, 'dep.ts')).href);
  });
});

function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(ROOT, 'bin/mokuhyo.js'), ...args],
      { cwd: ROOT, env: { ...process.env, MOKUHYO_CONFIG: '', ...env } },
      (err, stdout) => {
        done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout });
      },
    );
  });
}

describe('bin/mokuhyo.js', () => {
  it('prints the same from its bundle as through the TypeScript loader', async () => {
    const args = [
      'validate',
      join(ROOT, 'seeds/org-goals/akiha-2020-ward.xlsx'),
      join(ROOT, 'seeds/org-goals/akiha-2020-kenko-fukushi.xlsx'),
    ];
    const [bundled, loaded] = await Promise.all([cli(args, {}), cli(args, { MOKUHYO_NO_BUNDLE: '1' })]);
    expect(bundled.stdout).toContain('akiha-2020-ward.xlsx');
    expect(bundled).toEqual(loaded);
  });
});
