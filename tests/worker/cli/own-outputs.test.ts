import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOwnOutput } from '../../../worker/cli/own-outputs.ts';

// The command line never overwrites a file it did not write: an output path that is an input, or an
// existing file that is not this command's own earlier output, is refused with exit 2 and left as it was.

const ROOT = resolve(import.meta.dirname, '../../..');
const SEEDS = join(ROOT, 'seeds/org-goals');

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

async function digest(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}

/** Every entry under a folder, relative to it, sorted (temporary files included). */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.map(String).sort();
}

function expectRefusal(run: Run, ...fragments: string[]): void {
  expect(run.code, run.stderr).toBe(2);
  for (const fragment of fragments) expect(run.stderr).toContain(fragment);
  expect(run.stdout).not.toContain('書き出しました');
  expect(run.stderr).not.toMatch(/\n\s+at |内部エラー/);
}

/** The workbook re-saved by another program (exceljs here): what a person who opened and saved it leaves. */
async function resaveElsewhere(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  wb.lastModifiedBy = '秋葉区 健康福祉課';
  wb.modified = new Date();
  await wb.xlsx.writeFile(path);
}

let dir: string;
let inbox: string;
const KENKO = 'akiha-2020-kenko-fukushi.xlsx';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mokuhyo-own-'));
  inbox = join(dir, 'inbox');
  await cp(SEEDS, inbox, { recursive: true });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('consolidate never overwrites what it did not write', () => {
  it('refuses -o naming a workbook found in the input folder, and leaves that submission as it was', async () => {
    const before = await digest(join(inbox, KENKO));
    const listing = await tree(inbox);
    const run = await mokuhyo(dir, 'consolidate', 'inbox', '-o', `inbox/${KENKO}`);
    expectRefusal(run, `出力先「inbox/${KENKO}」は入力ファイルの一つです`);
    expect(await digest(join(inbox, KENKO))).toBe(before);
    expect(await tree(inbox)).toEqual(listing);
  });

  it('refuses -o naming an existing file that is not a summary it wrote', async () => {
    await mkdir(join(dir, 'elsewhere'), { recursive: true });
    await copyFile(join(inbox, KENKO), join(dir, 'elsewhere', 'summary.xlsx'));
    await writeFile(join(dir, 'elsewhere', 'notes.xlsx'), 'not even a workbook');
    for (const name of ['summary.xlsx', 'notes.xlsx']) {
      const path = join(dir, 'elsewhere', name);
      const before = await digest(path);
      const run = await mokuhyo(dir, 'consolidate', 'inbox', '-o', `elsewhere/${name}`);
      expectRefusal(
        run,
        `「elsewhere/${name}」には既にファイルがあり、mokuhyo が書き出した集計ブックではないため上書きしません`,
      );
      expect(await digest(path)).toBe(before);
    }
    expect(await tree(join(dir, 'elsewhere'))).toEqual(['notes.xlsx', 'summary.xlsx']);
  });

  it('replaces its own earlier summary, but not one someone saved over since', async () => {
    const first = await mokuhyo(dir, 'consolidate', 'inbox', '-o', 'out/summary.xlsx');
    expect(first.code, first.stderr).toBe(0);
    expect(await isOwnOutput(join(dir, 'out/summary.xlsx'), 'summary')).toBe(true);
    const again = await mokuhyo(dir, 'consolidate', 'inbox', '-o', 'out/summary.xlsx');
    expect(again.code, again.stderr).toBe(0);

    await resaveElsewhere(join(dir, 'out/summary.xlsx'));
    expect(await isOwnOutput(join(dir, 'out/summary.xlsx'), 'summary')).toBe(false);
    const before = await digest(join(dir, 'out/summary.xlsx'));
    const refused = await mokuhyo(dir, 'consolidate', 'inbox', '-o', 'out/summary.xlsx');
    expectRefusal(refused, 'mokuhyo が書き出した集計ブックではないため上書きしません');
    expect(await digest(join(dir, 'out/summary.xlsx'))).toBe(before);
  });

  it('reads a submission named like a summary in the output folder as input, and refuses to write over it', async () => {
    const inbox2 = join(dir, 'inbox2');
    await cp(SEEDS, inbox2, { recursive: true });
    // A division that named its file after the summary: it is a submission, not an earlier run's output.
    await copyFile(join(inbox2, KENKO), join(inbox2, '秋葉区_令和2年度_集計.xlsx'));
    const before = await digest(join(inbox2, '秋葉区_令和2年度_集計.xlsx'));
    const run = await mokuhyo(dir, 'consolidate', 'inbox2', '-o', 'inbox2/');
    expectRefusal(run, '秋葉区_令和2年度_集計.xlsx」は入力ファイルの一つです');
    expect(await digest(join(inbox2, '秋葉区_令和2年度_集計.xlsx'))).toBe(before);
  });

  it('replaces its own --csv and --json, refuses other files there', async () => {
    const first = await mokuhyo(dir, 'consolidate', 'inbox', '-o', 'od/', '--csv', 'od/a.csv', '--json', 'od/a.json');
    expect(first.code, first.stderr).toBe(0);
    const again = await mokuhyo(dir, 'consolidate', 'inbox', '-o', 'od/', '--csv', 'od/a.csv', '--json', 'od/a.json');
    expect(again.code, again.stderr).toBe(0);
    await writeFile(join(dir, 'od/mine.csv'), '氏名,電話\r\n');
    await writeFile(join(dir, 'od/mine.json'), '{"rows": []}');
    const csv = await mokuhyo(dir, 'consolidate', 'inbox', '-o', 'od/', '--csv', 'od/mine.csv');
    expectRefusal(csv, '--csv の出力ファイル「od/mine.csv」には既にファイルがあり');
    const json = await mokuhyo(dir, 'consolidate', 'inbox', '-o', 'od/', '--json', 'od/mine.json');
    expectRefusal(json, '--json の出力ファイル「od/mine.json」には既にファイルがあり');
    expect(await readFile(join(dir, 'od/mine.csv'), 'utf8')).toBe('氏名,電話\r\n');
    expect(await readFile(join(dir, 'od/mine.json'), 'utf8')).toBe('{"rows": []}');
  });
});

describe('template and validate --annotate never overwrite what they did not write', () => {
  it('template: replaces a blank form it wrote, refuses a form someone filled in and saved', async () => {
    const first = await mokuhyo(dir, 'template', 'org-goals', '-o', 'forms/r8.xlsx');
    expect(first.code, first.stderr).toBe(0);
    expect(await isOwnOutput(join(dir, 'forms/r8.xlsx'), 'template')).toBe(true);
    expect((await mokuhyo(dir, 'template', 'org-goals', '-o', 'forms/r8.xlsx')).code).toBe(0);

    await resaveElsewhere(join(dir, 'forms/r8.xlsx'));
    const before = await digest(join(dir, 'forms/r8.xlsx'));
    const refused = await mokuhyo(dir, 'template', 'org-goals', '-o', 'forms/r8.xlsx');
    expectRefusal(refused, '「forms/r8.xlsx」には既にファイルがあり、mokuhyo が書き出したままの空の様式ではない');
    expect(await digest(join(dir, 'forms/r8.xlsx'))).toBe(before);
    // A submission is never taken for a blank form either.
    expect(await isOwnOutput(join(inbox, KENKO), 'template')).toBe(false);
  });

  it('validate --annotate: replaces its own copy, refuses another file and another input', async () => {
    const first = await mokuhyo(dir, 'validate', `inbox/${KENKO}`, '--annotate', 'checked/kenko.xlsx');
    expect(first.code, first.stderr).toBe(0);
    expect(await isOwnOutput(join(dir, 'checked/kenko.xlsx'), 'annotated')).toBe(true);
    expect((await mokuhyo(dir, 'validate', `inbox/${KENKO}`, '--annotate', 'checked/kenko.xlsx')).code).toBe(0);

    await copyFile(join(inbox, KENKO), join(dir, 'checked/other.xlsx'));
    const before = await digest(join(dir, 'checked/other.xlsx'));
    const refused = await mokuhyo(dir, 'validate', `inbox/${KENKO}`, '--annotate', 'checked/other.xlsx');
    expectRefusal(refused, '注釈付きコピーの出力先「checked/other.xlsx」には既にファイルがあり');
    expect(await digest(join(dir, 'checked/other.xlsx'))).toBe(before);
  });
});

describe('isOwnOutput', () => {
  it('recognises nothing in a missing file, a folder, an empty file or a submission', async () => {
    await writeFile(join(dir, 'empty.xlsx'), '');
    for (const kind of ['summary', 'template', 'annotated', 'open-data-csv', 'open-data-json'] as const) {
      expect(await isOwnOutput(join(dir, 'no-such.xlsx'), kind)).toBe(false);
      expect(await isOwnOutput(inbox, kind)).toBe(false);
      expect(await isOwnOutput(join(dir, 'empty.xlsx'), kind)).toBe(false);
      expect(await isOwnOutput(join(inbox, KENKO), kind)).toBe(false);
    }
  });
});
