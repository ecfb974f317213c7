import { readFileSync } from 'node:fs';
import { beginRun, exitCleanlyOnSignal, undoRun } from './interrupt.ts';
import { CommandError, describeOptionError } from './option-error.ts';

import type { Command } from './command.ts';

/** The `mokuhyo` command line: dispatches to one module per command. */

interface CommandEntry {
  /** The command's arguments, as its own usage line shows them. */
  usage: string;
  /** What it does, in Japanese (the help users read). */
  summary: string;
  /** The same in English, for `mokuhyo --help --lang en`. */
  en: string;
  load: () => Promise<Command>;
}

const commands: Record<string, CommandEntry> = {
  parse: {
    usage: 'value|header <文字列>...',
    summary: 'セルの値や年度の見出しを読み取った結果を表示します（確認用）',
    en: 'what the Japanese value reader makes of each text (debug aid)',
    load: async () => (await import('./parse-command.ts')).parseCommand,
  },
  template: {
    usage: '<様式> [--variant 種類] [--fiscal-year 年度] -o <出力.xlsx|フォルダ>',
    summary: '任意の年度の空の様式（ひな形）を書き出します',
    en: 'writes the blank form of a family for any fiscal year',
    load: async () => (await import('./template-command.ts')).templateCommand,
  },
  extract: {
    usage: '[--json] <ファイル.xlsx|フォルダ>...',
    summary: '各ブックの様式・組織・年度・指標を読み取って表示します',
    en: 'prints what each workbook holds',
    load: async () => (await import('./extract-command.ts')).extractCommand,
  },
  validate: {
    usage: '[--json] [--annotate <出力.xlsx|フォルダ>] [--phase planning|evaluation] <ファイル.xlsx|フォルダ>...',
    summary: 'シートを検証し、直すべき点をセルごとに表示します',
    en: 'checks every sheet and lists findings cell by cell',
    load: async () => (await import('./validate-command.ts')).validateCommand,
  },
  consolidate: {
    usage:
      '<ファイル.xlsx|フォルダ>... -o <集計.xlsx|フォルダ> [--ward 区] [--fiscal-year 年度] [--csv 出力.csv] [--json 出力.json]',
    summary: '提出されたシートを団体（区など）と年度ごとに集計し、集計ブックを書き出します',
    en: "writes the ward's summary workbook",
    load: async () => (await import('./consolidate-command.ts')).consolidateCommand,
  },
  serve: {
    usage: '[--no-worker]',
    summary: '受付の HTTP API とブラウザの画面（とキューのワーカー）を起動します。設定は MOKUHYO_CONFIG',
    en: 'the intake HTTP API (and queue workers); config from MOKUHYO_CONFIG',
    load: async () => (await import('./serve-command.ts')).serveCommand,
  },
  worker: {
    usage: '',
    summary: 'キューのワーカー（取り込み・集計）だけを起動します',
    en: 'queue workers only (ingest, consolidation)',
    load: async () => (await import('./worker-command.ts')).workerCommand,
  },
  token: {
    usage: '--role submitter|coordinator|admin [--ward 区ID] [--division 課名]',
    summary: 'トークンを発行し（表示は一度だけ）、設定ファイルに加える行を表示します',
    en: 'issues a token (printed once) and its config line',
    load: async () => (await import('./token-command.ts')).tokenCommand,
  },
};

function usage(lang: 'ja' | 'en' = 'ja'): string {
  const lines = Object.entries(commands).map(
    ([name, c]) => `  mokuhyo ${name}${c.usage ? ` ${c.usage}` : ''}\n      ${lang === 'en' ? c.en : c.summary}`,
  );
  return lang === 'en'
    ? `Usage: mokuhyo <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nEach command answers --help (in Japanese).\n`
    : `使い方: mokuhyo <コマンド> [オプション]\n\nコマンド:\n${lines.join('\n')}\n\n各コマンドの詳しい使い方: mokuhyo <コマンド> --help\n版の表示: mokuhyo --version\n`;
}

const HELP = new Set(['--help', '-h', 'help']);

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(`mokuhyo: コマンドを指定してください。\n\n${usage()}`);
    return 2;
  }
  if (HELP.has(name)) {
    // `mokuhyo help validate` is `mokuhyo validate --help`.
    if (rest[0] !== undefined && commands[rest[0]]) return main([rest[0], '--help']);
    process.stdout.write(usage(rest[0] === '--lang' && rest[1] === 'en' ? 'en' : 'ja'));
    return 0;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    process.stdout.write(`mokuhyo ${version}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    const near = Object.keys(commands).find((c) => c === name.toLowerCase().replace(/^-+/, ''));
    const kind = name.startsWith('-') && !near ? 'オプション' : 'コマンド';
    process.stderr.write(
      `mokuhyo: 不明な${kind}です: ${name}${near ? `（mokuhyo ${near} のことですか？）` : ''}\n\n${usage()}`,
    );
    return 2;
  }
  // serve and worker shut down on signals their own way (runtime.ts); the file commands take back what
  // they created and say so.
  beginRun();
  const restoreSignals = SERVICES.has(name) ? () => undefined : exitCleanlyOnSignal(name);
  try {
    const run = await command.load();
    return await run(rest);
  } catch (err) {
    // A refused or failed run leaves no folder or file of its own behind.
    undoRun();
    if (isHelpRequest(rest, err)) {
      process.stdout.write(
        `使い方: mokuhyo ${name}${command.usage ? ` ${command.usage}` : ''}\n\n  ${command.summary}\n`,
      );
      return 0;
    }
    return reportFailure(name, err);
  } finally {
    restoreSignals();
  }
}

const SERVICES = new Set(['serve', 'worker']);

/** A command without its own --help still answers it, with its entry of the overview. */
function isHelpRequest(args: readonly string[], err: unknown): boolean {
  return (
    (args.includes('--help') || args.includes('-h')) &&
    (err as { code?: unknown }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
  );
}

/**
 * The user's mistakes (options, paths, outputs) get a Japanese message and exit 2; anything else is a fault
 * of mokuhyo itself: exit 70, one line without a stack trace, and what to report.
 */
function reportFailure(name: string, err: unknown): number {
  const option = describeOptionError(err);
  if (option) {
    process.stderr.write(`mokuhyo ${name}: ${option}\n使い方は mokuhyo ${name} --help で表示できます。\n`);
    return 2;
  }
  if (err instanceof CommandError) {
    process.stderr.write(`mokuhyo ${name}: ${err.message}\n`);
    if (err.showUsage) process.stderr.write(`使い方は mokuhyo ${name} --help で表示できます。\n`);
    return 2;
  }
  const refusal = fileRefusal(err);
  if (refusal) {
    process.stderr.write(`mokuhyo ${name}: ${refusal}\n`);
    return 2;
  }
  const e = err as { name?: string; message?: string };
  process.stderr.write(
    `mokuhyo ${name}: 内部エラーで中断しました（${e.name ?? 'Error'}: ${e.message ?? String(err)}）。\n` +
      `mokuhyo の不具合です。実行したコマンド、この表示、入力ファイル（差し支えなければ）を開発担当に報告してください。\n` +
      `MOKUHYO_DEBUG=1 を付けて再実行すると、報告に役立つ詳しい情報が表示されます。\n`,
  );
  if (process.env['MOKUHYO_DEBUG']) process.stderr.write(`${(err as Error).stack ?? ''}\n`);
  return 70;
}

/** A file-system refusal naming its path (permissions, a full disk…) is the user's to fix, not a fault. */
function fileRefusal(err: unknown): string | null {
  const e = err as NodeJS.ErrnoException | null;
  const reason = {
    EACCES: '権限がありません',
    EPERM: '権限がありません',
    EROFS: '読み取り専用の場所です',
    ENOSPC: 'ディスクの空きが足りません',
    EBUSY: 'ほかのプログラムが使用中です',
  }[String(e?.code)];
  return reason && e?.path ? `「${e.path}」を扱えません（${reason}）。` : null;
}
