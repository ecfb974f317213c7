import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePhases } from '../../../bench/scenarios/consolidate.ts';
import { hasOpenpyxl, readWithOpenpyxl } from '../summary/read-back.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const SEEDS = join(ROOT, 'seeds/org-goals');

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [join(ROOT, 'bin/mokuhyo.js'), ...args], { cwd: ROOT, env: { ...process.env, MOKUHYO_CONFIG: '', ...env } }, (err, stdout, stderr) => {
      done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('mokuhyo consolidate', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mokuhyo-consolidate-'));
    const input = join(dir, 'in');
    await mkdir(join(input, 'old'), { recursive: true });
    for (const name of ['akiha-2020-chiiki-somu.xlsx', 'akiha-2020-kenko-fukushi.xlsx', 'akiha-2020-ward.xlsx']) await copyFile(join(SEEDS, name), join(input, name));
    // An older copy of the same division: the newer file must win.
    await copyFile(join(SEEDS, 'akiha-2020-kenko-fukushi.xlsx'), join(input, 'old', 'kenko-old.xlsx'));
    await utimes(join(input, 'old', 'kenko-old.xlsx'), new Date('2020-01-01'), new Date('2020-01-01'));
    await writeFile(join(input, 'hostile.xlsx'), 'this is not a workbook');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a summary beside a hostile file and lists the file with its reason', async () => {
    const out = join(dir, 'out', 'summary.xlsx');
    const csv = join(dir, 'out', 'measures.csv');
    const json = join(dir, 'out', 'measures.json');
    const result = await run(['consolidate', join(dir, 'in'), '-o', out, '--ward', '秋葉区', '--csv', csv, '--json', json]);
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('課 2');
    expect(result.stdout).toContain('hostile.xlsx');
    const doc = JSON.parse(await readFile(json, 'utf8')) as { measures: { division: string }[] };
    expect(doc.measures.filter((m) => m.division === '健康福祉課')).toHaveLength(6);
    expect((await readFile(csv, 'utf8')).split('\r\n').filter(Boolean)).toHaveLength(1 + 13);
    if (!(await hasOpenpyxl())) return;
    const dump = await readWithOpenpyxl(out);
    const statuses = dump['提出状況']!.rows;
    expect(statuses.find((r) => r[3]?.endsWith('hostile.xlsx'))?.[1]).toBe('読込不可');
    expect(statuses.find((r) => r[3]?.endsWith('kenko-old.xlsx'))?.[1]).toBe('差し替え済み');
    expect(dump['概要']!.rows[0]?.[0]).toBe('秋葉区 2020年度 目標シート集計');
  });

  it('takes the expected divisions from MOKUHYO_CONFIG and names the missing one', async () => {
    const config = join(dir, 'config.json');
    await writeFile(config, JSON.stringify({ wards: [{ id: 'akiha', name: '秋葉区', fiscalYear: 2020, divisions: ['地域総務課', '健康福祉課', '産業振興課'] }], tokens: [] }));
    const out = join(dir, 'out2', 'summary.xlsx');
    const result = await run(['consolidate', join(dir, 'in'), '-o', out], { MOKUHYO_CONFIG: config });
    expect(result.code).toBe(0);
    if (!(await hasOpenpyxl())) return;
    const dump = await readWithOpenpyxl(out);
    expect(dump['提出状況']!.rows).toContainEqual(['産業振興課', '未提出', null, null, null, '未提出です']);
    expect(dump['概要']!.rows.find((r) => r[0] === '未提出の課')?.[1]).toBe('産業振興課');
  });

  it('exits 2 without an output file', async () => {
    const result = await run(['consolidate', join(dir, 'in')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('使い方');
  });

  it('exits 1 when no workbook is found', async () => {
    await mkdir(join(dir, 'empty'), { recursive: true });
    const result = await run(['consolidate', join(dir, 'empty'), '-o', join(dir, 'x.xlsx')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('見つかりません');
  });

  it('says where the time went with --timings, on stderr, leaving stdout as it was', async () => {
    const out = join(dir, 'out', 'timed.xlsx');
    const result = await run(['consolidate', join(dir, 'in'), '-o', out, '--timings']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('集計を書き出しました');
    expect(result.stdout).not.toContain('処理時間');
    const phases = parsePhases(result.stderr);
    expect(result.stderr, result.stderr).toMatch(/処理時間: 起動 [\d.]+ 秒、読み込み・検証 [\d.]+ 秒（5 ファイル）、集計 [\d.]+ 秒、書き出し [\d.]+ 秒、合計 [\d.]+ 秒/);
    expect(phases?.ingestMs).toBeGreaterThan(0);
    expect(phases?.writeMs).toBeGreaterThan(0);
  });
});
