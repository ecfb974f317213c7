// What `serve` says at start about a setup that works but exposes tokens: a config others can read that
// holds tokens in clear, and plain HTTP on an address other machines reach. Warnings, not refusals: a
// test machine or a TLS proxy in front may make either harmless, and the operator decides.
import { statSync } from 'node:fs';
import type { Config } from '../config/index.ts';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/i;

/** Japanese warnings for the operator, one line each; none for a private config listening on loopback. */
export function startWarnings(config: Config, configFile: string | undefined): string[] {
  const out: string[] = [];
  const clear = config.tokens.filter((t) => t.token !== undefined).length;
  if (configFile && clear > 0) {
    let mode: number | null;
    try {
      mode = statSync(configFile).mode & 0o777;
    } catch {
      mode = null;
    }
    if (mode !== null && (mode & 0o044) !== 0)
      out.push(
        `警告: 設定ファイル ${configFile} は他の利用者も読めます（権限 ${mode.toString(8).padStart(4, '0')}）が、トークン ${clear} 件がそのまま書かれています。chmod 600 にするか、\`mokuhyo token\` の出力どおり tokenSha256 で書いてください。`,
      );
  }
  const publicUrl = (config as { publicUrl?: unknown }).publicUrl;
  const behindTls = typeof publicUrl === 'string' && publicUrl.startsWith('https://');
  if (!LOOPBACK.test(config.host) && !behindTls)
    out.push(
      `警告: ${config.host} で平文の HTTP を受け付けています。トークンとデータがネットワーク上で読めてしまいます。https を終端するリバースプロキシの内側で動かし、publicUrl に https の URL を設定してください（docs/worker.md）。`,
    );
  return out;
}
