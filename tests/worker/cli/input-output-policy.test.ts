import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../worker/cli/main.ts';
import { readWorkbookFile } from '../../../worker/xlsx/index.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const SEED = join(ROOT, 'seeds/org-goals/akiha-2020-kenko-fukushi.xlsx');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as a user would, from a scratch folder so relative paths land there. */
function mokuhyo(cwd: string, ...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(
      'node',
      [join(ROOT, 'bin/mokuhyo.js'), ...args],
      { cwd, maxBuffer: 32 * 1024 * 1024, timeout: 60_000 },
      (error, stdout, stderr) =>
        done({ code: typeof error?.code === 'number' ? error.code : error ? -1 : 0, stdout, stderr }),
    );
  });
}

/** Every file under a folder, relative to it, sorted. */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

function expectCleanRefusal(run: Run, ...fragments: string[]): void {
  expect(run.code, run.stderr).toBe(2);
  for (const fragment of fragments) expect(run.stderr).toContain(fragment);
  expect(run.stderr).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+|予期しない|内部エラー/);
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mokuhyo-policy-'));
  await mkdir(join(dir, 'empty'));
  await copyFile(SEED, join(dir, 'kenko.xlsx'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('nothing to do and missing paths', () => {
  it.each(['extract', 'validate'])('%s: no arguments → exit 2 naming what to give', async (command) => {
    const run = await mokuhyo(dir, command);
    expectCleanRefusal(run, 'ファイルかフォルダを指定してください', `mokuhyo ${command} --help`);
  });

  it.each(['extract', 'validate'])(
    '%s: an empty folder → exit 2 naming the folder, nothing on stdout',
    async (command) => {
      const run = await mokuhyo(dir, command, '--json', 'empty');
      expectCleanRefusal(run, 'フォルダ「empty」にファイルがありません');
      expect(run.stdout).toBe('');
    },
  );

  it.each(['extract', 'validate'])(
    '%s: a missing path next to a good file → the good file read, the path named, exit 2',
    async (command) => {
      const run = await mokuhyo(dir, command, '--json', 'kenko.xlsx', 'no-such-folder');
      expectCleanRefusal(run, '「no-such-folder」が見つかりません');
      const doc = JSON.parse(run.stdout) as { files: { file: string; error: { code: string } | null }[] };
      expect(doc.files.map((f) => [f.file, f.error?.code ?? null])).toEqual([
        ['kenko.xlsx', null],
        ['no-such-folder', 'not-found'],
      ]);
    },
  );

  it.each(['extract', 'validate'])(
    '%s: every file in a folder is accounted for — a .csv, a .xls and an Excel lock file named with their reason',
    async (command) => {
      const inbox = await mkdtemp(join(dir, 'inbox-'));
      await copyFile(SEED, join(inbox, 'kenko.xlsx'));
      await writeFile(join(inbox, 'data.csv'), '課名,目標\n健康福祉課,100\n');
      await writeFile(
        join(inbox, 'old.xls'),
        Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]),
      );
      await writeFile(join(inbox, '~$kenko.xlsx'), Buffer.alloc(165, 1));
      const run = await mokuhyo(inbox, command, '--json', '.');
      expect(run.code).toBe(2);
      const doc = JSON.parse(run.stdout) as {
        files: { file: string; error: { code: string; message: string } | null }[];
      };
      expect(doc.files.map((f) => [f.file, f.error?.code ?? null])).toEqual([
        ['data.csv', 'not-zip'],
        ['kenko.xlsx', null],
        ['old.xls', 'legacy-xls'],
        ['~$kenko.xlsx', 'lock-file'],
      ]);
      for (const f of doc.files.filter((x) => x.error))
        expect(f.error!.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      const text = await mokuhyo(inbox, command, '.');
      expect(text.stdout).toContain('■ old.xls\n  読み込めません（legacy-xls）: 古い Excel 形式');
    },
  );

  it('names the workbook a path without its extension probably meant', async () => {
    const run = await mokuhyo(dir, 'validate', 'kenko');
    expectCleanRefusal(run, '「kenko」が見つかりません。「kenko.xlsx」のことですか？');
  });

  it('parse: no mode or no text → exit 2', async () => {
    expectCleanRefusal(await mokuhyo(dir, 'parse'), 'value か header を指定してください');
    expectCleanRefusal(await mokuhyo(dir, 'parse', 'value'), '読み取る文字列を 1 つ以上指定してください');
  });

  it('parse: an unknown option is refused; "-5", "－" and texts after -- still read', async () => {
    const run = await mokuhyo(dir, 'parse', 'value', '--bogus');
    expectCleanRefusal(run, '不明なオプションです: --bogus', 'mokuhyo parse value -- --bogus');
    expect(run.stdout).toBe('');
    const texts = await mokuhyo(dir, 'parse', 'value', '-5', '－');
    expect(texts.code, texts.stderr).toBe(0);
    expect(
      texts.stdout
        .trim()
        .split('\n')
        .map((line) => (JSON.parse(line) as { value: number | null }).value),
    ).toEqual([-5, null]);
    const after = await mokuhyo(dir, 'parse', 'value', '--', '--bogus');
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).toContain('"raw":"--bogus"');
  });
});

describe('what a tired person types', () => {
  it('suggests the command for a capitalised one, and asks for the value an option lacks', async () => {
    expectCleanRefusal(
      await mokuhyo(dir, 'Validate', 'kenko.xlsx'),
      '不明なコマンドです: Validate（mokuhyo validate のことですか？）',
    );
    expectCleanRefusal(await mokuhyo(dir, '--bogus'), '不明なオプションです: --bogus', 'mokuhyo <コマンド>');
    expectCleanRefusal(
      await mokuhyo(dir, 'validate', 'kenko.xlsx', '--annotate'),
      '--annotate の後に値を指定してください',
    );
    expectCleanRefusal(await mokuhyo(dir, 'extract', '--json=yes', 'kenko.xlsx'), '--json には値を付けられません');
  });

  it('points to the right option for -o on extract and validate, and to --variant for a variant given as a second name', async () => {
    expectCleanRefusal(
      await mokuhyo(dir, 'validate', '-o', 'checked.xlsx', 'kenko.xlsx'),
      'validate に -o はありません',
      '--annotate checked.xlsx',
    );
    expectCleanRefusal(await mokuhyo(dir, 'extract', '--json', 'kenko.xlsx', '-o', 'out.json'), '> out.json');
    expectCleanRefusal(
      await mokuhyo(dir, 'template', 'org-goals', 'ward', '-o', 'x.xlsx'),
      '種類は --variant で指定してください',
      '--variant ward',
    );
  });

  it('takes a form by its Japanese name and a phase in Japanese', async () => {
    const scratch = await mkdtemp(join(dir, 'names-'));
    const form = await mokuhyo(scratch, 'template', '方針書', '-o', 'x.xlsx');
    expect(form.code, form.stderr).toBe(0);
    expect(form.stdout).toContain('x.xlsx: 方針書');
    const ward = await mokuhyo(scratch, 'template', '区の組織目標', '-o', 'ward.xlsx');
    expect(ward.stdout).toContain('区の組織目標');
    const phase = await mokuhyo(dir, 'validate', '--json', '--phase', '評価', 'kenko.xlsx');
    expect((JSON.parse(phase.stdout) as { files: { sheets: { phase: string }[] }[] }).files[0]!.sheets[0]!.phase).toBe(
      'evaluation',
    );
  });
});

describe('template output', () => {
  it('lists the valid forms and variants for an unknown form or variant', async () => {
    const form = await mokuhyo(dir, 'template', 'bogus', '-o', 'x.xlsx');
    expectCleanRefusal(
      form,
      '様式「bogus」はありません',
      'org-goals（組織目標管理シート）: division, ward',
      'policy-statement',
    );
    const variant = await mokuhyo(dir, 'template', 'org-goals', '--variant', 'kaku', '-o', 'x.xlsx');
    expectCleanRefusal(variant, '種類「kaku」', 'division（課の組織目標管理シート）', 'ward（');
    expectCleanRefusal(await mokuhyo(dir, 'template'), '様式を指定してください', 'org-goals');
    expectCleanRefusal(await mokuhyo(dir, 'template', 'org-goals'), '-o で指定してください');
  });

  it('refuses an -o extension it cannot write, writing nothing', async () => {
    const scratch = await mkdtemp(join(dir, 'ext-'));
    expectCleanRefusal(
      await mokuhyo(scratch, 'template', 'org-goals', '-o', 'x.csv'),
      '「x.csv」の拡張子 .csv では書き出せません',
      'x.xlsx',
    );
    expect(await tree(scratch)).toEqual([]);
  });

  it('creates missing folders for -o, and writes into a folder -o names under a sensible name', async () => {
    const scratch = await mkdtemp(join(dir, 'out-'));
    const file = await mokuhyo(scratch, 'template', 'org-goals', '--fiscal-year', 'R9', '-o', 'a/b/組織目標_R9.xlsx');
    expect(file.code, file.stderr).toBe(0);
    expect(file.stdout).toContain('a/b/組織目標_R9.xlsx: 課の組織目標管理シート 2027年度（令和9年度）');
    await mkdir(join(scratch, 'forms'));
    const existing = await mokuhyo(scratch, 'template', 'action-plan', '--fiscal-year', '令和8年度', '-o', 'forms');
    expect(existing.code, existing.stderr).toBe(0);
    const fresh = await mokuhyo(
      scratch,
      'template',
      'org-goals',
      '--variant',
      'ward',
      '--fiscal-year',
      '2026',
      '-o',
      'new-folder/',
    );
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(await tree(scratch)).toEqual([
      'a/b/組織目標_R9.xlsx',
      'forms/action-plan-plan-2026.xlsx',
      'new-folder/org-goals-ward-2026.xlsx',
    ]);
    const { grids } = await readWorkbookFile(join(scratch, 'a/b/組織目標_R9.xlsx'));
    expect(grids.length).toBeGreaterThan(0);
  });

  it('refuses an output it cannot write with the path and the reason, leaving no temporary file', async () => {
    const scratch = await mkdtemp(join(dir, 'unwritable-'));
    await writeFile(join(scratch, 'a-file'), 'x');
    expectCleanRefusal(
      await mokuhyo(scratch, 'template', 'org-goals', '-o', 'a-file/form.xlsx'),
      '「a-file/form.xlsx」',
      '途中に同じ名前のファイルがあります',
    );
    // The name the folder would receive is taken by a folder: the rename fails after the bytes were written.
    await mkdir(join(scratch, 'forms/org-goals-division-2026.xlsx/inside'), { recursive: true });
    expectCleanRefusal(
      await mokuhyo(scratch, 'template', 'org-goals', '--fiscal-year', '2026', '-o', 'forms'),
      'forms/org-goals-division-2026.xlsx',
      '書き込めません',
    );
    expect(await tree(scratch)).toEqual(['a-file']);
  });

  it.runIf(process.platform === 'linux')(
    'refuses a folder the system will not create instead of hanging (Node 20 mkdir -p spins under /proc)',
    async () => {
      const started = Date.now();
      expectCleanRefusal(
        await mokuhyo(dir, 'template', 'org-goals', '-o', '/proc/mokuhyo-no-such/form.xlsx'),
        '「/proc/mokuhyo-no-such/form.xlsx」',
        '作れません',
      );
      expectCleanRefusal(
        await mokuhyo(dir, 'validate', 'kenko.xlsx', '--annotate', '/proc/mokuhyo-no-such/'),
        '「/proc/mokuhyo-no-such/」',
        '作れません',
      );
      expect(Date.now() - started).toBeLessThan(30_000);
    },
  );

  it('reads the fiscal year as 和暦 or Western and refuses what is neither', async () => {
    const scratch = await mkdtemp(join(dir, 'year-'));
    expectCleanRefusal(
      await mokuhyo(scratch, 'template', 'org-goals', '--fiscal-year', '来年', '-o', 'x.xlsx'),
      '年度「来年」を読み取れません',
    );
    const era = await mokuhyo(scratch, 'template', 'org-goals', '--fiscal-year', 'Ｒ２', '-o', 'x.xlsx');
    expect(era.stdout).toContain('2020年度（令和2年度）');
    // As consolidate reads it: the era letter in lower case too.
    const lower = await mokuhyo(scratch, 'template', 'org-goals', '--fiscal-year', 'r3', '-o', 'y.xlsx');
    expect(lower.code, lower.stderr).toBe(0);
    expect(lower.stdout).toContain('2021年度（令和3年度）');
  });
});

describe('validate --annotate output', () => {
  it('creates the folder of an annotated copy, and a folder for several files', async () => {
    const scratch = await mkdtemp(join(dir, 'annotate-'));
    const one = await mokuhyo(scratch, 'validate', '--annotate', 'checked/健康福祉課_検証.xlsx', SEED);
    expect(one.code, one.stderr).toBe(0);
    const many = await mokuhyo(scratch, 'validate', '--annotate', 'copies', join(ROOT, 'seeds/org-goals'));
    expect(many.code, many.stderr).toBe(0);
    expect((await tree(scratch)).filter((f) => f.startsWith('copies/'))).toHaveLength(4);
    expect(await tree(scratch)).toContain('checked/健康福祉課_検証.xlsx');
  });

  it('names each copy after its workbook even when a non-workbook of the same name sits beside it', async () => {
    const scratch = await mkdtemp(join(dir, 'annotate-names-'));
    await mkdir(join(scratch, 'inbox'));
    await copyFile(SEED, join(scratch, 'inbox/kenko.xlsx'));
    await writeFile(join(scratch, 'inbox/kenko.csv'), 'a,b\n');
    const run = await mokuhyo(scratch, 'validate', '--annotate', 'copies', 'inbox');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('注釈付きコピー: copies/kenko.xlsx');
    expect(await tree(join(scratch, 'copies'))).toEqual(['kenko.xlsx']);
  });

  it('refuses a file name for several files, a wrong extension and the original as its own copy', async () => {
    const scratch = await mkdtemp(join(dir, 'annotate-refused-'));
    await copyFile(SEED, join(scratch, 'kenko.xlsx'));
    expectCleanRefusal(
      await mokuhyo(scratch, 'validate', '--annotate', 'one.xlsx', join(ROOT, 'seeds/org-goals')),
      '--annotate にはフォルダを指定してください',
    );
    expectCleanRefusal(
      await mokuhyo(scratch, 'validate', '--annotate', 'copy.csv', 'kenko.xlsx'),
      '拡張子 .csv では書き出せません',
    );
    expectCleanRefusal(
      await mokuhyo(scratch, 'validate', '--annotate', '.', 'kenko.xlsx'),
      '元のファイル（kenko.xlsx）と同じです',
    );
    expectCleanRefusal(
      await mokuhyo(scratch, 'validate', '--annotate', 'kenko.xlsx/copy.xlsx', 'kenko.xlsx'),
      '途中に同じ名前のファイルがあります',
    );
    expect(await tree(scratch)).toEqual(['kenko.xlsx']);
  });
});

describe('help and faults', () => {
  it.each(['parse', 'template', 'extract', 'validate', 'serve', 'worker', 'token'])(
    '%s --help is Japanese and exits 0',
    async (command) => {
      const run = await mokuhyo(dir, command, '--help');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`使い方: mokuhyo ${command}`);
      expect(run.stdout).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]{4}/);
    },
  );

  it('stops quietly when the reader of its output goes away (| head)', async () => {
    const run = await new Promise<{ stderr: string }>((done) => {
      execFile(
        'sh',
        ['-c', `node "${join(ROOT, 'bin/mokuhyo.js')}" extract --json seeds/org-goals | head -c 10 >/dev/null`],
        { cwd: ROOT, timeout: 60_000 },
        (_error, _stdout, stderr) => done({ stderr }),
      );
    });
    expect(run.stderr).toBe('');
  });

  it('answers an internal fault with exit 70 and what to report, without a stack trace', async () => {
    const written: string[] = [];
    const spy = vi
      .spyOn(process.stderr, 'write')
      .mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    try {
      // parse reads its texts with String methods: a non-string argument is a fault no user can cause.
      const code = await main(['parse', 'value', 42 as unknown as string]);
      expect(code).toBe(70);
    } finally {
      spy.mockRestore();
    }
    const text = written.join('');
    expect(text).toContain('mokuhyo parse: 内部エラーで中断しました');
    expect(text).toContain('開発担当に報告してください');
    expect(text).toContain('MOKUHYO_DEBUG=1');
    expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
