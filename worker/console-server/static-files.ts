import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { FastifyReply } from 'fastify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** The page may load only its own files; Fluent UI inserts its styles at run time (hence 'unsafe-inline' for styles). */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const FILE = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}$/;

function waitingPage(failed: boolean): string {
  const text = failed
    ? '画面を用意できませんでした。管理者に連絡してください（サーバーのログに原因があります）。'
    : '画面を準備しています。しばらくお待ちください（自動で表示されます）。';
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8">${failed ? '' : '<meta http-equiv="refresh" content="2">'}<title>目標シート</title></head><body style="font-family:sans-serif;margin:2em"><h1>目標シート</h1><p role="status">${text}</p></body></html>`;
}

/**
 * One file of the console's build: index.html (never cached: it names the current assets) or a hashed
 * asset (cached for good). Names are checked against a strict pattern before they reach a path.
 */
export async function serveAsset(
  reply: FastifyReply,
  dir: string | null,
  file: string,
  error: Error | null,
): Promise<FastifyReply> {
  void reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'same-origin');
  if (!dir) {
    // 200 while building: for the browser this is a page like any other, which reloads itself.
    return reply
      .code(error ? 500 : 200)
      .header('content-type', TYPES['.html']!)
      .header('cache-control', 'no-store')
      .send(waitingPage(error !== null));
  }
  if (!FILE.test(file))
    return reply.code(404).send({ error: { code: 'not-found', message: 'ファイルが見つかりません。' } });
  const path = file === 'index.html' ? join(dir, 'index.html') : join(dir, 'assets', file);
  const bytes = await readFile(path).catch(() => null);
  if (!bytes) return reply.code(404).send({ error: { code: 'not-found', message: 'ファイルが見つかりません。' } });
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  void reply.header('content-type', type);
  if (file === 'index.html')
    void reply
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CSP)
      .header('x-frame-options', 'DENY');
  else void reply.header('cache-control', 'public, max-age=31536000, immutable');
  return reply.send(bytes);
}
