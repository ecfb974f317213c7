import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const mokuhyo = (...args: string[]) => spawnSync('node', ['bin/mokuhyo.js', ...args], { encoding: 'utf8' });

describe('mokuhyo command line', () => {
  it('prints usage for --help and exits 0, entirely in Japanese', () => {
    const r = mokuhyo('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('使い方: mokuhyo <コマンド>');
    for (const command of ['parse', 'template', 'extract', 'validate', 'consolidate', 'serve', 'worker', 'token'])
      expect(r.stdout).toContain(`mokuhyo ${command}`);
    // Every English word is a command, an option, a placeholder value or a file type: the prose is Japanese.
    const words = r.stdout
      .replace(
        /mokuhyo(?: \w+)?|--[\w-]+|\b(?:value|header|planning|evaluation|submitter|coordinator|admin|xlsx|csv|json|HTTP|API|ID|MOKUHYO_CONFIG)\b/g,
        '',
      )
      .match(/[A-Za-z]{2,}/g);
    expect(words).toBeNull();
    // consolidate writes one summary per body and year, into the folder -o may name.
    expect(r.stdout).toContain('mokuhyo consolidate <ファイル.xlsx|フォルダ>... -o <集計.xlsx|フォルダ>');
    expect(r.stdout).toContain('団体（区など）と年度ごとに集計し');
  });

  it("answers help <command> with that command's help, and --version with the package version", () => {
    const help = mokuhyo('help', 'template');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('使い方: mokuhyo template <様式>');
    const version = mokuhyo('--version');
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^mokuhyo \d+\.\d+\.\d+\n$/);
  });

  it('keeps an English overview behind --help --lang en', () => {
    const r = mokuhyo('--help', '--lang', 'en');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: mokuhyo <command>');
    expect(r.stdout).toContain("writes the ward's summary workbook");
  });

  it('exits 2 with usage for no command or an unknown one', () => {
    const none = mokuhyo();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('コマンドを指定してください');
    const r = mokuhyo('frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('不明なコマンドです: frobnicate');
  });

  it('answers an unknown option in Japanese, exit 2, without a stack trace', () => {
    for (const command of ['extract', 'template', 'validate', 'consolidate']) {
      const r = mokuhyo(command, '--bogus');
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('不明なオプションです: --bogus');
      expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
  });

  it('answers --help for every command with exit 0', () => {
    for (const command of ['parse', 'template', 'extract', 'validate', 'consolidate', 'serve', 'worker']) {
      const r = mokuhyo(command, '--help');
      expect(r.status, command).toBe(0);
      expect(r.stdout, command).toContain('使い方: mokuhyo');
    }
  });

  it('points extract --help to the page in the repository that describes the JSON (docs/api.md)', () => {
    const r = mokuhyo('extract', '--help');
    expect(r.stdout).toContain('形式は docs/api.md の「mokuhyo extract --json」');
    expect(readFileSync(new URL('../../../docs/api.md', import.meta.url), 'utf8')).toContain(
      '## `mokuhyo extract --json`',
    );
    expect(r.stdout).not.toContain('CONTRACTS');
  });

  it('consolidate --help says what -o does with one or several summaries, how folders are read, and the exit codes', () => {
    const r = mokuhyo('consolidate', '--help');
    expect(r.stdout).toContain('<ファイル.xlsx|フォルダ>... -o <集計.xlsx|フォルダ>');
    expect(r.stdout).toContain('集計が 1 つのときはその名前で書き出します');
    expect(r.stdout).toContain('「読込不可」として');
    expect(r.stdout).toMatch(/終了コード: 0 .+ \/ 2 .+\n\s+70 内部エラー/);
    // Prose in Japanese: English words only as options, placeholders, file types or the config variable.
    const words = r.stdout
      .replace(
        /mokuhyo(?: \w+)?|--?[\w-]+|\b(?:planning|evaluation|xlsx|xls|csv|json|JSON|UTF|BOM|MOKUHYO_CONFIG|wards|ID|N|Ctrl)\b/g,
        '',
      )
      .match(/[A-Za-z]{2,}/g);
    expect(words).toBeNull();
  });

  it('writes a blank template for a fiscal year and lists the forms on --help', () => {
    const help = mokuhyo('template', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('org-goals（組織目標管理シート）: division, ward');
  });
});
