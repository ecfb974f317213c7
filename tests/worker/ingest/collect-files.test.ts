import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFiles, collectInputs, lockFileError } from '../../../worker/ingest/collect-files.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('collectInputs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mokuhyo-collect-'));
    await mkdir(join(dir, 'inbox', 'sub', 'deeper'), { recursive: true });
    await mkdir(join(dir, 'inbox', '.git'), { recursive: true });
    await mkdir(join(dir, 'empty'), { recursive: true });
    await copyFile(join(ROOT, 'seeds/org-goals/akiha-2020-ward.xlsx'), join(dir, 'inbox', 'ward.xlsx'));
    for (const name of [
      'old.xls',
      'memo.csv',
      '~$ward.xlsx',
      'sub/deeper/report.pdf',
      'sub/b.XLSX',
      '.DS_Store',
      '.git/config',
    ])
      await writeFile(join(dir, 'inbox', name), 'x');
    // A link back to a folder being read (a loop): read once, not forever.
    await symlink(join(dir, 'inbox', 'sub'), join(dir, 'inbox', 'sub', 'deeper', 'loop'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds every file in the folders, recursively, workbooks or not, leaving hidden ones', async () => {
    const found = await collectInputs([
      join(dir, 'inbox'),
      join(dir, 'missing.xlsx'),
      join(dir, 'empty'),
      join(dir, 'inbox', 'ward.xlsx'),
      join(dir, 'inbox', 'sub'),
    ]);
    expect(found.files.map((f) => f.slice(dir.length + 1))).toEqual([
      'inbox/memo.csv',
      'inbox/old.xls',
      'inbox/sub/b.XLSX',
      'inbox/sub/deeper/report.pdf',
      'inbox/ward.xlsx',
      'inbox/~$ward.xlsx',
    ]);
    expect(found.missing).toEqual([join(dir, 'missing.xlsx')]);
    expect(found.emptyFolders).toEqual([join(dir, 'empty')]);
    expect(await collectFiles([join(dir, 'inbox', 'sub'), join(dir, 'missing.xlsx')])).toEqual([
      join(dir, 'inbox/sub/b.XLSX'),
      join(dir, 'inbox/sub/deeper/report.pdf'),
      join(dir, 'missing.xlsx'),
    ]);
  });

  it('names an Excel lock file as such', () => {
    expect(lockFileError(join(dir, '~$ward.xlsx'))?.message).toMatch(/^Excel の一時ファイル/);
    expect(lockFileError(join(dir, 'ward.xlsx'))).toBeNull();
  });

  it('makes extract report a .xls, a .csv or a lock file in a folder as unreadable, exit 2', async () => {
    const result = await new Promise<{ code: number; stdout: string }>((done) =>
      execFile(
        process.execPath,
        [join(ROOT, 'bin/mokuhyo.js'), 'extract', '--json', join(dir, 'inbox')],
        { cwd: ROOT },
        (err, stdout) => done({ code: err ? Number((err as { code?: number }).code) : 0, stdout }),
      ),
    );
    expect(result.code).toBe(2);
    const doc = JSON.parse(result.stdout) as { files: { file: string; error: { code: string } | null }[] };
    const unreadable = doc.files.filter((f) => f.error).map((f) => [f.file.slice(dir.length + 1), f.error?.code]);
    expect(unreadable).toEqual([
      ['inbox/memo.csv', 'not-zip'],
      ['inbox/old.xls', 'not-zip'],
      ['inbox/sub/b.XLSX', 'not-zip'],
      ['inbox/sub/deeper/report.pdf', 'not-zip'],
      ['inbox/~$ward.xlsx', 'lock-file'],
    ]);
  });

  it('makes validate name the lock file as an Excel temporary file, exit 2', async () => {
    const result = await new Promise<{ code: number; stdout: string }>((done) =>
      execFile(
        process.execPath,
        [join(ROOT, 'bin/mokuhyo.js'), 'validate', join(dir, 'inbox', '~$ward.xlsx')],
        { cwd: ROOT },
        (err, stdout) => done({ code: err ? Number((err as { code?: number }).code) : 0, stdout }),
      ),
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('Excel の一時ファイル');
  });
});
