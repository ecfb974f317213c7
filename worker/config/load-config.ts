import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { configSchema, type Config } from './config-schema.ts';

/** A configuration that cannot be used; the message names the file and the key, in Japanese. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Reads the file named by MOKUHYO_CONFIG (or defaults when unset), then applies REDIS_URL, PORT and
 * MOKUHYO_DATA_DIR. Call once at start; dataDir comes back absolute.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const file = env['MOKUHYO_CONFIG'];
  const source = file ? `設定ファイル ${file}` : '設定（MOKUHYO_CONFIG 未指定）';
  let raw: Record<string, unknown> = {};
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new ConfigError(`${source} を読み込めません。MOKUHYO_CONFIG のパスを確認してください。`);
    }
    try {
      raw = JSON.parse(text) as Record<string, unknown>;
    } catch (err) {
      // The parser's own message quotes the text around the mistake, which may be a token: only the place.
      throw new ConfigError(`${source} は JSON として読めません（${jsonErrorPlace(text, err)}）。`);
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw new ConfigError(`${source} の最上位は JSON オブジェクトにしてください。`);
  }
  const merged: Record<string, unknown> = { ...raw };
  if (env['REDIS_URL']) merged['redisUrl'] = env['REDIS_URL'];
  if (env['MOKUHYO_DATA_DIR']) merged['dataDir'] = env['MOKUHYO_DATA_DIR'];
  if (env['PORT']) {
    const port = Number(env['PORT']);
    if (!Number.isInteger(port))
      throw new ConfigError(`環境変数 PORT の値「${env['PORT']}」はポート番号ではありません。`);
    merged['port'] = port;
  }
  const parsed = configSchema.safeParse(merged, { reportInput: true });
  if (!parsed.success)
    throw new ConfigError(`${source} に誤りがあります:\n${parsed.error.issues.map(describe).join('\n')}`);
  return { ...parsed.data, dataDir: resolve(parsed.data.dataDir) };
}

/** Where JSON.parse stopped, as 「3 行目 14 文字目付近」, from the position in its message; never the text. */
function jsonErrorPlace(text: string, err: unknown): string {
  const message = err instanceof Error ? err.message : '';
  const line = /line (\d+) column (\d+)/.exec(message);
  if (line) return `${line[1]} 行目 ${line[2]} 文字目付近`;
  const position = /position (\d+)/.exec(message);
  if (position) {
    const before = text.slice(0, Number(position[1]));
    const row = before.split('\n').length;
    return `${row} 行目 ${before.length - before.lastIndexOf('\n')} 文字目付近`;
  }
  return /end of (JSON|data) input/i.test(message) ? '途中で終わっています' : '書式の誤り';
}

function describe(issue: z.core.$ZodIssue): string {
  const key =
    issue.path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('') ||
    '（全体）';
  return `  - 項目 ${key}: ${japanese(issue)}`;
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function japanese(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? '必須の項目がありません'
        : `型が違います（${issue.expected} を書いてください）`;
    case 'unrecognized_keys':
      return `知らない項目です: ${issue.keys.join(', ')}`;
    case 'invalid_union':
    case 'invalid_value':
      return 'ここに書ける値ではありません（role は "submitter"、"coordinator"、"admin" のいずれか）';
    case 'too_small':
      return JAPANESE.test(issue.message) ? issue.message : '値が小さすぎるか、空です';
    case 'too_big':
      return '値が大きすぎます';
    default:
      return JAPANESE.test(issue.message) ? issue.message : `値が不正です（${issue.message}）`;
  }
}
