import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { undoRun, type RunTrail } from '../../../worker/cli/interrupt.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const SEEDS = join(ROOT, 'seeds/org-goals');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mokuhyo-interrupt-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('Ctrl+C during a run', () => {
  it('prints a Japanese line, exits 130 and removes the folder it created', async () => {
    // Enough files that reading them takes a while after the output folder is made.
    const inbox = join(dir, 'inbox');
    await mkdir(inbox);
    const seeds = (await readdir(SEEDS)).filter((f) => f.endsWith('.xlsx'));
    for (let i = 0; i < 150; i++)
      for (const seed of seeds) await copyFile(join(SEEDS, seed), join(inbox, `${i}-${seed}`));

    const child = spawn(process.execPath, [join(ROOT, 'bin/mokuhyo.js'), 'consolidate', 'inbox', '-o', 'new/sub/'], {
      cwd: dir,
      env: { ...process.env, MOKUHYO_CONFIG: '' },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    for (let i = 0; i < 1500 && !existsSync(join(dir, 'new/sub')); i++) await new Promise((r) => setTimeout(r, 10));
    expect(existsSync(join(dir, 'new/sub')), 'the run made its output folder').toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain(
      'mokuhyo consolidate: Ctrl+C で中断しました。途中まで作ったファイルとフォルダは削除しました。',
    );
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'new'))).toBe(false);
    expect((await readdir(dir)).sort()).toEqual(['inbox']);
  }, 60_000);
});

describe('undoRun', () => {
  it('removes temporary files of outputs being written, new outputs and the folders it made, newest first', async () => {
    const top = join(dir, 'made');
    const inner = join(top, 'inner');
    await mkdir(inner, { recursive: true });
    const summary = join(inner, 'summary.xlsx');
    await writeFile(summary, 'written by this run');
    const pending = join(inner, 'next.xlsx');
    await writeFile(join(inner, `.${basename(pending)}.1a2b3c4d.tmp`), 'half');
    await writeFile(join(inner, '.other.xlsx.1a2b3c4d.tmp'), 'not ours');
    const trail: RunTrail = { folders: [top, inner], files: new Set([summary]), pending: new Set([pending]) };
    undoRun(trail);
    // The stray temporary file of another name is not this run's: the folders it sits in stay.
    expect(await readdir(inner)).toEqual(['.other.xlsx.1a2b3c4d.tmp']);
    await rm(join(inner, '.other.xlsx.1a2b3c4d.tmp'));
    expect(undoRun({ folders: [top, inner], files: new Set(), pending: new Set() })).toBe(2);
    expect(existsSync(top)).toBe(false);
  });

  it('leaves a folder it made when someone else put a file into it', async () => {
    const top = join(dir, 'shared');
    await mkdir(top);
    await writeFile(join(top, 'theirs.txt'), 'x');
    undoRun({ folders: [top], files: new Set(), pending: new Set() });
    expect(await readdir(top)).toEqual(['theirs.txt']);
  });
});
