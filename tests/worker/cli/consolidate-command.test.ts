import { execFile } from 'node:child_process';
import ExcelJS from 'exceljs';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePhases } from '../../../bench/scenarios/consolidate.ts';
import { fiscalYearOption } from '../../../worker/cli/consolidate-command.ts';
import { AKIHA_DIVISIONS, buildInbox } from './consolidate-inbox.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [join(ROOT, 'bin/mokuhyo.js'), ...args],
      { cwd: ROOT, env: { ...process.env, MOKUHYO_CONFIG: '', ...env } },
      (err, stdout, stderr) => {
        done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

/** Every sheet of a written workbook as rows of cell texts (numbers as numbers). */
async function readBack(path: string): Promise<Record<string, (string | number)[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const sheets: Record<string, (string | number)[][]> = {};
  wb.eachSheet((ws) => {
    const rows: (string | number)[][] = [];
    ws.eachRow((row) => {
      const cells: (string | number)[] = [];
      row.eachCell({ includeEmpty: true }, (c) => cells.push(typeof c.value === 'number' ? c.value : c.text));
      rows.push(cells);
    });
    sheets[ws.name] = rows;
  });
  return sheets;
}

const OTHER_BODIES = /西区|増田|須坂|北区/;

describe('mokuhyo consolidate on a year-end inbox', () => {
  let dir: string;
  let inbox: string;
  let config: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mokuhyo-consolidate-'));
    inbox = join(dir, 'inbox');
    await buildInbox(inbox);
    config = join(dir, 'config.json');
    // Wards and divisions are enough for consolidate: no tokens.
    await writeFile(
      config,
      JSON.stringify({ wards: [{ id: 'akiha', name: '秋葉区', fiscalYear: 2020, divisions: AKIHA_DIVISIONS }] }),
    );
  }, 60_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one summary per body and year, named after them, in the folder of -o', async () => {
    const out = join(dir, 'all');
    const result = await run(['consolidate', inbox, '-o', join(out, 'summary.xlsx')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      'まちづくり推進部_増田地域局_令和2年度_集計.xlsx',
      '秋葉区_令和2年度_集計.xlsx',
      '秋葉区_令和元年度_集計.xlsx',
      '西区_令和3年度_集計.xlsx',
    ]);
    expect(result.stdout).toContain(
      `集計を書き出しました: ${join(out, '秋葉区_令和2年度_集計.xlsx')}\n  秋葉区 令和2年度\u3000課 3（受理 2、差戻し 1、読込不可 0、未提出 0）\u3000指標 13\u3000ファイル 9（うち課の分からないファイル 4）\n` +
        '  ・区の組織目標: 受理\n  ・健康福祉課: 受理\n  ・地域総務課: 受理\n' +
        '  ・産業振興課: 差戻し — 検証でエラーが 1 件見つかりました（J2 の作成日「令和2年2月30日」を日付として読めません）。\n',
    );
    for (const name of ['古い様式.xls', '集計メモ.csv', '壊れた.xlsx', '~$健康福祉課.xlsx'])
      expect(result.stdout).toContain(name);
    expect(result.stdout).toContain('Excel の一時ファイル');
    // Last year's 健康福祉課 has its own summary: two years of one division never share a row.
    const lastYear = Object.values(await readBack(join(out, '秋葉区_令和元年度_集計.xlsx')))
      .flat(2)
      .join('\n');
    expect(lastYear).toContain('健康福祉課_R1.xlsx');
    expect(lastYear).not.toMatch(OTHER_BODIES);
    const nishi = Object.values(await readBack(join(out, '西区_令和3年度_集計.xlsx')))
      .flat(2)
      .join('\n');
    expect(nishi).not.toMatch(/秋葉区|増田/);
  });

  it('with MOKUHYO_CONFIG naming the ward, writes its summary as -o with every expected division, the others beside it', async () => {
    const out = join(dir, 'configured');
    const result = await run(['consolidate', inbox, '-o', join(out, 'summary.xlsx')], { MOKUHYO_CONFIG: config });
    expect(result.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      'summary.xlsx',
      'まちづくり推進部_増田地域局_令和2年度_集計.xlsx',
      '秋葉区_令和元年度_集計.xlsx',
      '西区_令和3年度_集計.xlsx',
    ]);
    expect(result.stdout).toContain(
      `集計を書き出しました: ${join(out, 'summary.xlsx')}\n  秋葉区 令和2年度\u3000提出 3 ／ 4 課（受理 2、差戻し 1、読込不可 0、未提出 1）\u3000指標 13\u3000ファイル 9（うち課の分からないファイル 4）\n` +
        '  ・区の組織目標: 受理\n  ・地域総務課: 受理\n  ・健康福祉課: 受理\n',
    );
    const akiha = await readBack(join(out, 'summary.xlsx'));
    expect(String(akiha['概要']![0]![0])).toMatch(/^秋葉区 /);
    const everyText = Object.values(akiha).flat(2).join('\n');
    expect(everyText).not.toMatch(OTHER_BODIES);
    expect(everyText).not.toContain('健康福祉課_R1.xlsx');
    const statuses = akiha['提出状況']!;
    const state = (file: string) => statuses.find((r) => String(r[3] ?? '').endsWith(file))?.[1];
    expect(state('旧版/健康福祉課_4月版.xlsx')).toBe('差し替え済み');
    // Named below the inbox folder, never by the path of this machine: 旧版/… in a subfolder, the name alone at the top.
    expect(statuses.map((r) => r[3]).filter(Boolean)).toContain('akiha/旧版/健康福祉課_4月版.xlsx');
    expect(statuses.map((r) => String(r[3] ?? '')).filter((f) => f.includes(dir))).toEqual([]);
    expect(everyText).not.toContain(dir);
    expect(state('産業振興課.xlsx')).toBe('差戻し');
    for (const file of ['古い様式.xls', '集計メモ.csv', '壊れた.xlsx', '~$健康福祉課.xlsx'])
      expect(state(file), file).toBe('読込不可');
    expect(statuses.find((r) => r[0] === '建設課')?.[1]).toBe('未提出');
  });

  it("takes a config naming the ward and its divisions only (no id, no fiscalYear, no tokens) for the ward's year with the most files", async () => {
    const out = join(dir, 'yearless');
    const yearless = join(dir, 'yearless.json');
    await writeFile(yearless, JSON.stringify({ wards: [{ name: '秋葉区', divisions: AKIHA_DIVISIONS }] }));
    const result = await run(['consolidate', inbox, '-o', join(out, 'summary.xlsx')], { MOKUHYO_CONFIG: yearless });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `集計を書き出しました: ${join(out, 'summary.xlsx')}\n  秋葉区 令和2年度\u3000提出 3 ／ 4 課（受理 2、差戻し 1、読込不可 0、未提出 1）\u3000指標 13\u3000ファイル 9（うち課の分からないファイル 4）\n` +
        '  ・区の組織目標: 受理\n  ・地域総務課: 受理\n  ・健康福祉課: 受理\n',
    );
    const statuses = (await readBack(join(out, 'summary.xlsx')))['提出状況']!;
    expect(statuses.find((r) => r[0] === '建設課')?.[1]).toBe('未提出');
  });

  it('with --ward and --fiscal-year writes that summary under the exact -o name and lists the rest as 対象外', async () => {
    const out = join(dir, 'one', 'akiha.xlsx');
    const csv = join(dir, 'one', 'data.csv');
    const json = join(dir, 'one', 'data.json');
    const result = await run(
      ['consolidate', inbox, '-o', out, '--ward', '秋葉区', '--fiscal-year', '令和2年度', '--csv', csv, '--json', json],
      { MOKUHYO_CONFIG: config },
    );
    expect(result.code).toBe(0);
    expect((await readdir(join(dir, 'one'))).sort()).toEqual(['akiha.xlsx', 'data.csv', 'data.json']);
    expect(result.stdout).toMatch(/対象外 3 件:\n( {2}- .+\n){3}/);
    expect(result.stdout).toContain(
      '西区実施計画.xlsx: 対象（秋葉区 令和2年度）と異なる団体・年度（西区 令和3年度）です（5 シート）',
    );
    expect(result.stdout).toContain('健康福祉課_R1.xlsx（健康福祉課）: 前年度（令和元年度）の提出です');
    const statuses = (await readBack(out))['提出状況']!;
    expect(statuses.filter((r) => r[1] === '対象外')).toHaveLength(3);

    const text = await readFile(csv, 'utf8');
    expect(
      text.startsWith(
        '\ufeff"団体","年度","課","様式","様式名","No.","目標","指標","内容","値の年度","種類","値","単位","比較","累計","記載どおり","判定","ファイル","シート","セル"\r\n',
      ),
    ).toBe(true);
    const lines = text.trimEnd().split('\r\n').slice(1);
    expect(lines.every((l) => l.startsWith('"秋葉区",2020,'))).toBe(true);
    // Only accepted divisions are published: 産業振興課 was sent back.
    expect(new Set(lines.map((l) => l.split(',')[2]))).toEqual(new Set(['"地域総務課"', '"健康福祉課"']));
    // Plain numbers: "1,700" as typed becomes 1700, and a blank cell leaves the value empty with its text kept.
    expect(lines.some((l) => l.includes(',"目標",1700,"人",,,"1,700",'))).toBe(true);
    expect(lines.some((l) => l.includes(',"実績",,"回",,,"－",'))).toBe(true);

    const doc = JSON.parse(await readFile(json, 'utf8')) as {
      summaries: { body: string; fiscalYear: number; file: string }[];
      rows: { body: string; value: number | null; text: string }[];
    };
    // The summary as the JSON reaches it (beside it: its name), never a full path of this machine.
    expect(doc.summaries).toEqual([{ body: '秋葉区', fiscalYear: 2020, file: 'akiha.xlsx' }]);
    for (const r of doc.rows as unknown as { file: string }[]) expect(r.file).not.toMatch(/^\/|\\|^[A-Z]:/);
    expect(doc.rows).toHaveLength(lines.length);
    expect(doc.rows.find((r) => r.text === '1,700')?.value).toBe(1700);
  });

  it('lists a sent-back file of a group --ward/--fiscal-year leave out as 対象外 only, and the 合計 line adds up', async () => {
    const out = join(dir, 'seeds-akiha', 'akiha.xlsx');
    const result = await run(['consolidate', 'seeds', '-o', out, '--ward', '秋葉区', '--fiscal-year', 'R2']);
    expect(result.code, result.stderr).toBe(0);
    // The seeds' 北区 2015 self-review is sent back in its own summary, but not part of this one.
    expect(result.stdout).not.toContain('差戻し 1 件');
    expect(result.stdout).toContain(
      'policy-review-kita-2015.xlsx: 対象（秋葉区 令和2年度）と異なる団体・年度（北区 平成27年度）です',
    );
    expect(result.stdout).toContain('合計: 集計 1 件、ファイル 8（受理 4、差戻し 0、読込不可 0、対象外 4）');
  });

  it('says where the time went with --timings, on stderr, leaving stdout as it was', async () => {
    const out = join(dir, 'timed', 'summary.xlsx');
    const result = await run(['consolidate', join(inbox, 'akiha'), '-o', out, '--timings', '--fiscal-year', '2020']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('集計を書き出しました');
    expect(result.stdout).not.toContain('処理時間');
    const phases = parsePhases(result.stderr);
    expect(result.stderr, result.stderr).toMatch(
      /処理時間: 起動 [\d.]+ 秒、読み込み・検証 [\d.]+ 秒（10 ファイル）、集計 [\d.]+ 秒、書き出し [\d.]+ 秒、合計 [\d.]+ 秒/,
    );
    expect(phases?.ingestMs).toBeGreaterThan(0);
    expect(phases?.writeMs).toBeGreaterThan(0);
  });

  it('writes into a folder named by -o, and creates it when missing', async () => {
    const out = join(dir, 'folder', 'new') + '/';
    const result = await run(['consolidate', join(inbox, 'others'), '-o', out]);
    expect(result.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      'まちづくり推進部_増田地域局_令和2年度_集計.xlsx',
      '西区_令和3年度_集計.xlsx',
    ]);
  });

  it('runs again into a folder inside the inbox without reading its own earlier summaries', async () => {
    const out = join(inbox, 'others', '集計');
    const first = await run(['consolidate', join(inbox, 'others'), '-o', out + '/']);
    expect(first.code).toBe(0);
    const again = await run(['consolidate', join(inbox, 'others'), '-o', out + '/']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(again.stderr).toContain('西区_令和3年度_集計.xlsx」は出力先にある集計結果のため、入力にしません。');
    await rm(out, { recursive: true });
  });

  it('answers every wrong input with exit 2, a Japanese message naming the path, and no file left behind', async () => {
    const bad = join(dir, 'bad');
    await mkdir(join(bad, 'empty'), { recursive: true });
    await writeFile(join(bad, 'plain.txt'), 'not a folder');
    await mkdir(join(bad, 'unreadable'), { recursive: true });
    await writeFile(
      join(bad, 'unreadable', 'a.xls'),
      Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]),
    );
    const blank = new ExcelJS.Workbook();
    blank.addWorksheet('Sheet1').getCell('A1').value = '買い物メモ';
    await mkdir(join(bad, 'formless'), { recursive: true });
    await blank.xlsx.writeFile(join(bad, 'formless', 'memo.xlsx'));
    const cases: [string[], RegExp][] = [
      [['consolidate', '-o', join(bad, 'x.xlsx')], /集計するファイルかフォルダを指定してください/],
      [['consolidate', inbox], /-o で集計ブックの書き出し先を指定してください/],
      [['consolidate', inbox, join(bad, 'out.xlsx')], /「.*out\.xlsx」が出力先なら -o .*out\.xlsx と書いてください/],
      [['consolidate', inbox, '-o'], /オプションの指定が正しくありません|-o/],
      [['consolidate', join(bad, 'nowhere'), '-o', join(bad, 'x.xlsx')], /「.*nowhere」が見つかりません/],
      [['consolidate', join(bad, 'empty'), '-o', join(bad, 'x.xlsx')], /フォルダ「.*empty」にファイルがありません/],
      [
        ['consolidate', join(bad, 'unreadable'), '-o', join(bad, 'x.xlsx')],
        /読み込めるブックがありません（1 ファイルすべて読込不可）:\n.*a\.xls: 古い Excel 形式/,
      ],
      [
        ['consolidate', join(bad, 'formless'), '-o', join(bad, 'x.xlsx')],
        /集計できるシート（組織目標管理シートなど既知の様式）がありません:\n.*memo\.xlsx: 既知の様式/,
      ],
      [['consolidate', inbox, '-o', join(bad, 'x.csv')], /拡張子 \.csv では書き出せません/],
      [
        ['consolidate', inbox, '-o', join(bad, 'x.xlsx'), '--csv', join(bad, 'x.txt')],
        /--csv の出力ファイル「.*x\.txt」の拡張子 \.txt/,
      ],
      [
        ['consolidate', inbox, '-o', join(bad, 'x.xlsx'), '--json', join(bad, 'x.csv')],
        /--json の出力ファイル「.*x\.csv」の拡張子 \.csv/,
      ],
      [
        ['consolidate', inbox, '-o', join(bad, 'plain.txt', 'x.xlsx')],
        /plain\.txt.*作れません（途中に同じ名前のファイルがあります）/,
      ],
      [
        ['consolidate', inbox, '-o', join(bad, 'x.xlsx'), '--fiscal-year', '来年'],
        /--fiscal-year の「来年」を年度として読めません/,
      ],
      [
        ['consolidate', inbox, '-o', join(bad, 'x.xlsx'), '--ward', '東区'],
        /--ward 東区 に当たるシートがありません。入力にある団体・年度: まちづくり推進部 増田地域局 令和2年度、秋葉区 令和元年度、秋葉区 令和2年度、西区 令和3年度/,
      ],
      [
        ['consolidate', join(inbox, 'akiha', '地域総務課.xlsx'), '-o', join(inbox, 'akiha', '地域総務課.xlsx')],
        /出力先「.*地域総務課\.xlsx」は入力ファイルの一つです/,
      ],
    ];
    for (const [args, message] of cases) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect((await readdir(bad)).sort()).toEqual(['empty', 'formless', 'plain.txt', 'unreadable']);
    expect((await readdir(join(inbox, 'akiha'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('rejects a configuration file it cannot read with exit 2', async () => {
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{"wards": [');
    const result = await run(['consolidate', inbox, '-o', join(dir, 'cfg', 'x.xlsx')], { MOKUHYO_CONFIG: broken });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('JSON として読めません');
  });
});

describe('fiscalYearOption', () => {
  it('reads the fiscal year however it is typed', () => {
    for (const text of ['2020', 'R2', 'r2', '令和2年度', 'Ｒ２', 'R02', '2020年度', 'FY2020'])
      expect(fiscalYearOption(text), text).toBe(2020);
    expect(fiscalYearOption('令和元年度')).toBe(2019);
    expect(fiscalYearOption('H27')).toBe(2015);
    expect(() => fiscalYearOption('20')).toThrow(/年度として読めません/);
  });
});

describe('mokuhyo consolidate: a file named after a division is that division’s, as a submission with its token', () => {
  it('sends back another division’s sheet under the sender’s name, and keeps a broken file in its own ward’s summary', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mokuhyo-consolidate-named-'));
    try {
      const inbox = join(dir, 'inbox');
      await mkdir(inbox);
      const seed = (p: string) => join(ROOT, 'seeds', p);
      await writeFile(join(inbox, '地域総務課.xlsx'), await readFile(seed('org-goals/akiha-2020-chiiki-somu.xlsx')));
      await writeFile(join(inbox, '健康福祉課.xlsx'), await readFile(seed('org-goals/akiha-2020-kenko-fukushi.xlsx')));
      // 建設課 mailed 産業振興課's sheet; 産業振興課 itself sent nothing.
      await writeFile(
        join(inbox, '建設課_組織目標.xlsx'),
        await readFile(seed('org-goals/akiha-2020-sangyo-shinko.xlsx')),
      );
      await writeFile(
        join(inbox, '健康福祉課_再提出.xlsx'),
        await readFile(join(ROOT, 'tests/fixtures/error.corrupt-sheet.xlsx')),
      );
      await writeFile(join(inbox, '須坂市_施策.xlsx'), await readFile(seed('plan-measures/suzaka-2025-goal-7.xlsx')));
      // 地域総務課's later version is sent back (a date that does not exist): its older 受理 version counts.
      const later = new ExcelJS.Workbook();
      await later.xlsx.readFile(seed('org-goals/akiha-2020-chiiki-somu.xlsx'));
      later.worksheets[0]!.getCell('J2').value = '令和2年2月30日';
      await later.xlsx.writeFile(join(inbox, '地域総務課_修正版.xlsx'));
      await utimes(join(inbox, '地域総務課.xlsx'), new Date('2021-04-01'), new Date('2021-04-01'));
      await utimes(join(inbox, '地域総務課_修正版.xlsx'), new Date('2021-04-05'), new Date('2021-04-05'));
      const config = join(dir, 'config.json');
      await writeFile(
        config,
        JSON.stringify({ wards: [{ id: 'akiha', name: '秋葉区', fiscalYear: 2020, divisions: AKIHA_DIVISIONS }] }),
      );
      const out = join(dir, 'out');
      const result = await run(
        ['consolidate', inbox, '-o', join(out, 'summary.xlsx'), '--csv', join(dir, 'open.csv')],
        {
          MOKUHYO_CONFIG: config,
        },
      );
      expect(result.stderr).toBe('');
      expect(result.stdout).toContain(
        '  ・建設課: 差戻し — シートの組織名「産業振興課」が、提出した課「建設課」と一致しません。',
      );
      expect(result.stdout).toContain('  ・産業振興課: 未提出\n');
      expect(result.stdout).toMatch(/・健康福祉課: 読込不可 — .*前に受理された版の数値を使っています/);
      expect(result.stdout).toMatch(/・地域総務課: 差戻し — .*前に受理された版の数値を使っています/);
      // Open data carries the figures the summary counts: 地域総務課's older 受理 version, not nothing.
      const csv = await readFile(join(dir, 'open.csv'), 'utf8');
      expect(csv).toContain('地域総務課.xlsx');
      expect(csv).not.toContain('地域総務課_修正版.xlsx');
      // The broken file is 健康福祉課's, in 秋葉区's summary only.
      const suzaka = (await readdir(out)).find((f) => f.startsWith('須坂市'))!;
      const cells = Object.values(await readBack(join(out, suzaka)))
        .flat(2)
        .join('\n');
      expect(cells).not.toContain('健康福祉課_再提出.xlsx');
      expect(cells).not.toContain('課名不明');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
