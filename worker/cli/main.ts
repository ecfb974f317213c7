import { describeOptionError } from './option-error.ts';

/** The `mokuhyo` command line: dispatches to one module per command. */
export type Command = (args: string[]) => Promise<number>;

const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  parse: { summary: 'parse value|header <text>...   Japanese value reader (debug aid)', load: async () => (await import('./parse-command.ts')).parseCommand },
  template: { summary: 'template <family> [--variant id] [--fiscal-year N] -o out.xlsx   blank form for any fiscal year', load: async () => (await import('./template-command.ts')).templateCommand },
  extract: { summary: 'extract [--json] <file.xlsx|folder>...   what each workbook holds', load: async () => (await import('./extract-command.ts')).extractCommand },
  validate: { summary: 'validate [--json] [--annotate <out.xlsx>] [--phase planning|evaluation] <file.xlsx|folder>...   findings per sheet', load: async () => (await import('./validate-command.ts')).validateCommand },
  consolidate: { summary: 'consolidate <files|folders>... -o summary.xlsx [--ward 区] [--fiscal-year Y] [--csv f] [--json f]   ward summary workbook', load: async () => (await import('./consolidate-command.ts')).consolidateCommand },
  serve: { summary: 'serve [--no-worker]   intake HTTP API (+ queue workers); config from MOKUHYO_CONFIG', load: async () => (await import('./serve-command.ts')).serveCommand },
  worker: { summary: 'worker   queue workers only (ingest, consolidation)', load: async () => (await import('./worker-command.ts')).workerCommand },
};

const USAGE = `使い方: mokuhyo <command> [options]

${Object.entries(commands).map(([name, c]) => `  ${c.summary.startsWith(name) ? '' : name + ' '}${c.summary}`).join('\n')}
`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`mokuhyo: 不明なコマンドです: ${name}\n\n${USAGE}`);
    return 2;
  }
  const run = await command.load();
  try {
    return await run(rest);
  } catch (err) {
    if (isHelpRequest(rest, err)) {
      process.stdout.write(`使い方: mokuhyo ${command.summary.startsWith(name) ? '' : `${name} `}${command.summary}\n`);
      return 0;
    }
    return reportFailure(name, err);
  }
}

/** A command without its own --help still answers it, with its line of the overview. */
function isHelpRequest(args: readonly string[], err: unknown): boolean {
  return (args.includes('--help') || args.includes('-h')) && (err as { code?: unknown }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
}

/** Option mistakes get a Japanese usage hint (exit 2); anything else one line without a stack trace (exit 70). */
function reportFailure(name: string, err: unknown): number {
  const option = describeOptionError(err);
  if (option) {
    process.stderr.write(`mokuhyo ${name}: ${option}\n\n${USAGE}`);
    return 2;
  }
  const e = err as { message?: string };
  process.stderr.write(`mokuhyo ${name}: 予期しないエラーで中断しました（${e.message ?? String(err)}）\n`);
  if (process.env['MOKUHYO_DEBUG']) process.stderr.write(`${(err as Error).stack ?? ''}\n`);
  return 70;
}
