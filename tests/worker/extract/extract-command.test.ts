import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

async function mokuhyo(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('node', ['bin/mokuhyo.js', ...args], { maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('mokuhyo extract', () => {
  it('prints the contract JSON for a seed workbook', async () => {
    const { code, stdout } = await mokuhyo('extract', '--json', 'seeds/org-goals/akiha-2020-kenko-fukushi.xlsx');
    expect(code).toBe(0);
    const doc = JSON.parse(stdout) as {
      files: {
        file: string;
        error: unknown;
        sheets: { measures: { name: string; cell: string; values: unknown[] }[] }[];
      }[];
    };
    expect(Object.keys(doc.files[0]!)).toEqual(['file', 'error', 'sheets']);
    const sheet = doc.files[0]!.sheets[0]!;
    expect(Object.keys(sheet).slice(0, 6)).toEqual([
      'sheet',
      'family',
      'organization',
      'fiscalYear',
      'measures',
      'findings',
    ]);
    const measure = sheet.measures.find((m) => m.name === 'つながる支援ファイル利用者数（人）')!;
    expect(Object.keys(measure).slice(0, 6)).toEqual(['group', 'name', 'detail', 'unit', 'cell', 'values']);
    expect(measure.values[2]).toMatchObject({
      year: 2019,
      kind: 'actual',
      raw: '87',
      value: 87,
      comparator: null,
      blank: false,
      cell: 'G12',
    });
    expect(Object.keys(measure.values[2] as object).slice(0, 7)).toEqual([
      'year',
      'kind',
      'raw',
      'value',
      'comparator',
      'blank',
      'cell',
    ]);
  });

  it('reads folders and prints a readable Japanese table', async () => {
    const { code, stdout } = await mokuhyo('extract', 'seeds/org-goals');
    expect(code).toBe(0);
    expect(stdout).toContain('シート「健康福祉課」');
    expect(stdout).toContain('つながる支援ファイル利用者数（人）');
    expect(stdout).toMatch(/組織: 秋葉区 +年度: 2020/);
  });

  it('names a missing file and exits 2 without a stack trace', async () => {
    const { code, stdout, stderr } = await mokuhyo('extract', '--json', 'no/such.xlsx');
    expect(code).toBe(2);
    expect(JSON.parse(stdout).files[0]).toEqual({
      file: 'no/such.xlsx',
      error: { code: 'not-found', message: expect.stringContaining('no/such.xlsx') },
      sheets: [],
    });
    expect(stderr).not.toMatch(/\bat \w+.*\.ts:\d+/);
  });

  it('refuses to run without files', async () => {
    const { code, stderr } = await mokuhyo('extract');
    expect(code).toBe(2);
    expect(stderr).toContain('使い方');
  });
});
