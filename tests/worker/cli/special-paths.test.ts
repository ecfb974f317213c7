import { execFile, execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Paths that are not plain files or plain folders: a place that refuses new files, a symbolic link loop,
// a link to nowhere, a named pipe. Each is answered in Japanese with what it is — never a fault, a hang, a
// misleading "folder missing" or a silent skip.

const ROOT = resolve(import.meta.dirname, '../../..');
const SEED = join(ROOT, 'seeds/org-goals/akiha-2020-kenko-fukushi.xlsx');
const linux = process.platform === 'linux';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function mokuhyo(cwd: string, ...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(ROOT, 'bin/mokuhyo.js'), ...args],
      { cwd, env: { ...process.env, MOKUHYO_CONFIG: '' }, timeout: 60_000 },
      (error, stdout, stderr) =>
        done({ code: typeof error?.code === 'number' ? error.code : error ? -1 : 0, stdout, stderr }),
    );
  });
}

function expectNoFault(run: Run): void {
  expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+|内部エラー|予期しない|internal/);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mokuhyo-special-'));
  await copyFile(SEED, join(dir, 'kenko.xlsx'));
  await symlink('loop-b', join(dir, 'loop-a'));
  await symlink('loop-a', join(dir, 'loop-b'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.runIf(linux)('an output where the system refuses new files (/proc)', () => {
  it.each([
    ['consolidate', 'kenko.xlsx', '-o', '/proc/mokuhyo-test.xlsx'],
    ['template', 'org-goals', '-o', '/proc/mokuhyo-test.xlsx'],
    ['template', 'org-goals', '-o', '/proc/mokuhyo-test/x.xlsx'],
    ['validate', 'kenko.xlsx', '--annotate', '/proc/mokuhyo-test/'],
    ['validate', 'kenko.xlsx', '--annotate', '/proc/mokuhyo-test.xlsx'],
    ['consolidate', 'kenko.xlsx', '-o', 'summary/s.xlsx', '--csv', '/proc/mokuhyo-test.csv'],
  ])('%s … %s %s %s says why it cannot write there, not that a folder is missing', async (...args) => {
    const run = await mokuhyo(dir, ...args);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('システムが管理する場所（/proc など）で、新しいファイルやフォルダを作れません');
    expect(run.stderr).not.toContain('フォルダがありません');
    expectNoFault(run);
  });

  it('leaves an earlier summary as it was when one of the outputs cannot be written (exit 2 writes nothing)', async () => {
    const first = await mokuhyo(dir, 'consolidate', 'kenko.xlsx', '-o', 'kept/s.xlsx');
    expect(first.code, first.stderr).toBe(0);
    const before = await readFile(join(dir, 'kept/s.xlsx'));
    await new Promise((r) => setTimeout(r, 1100)); // a later 作成 time would change the bytes
    const again = await mokuhyo(dir, 'consolidate', 'kenko.xlsx', '-o', 'kept/s.xlsx', '--csv', '/proc/mokuhyo.csv');
    expect(again.code, again.stderr).toBe(2);
    expect((await readFile(join(dir, 'kept/s.xlsx'))).equals(before)).toBe(true);
  });
});

describe('a symbolic link loop', () => {
  const SAID = '「loop-a」はシンボリックリンクが循環しているため読めません';

  it('is answered the same way by validate, extract and consolidate: exit 2 naming the loop', async () => {
    for (const args of [['validate'], ['extract'], ['consolidate', '-o', 'out/']]) {
      const run = await mokuhyo(dir, ...args, 'loop-a');
      expect(run.code, `${args[0]}: ${run.stderr}`).toBe(2);
      expect(run.stderr, args[0]).toContain(SAID);
      expectNoFault(run);
    }
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('is its own reason in the JSON of validate and extract', async () => {
    for (const command of ['validate', 'extract']) {
      const run = await mokuhyo(dir, command, '--json', 'loop-a');
      const doc = JSON.parse(run.stdout) as { files: { error: { code: string; message: string } | null }[] };
      expect(doc.files[0]?.error?.code, command).toBe('symlink-loop');
      expect(doc.files[0]?.error?.message).toContain('シンボリックリンクが循環');
    }
  });

  it('inside a folder is listed as 読込不可 with that reason, beside the workbooks read', async () => {
    const inbox = join(dir, 'loop-inbox');
    await mkdir(inbox);
    await copyFile(SEED, join(inbox, 'kenko.xlsx'));
    await symlink('self.xlsx', join(inbox, 'self.xlsx'));
    const run = await mokuhyo(dir, 'consolidate', 'loop-inbox', '-o', 'loop-out/');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/✗ loop-inbox\/self\.xlsx: シンボリックリンクが循環しているため読めません/);
    expectNoFault(run);
  });
});

describe.runIf(linux)('a named pipe (FIFO) and a link to nowhere in a folder', () => {
  let inbox: string;
  beforeAll(async () => {
    inbox = join(dir, 'fifo-inbox');
    await mkdir(inbox);
    await copyFile(SEED, join(inbox, 'kenko.xlsx'));
    execFileSync('mkfifo', [join(inbox, 'pipe.xlsx')]);
    await symlink('gone.xlsx', join(inbox, 'dangling.xlsx'));
  });

  it('validate and extract list each with what it is, never open the pipe, exit 2', async () => {
    for (const command of ['validate', 'extract']) {
      const run = await mokuhyo(dir, command, '--json', 'fifo-inbox');
      expect(run.code, run.stderr).toBe(2);
      const doc = JSON.parse(run.stdout) as { files: { file: string; error: { code: string } | null }[] };
      expect(doc.files.map((f) => [f.file, f.error?.code ?? null])).toEqual([
        ['fifo-inbox/dangling.xlsx', 'not-found'],
        ['fifo-inbox/kenko.xlsx', null],
        ['fifo-inbox/pipe.xlsx', 'not-a-file'],
      ]);
    }
  });

  it('consolidate lists both as 読込不可 with their reason and summarises the rest', async () => {
    const run = await mokuhyo(dir, 'consolidate', 'fifo-inbox', '-o', 'fifo-out/summary.xlsx');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('✗ fifo-inbox/pipe.xlsx: 名前付きパイプ（FIFO）で、読み込めるファイルではありません');
    expect(run.stdout).toContain('✗ fifo-inbox/dangling.xlsx: シンボリックリンクの指す先が見つかりません');
    expect(run.stdout).toContain('読込不可 2');
    expect(await readdir(join(dir, 'fifo-out'))).toEqual(['summary.xlsx']);
  });
});
