/** Node's parseArgs errors in plain Japanese ("不明なオプションです: --bogus"); null for any other error. */
export function describeOptionError(err: unknown): string | null {
  const e = err as { code?: unknown; message?: unknown };
  if (typeof e.code !== 'string' || !e.code.startsWith('ERR_PARSE_ARGS')) return null;
  const option = /'([^']+)'/.exec(String(e.message ?? ''))?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `不明なオプションです: ${option}`;
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `余分な引数があります: ${option}`;
  const name = option.replace(/ <value>$/, '');
  if (/argument missing/.test(String(e.message))) return `${name} の後に値を指定してください。`;
  if (/does not take an argument/.test(String(e.message))) return `${name} には値を付けられません。`;
  return `オプションの指定が正しくありません: ${option}`;
}

/**
 * What the user asked cannot be done as asked — nothing to do, a missing path, an output that cannot be
 * written, a bad option value. The command line prints the Japanese message and exits 2, never a stack trace.
 */
export class CommandError extends Error {
  /** Whether the message ends with a pointer to the command's --help (for "nothing to do"). */
  readonly showUsage: boolean;
  constructor(message: string, options: { showUsage?: boolean } = {}) {
    super(message);
    this.name = 'CommandError';
    this.showUsage = options.showUsage ?? false;
  }
}
