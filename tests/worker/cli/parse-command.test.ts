import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const run = promisify(execFile);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function mokuhyo(...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/mokuhyo.js', ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('mokuhyo parse', () => {
  it('prints one JSON line per value, in input order, keys in contract order', async () => {
    const out = await mokuhyo('parse', 'value', '3３6', 'H29年度までに50％以上', '－', '15（累計）');
    expect(out.code).toBe(0);
    expect(out.stdout.split('\n')).toEqual([
      '{"raw":"3３6","value":336,"unit":null,"comparator":null,"year":null,"cumulative":false,"blank":false}',
      '{"raw":"H29年度までに50％以上","value":50,"unit":"%","comparator":">=","year":2017,"cumulative":false,"blank":false}',
      '{"raw":"－","value":null,"unit":null,"comparator":null,"year":null,"cumulative":false,"blank":true}',
      '{"raw":"15（累計）","value":15,"unit":null,"comparator":null,"year":null,"cumulative":true,"blank":false}',
      '',
    ]);
  });

  it('prints one JSON line per header', async () => {
    const out = await mokuhyo('parse', 'header', 'Ｈ29実績', 'R2目標', '現状値（年度）', 'R3', '補足・参考指標');
    expect(out.code).toBe(0);
    expect(out.stdout.trim().split('\n')).toEqual([
      '{"raw":"Ｈ29実績","year":2017,"kind":"actual"}',
      '{"raw":"R2目標","year":2020,"kind":"target"}',
      '{"raw":"現状値（年度）","year":null,"kind":"baseline"}',
      '{"raw":"R3","year":2021,"kind":"plan"}',
      '{"raw":"補足・参考指標","year":null,"kind":null}',
    ]);
  });

  it('reads texts that start with a dash as values, not options', async () => {
    const out = await mokuhyo('parse', 'value', '-', '-5');
    expect(out.code).toBe(0);
    expect(
      out.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { value: number | null; blank: boolean }),
    ).toMatchObject([
      { value: null, blank: true },
      { value: -5, blank: false },
    ]);
  });

  it('keeps line breaks inside a cell in raw', async () => {
    const out = await mokuhyo('parse', 'value', '青パト月4回\n区だよりによる実施団体の募集　年2\n回');
    expect(JSON.parse(out.stdout)).toMatchObject({
      raw: '青パト月4回\n区だよりによる実施団体の募集　年2\n回',
      value: 4,
      unit: '回',
    });
  });

  it('rejects an unknown kind with exit 2 and a Japanese message', async () => {
    const out = await mokuhyo('parse', 'number', '1');
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('不明な種類です: number');
  });

  it('rejects a missing kind or text with exit 2', async () => {
    const noKind = await mokuhyo('parse');
    expect(noKind.code).toBe(2);
    expect(noKind.stderr).toContain('value か header を指定してください');
    const noText = await mokuhyo('parse', 'header');
    expect(noText.code).toBe(2);
    expect(noText.stderr).toContain('読み取る文字列を 1 つ以上指定してください');
  });

  it('prints its usage on --help', async () => {
    const out = await mokuhyo('parse', '--help');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('使い方: mokuhyo parse value');
  });
});
