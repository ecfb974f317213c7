import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGrid } from '../../../shared/rules/index.ts';
import { readWorkbookFile } from '../../../worker/xlsx/index.ts';
import { entry, MINIMAL_XLSX_PARTS, zerosEntry, zip } from '../../helpers/zip-writer.ts';

const SEEDS = 'seeds/org-goals';
const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function validate(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(
      'node',
      ['bin/mokuhyo.js', 'validate', ...args],
      { env: { ...process.env, ...env }, maxBuffer: 32 * 1024 * 1024, timeout: 60_000 },
      (error, stdout, stderr) =>
        done({ code: typeof error?.code === 'number' ? error.code : error ? -1 : 0, stdout, stderr }),
    );
  });
}

function expectNoStack(run: Run): void {
  expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+|Error: /);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mokuhyo-validate-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('mokuhyo validate', () => {
  it('exits 0 on the seeds and lists the one fair warning in Japanese', async () => {
    const run = await validate([SEEDS]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('[警告] D15');
    // The address has its own column: the sentence after it does not repeat it.
    expect(run.stdout).toMatch(/\[警告\] D15 +指標名「地区懇談会開催回数〔回\)」/);
    expect(run.stdout).not.toMatch(/\[警告\] D15 +D15/);
    expect(run.stdout).toContain('地区懇談会開催回数〔回)');
    expect(run.stdout).toMatch(/合計: 4 ファイル\u3000エラー 0 件\u3000警告 1 件/);
  });

  it('prints the extract JSON shape with findings filled', async () => {
    const run = await validate(['--json', SEEDS]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as {
      files: {
        file: string;
        error: unknown;
        sheets: { sheet: string; family: string; measures: unknown[]; findings: Record<string, unknown>[] }[];
      }[];
    };
    expect(doc.files).toHaveLength(4);
    const findings = doc.files.flatMap((f) =>
      f.sheets.flatMap((s) =>
        s.findings.map((x) => ({ sheet: s.sheet, severity: x['severity'], code: x['code'], cell: x['cell'] })),
      ),
    );
    expect(findings).toMatchInlineSnapshot(`
      [
        {
          "cell": "D15",
          "code": "common/bracket-mismatch",
          "severity": "warning",
          "sheet": "地域総務課",
        },
      ]
    `);
    expect(doc.files.every((f) => f.error === null && f.sheets.every((s) => s.family === 'org-goals'))).toBe(true);
  });

  it('exits 1 when a sheet has an error finding', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(SEEDS, 'akiha-2020-kenko-fukushi.xlsx'));
    const { grids } = await readWorkbookFile(join(SEEDS, 'akiha-2020-kenko-fukushi.xlsx'));
    const target = checkGrid(grids[0]!).record.measures[0]!.values.find((v) => v.kind === 'target')!;
    wb.worksheets[0]!.getCell(target.cell).value = null;
    const file = join(dir, 'target-missing.xlsx');
    await wb.xlsx.writeFile(file);
    const run = await validate(['--json', file]);
    expect(run.code).toBe(1);
    const codes = (
      JSON.parse(run.stdout) as { files: { sheets: { findings: { code: string }[] }[] }[] }
    ).files[0]!.sheets[0]!.findings.map((f) => f.code);
    expect(codes).toEqual(['org-goals/target-missing']);
  });

  it('exits 2 with valid JSON, one reason per file and no stack trace for unreadable files', async () => {
    const files: Record<string, Buffer> = {
      'empty.xlsx': Buffer.alloc(0),
      'csv.xlsx': Buffer.from('課名,目標\n健康福祉課,100\n'),
      'truncated.xlsx': (await import('node:fs/promises'))
        .readFile(join(SEEDS, 'akiha-2020-ward.xlsx'))
        .then((b) => b.subarray(0, 4000)) as unknown as Buffer,
      'word.xlsx': zip([
        { name: '[Content_Types].xml', content: '<?xml version="1.0"?><Types/>' },
        { name: 'word/document.xml', content: '<w:document/>' },
      ]),
      'encrypted.xlsx': Buffer.concat([
        CFB_MAGIC,
        Buffer.alloc(1024),
        Buffer.from('EncryptedPackage', 'utf16le'),
        Buffer.alloc(512),
      ]),
      'dtd.xlsx': zip([
        ...MINIMAL_XLSX_PARTS,
        entry('xl/worksheets/sheet1.xml', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><worksheet/>'),
      ]),
      'bomb.xlsx': zip([...MINIMAL_XLSX_PARTS, await zerosEntry('xl/worksheets/sheet1.xml', 300 * 1024 * 1024)]),
    };
    const hostile = join(dir, 'hostile');
    await (await import('node:fs/promises')).mkdir(hostile);
    for (const [name, bytes] of Object.entries(files)) await writeFile(join(hostile, name), await bytes);
    const run = await validate(['--json', hostile, join(dir, 'missing.xlsx')]);
    expect(run.code).toBe(2);
    expectNoStack(run);
    const doc = JSON.parse(run.stdout) as {
      files: { file: string; error: { code: string; message: string } | null }[];
    };
    expect(doc.files.map((f) => [f.file.replace(dir, ''), f.error?.code])).toEqual([
      ['/hostile/bomb.xlsx', 'zip-bomb'],
      ['/hostile/csv.xlsx', 'not-zip'],
      ['/hostile/dtd.xlsx', 'dtd'],
      ['/hostile/empty.xlsx', 'empty'],
      ['/hostile/encrypted.xlsx', 'encrypted'],
      ['/hostile/truncated.xlsx', 'truncated'],
      ['/hostile/word.xlsx', 'not-spreadsheet'],
      ['/missing.xlsx', 'not-found'],
    ]);
    for (const f of doc.files) expect(f.error?.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it('takes limits from flags and from MOKUHYO_MAX_* variables', async () => {
    const file = join(SEEDS, 'akiha-2020-ward.xlsx');
    const bytes = await validate(['--json', '--max-bytes', '1000', file]);
    expect(bytes.code).toBe(2);
    expect(JSON.parse(bytes.stdout).files[0].error.code).toBe('too-large');
    const cells = await validate(['--json', file], { MOKUHYO_MAX_CELLS: '10' });
    expect(cells.code).toBe(2);
    expect(JSON.parse(cells.stdout).files[0].error.code).toBe('too-many-cells');
  });

  it('rejects a bad option with usage and exit 2', async () => {
    const run = await validate(['--phase', 'later', SEEDS]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--phase には planning（計画）か evaluation（評価）を指定してください');
    expectNoStack(run);
  });
});
