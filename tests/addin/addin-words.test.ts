// The add-in's words: one word for one thing, as the web console and the docs use them.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return /\.(ts|tsx|html)$/.test(name) ? [path] : [];
  });
}

/** Japanese text inside string literals, JSX text and HTML of a file (comments are English). */
function japaneseTexts(path: string): string[] {
  const text = readFileSync(join(root, path), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
  return [...text.matchAll(/[^\s'"`<>{}()=,;:]*[\u3040-\u30ff\u3400-\u9fff][^'"`<>{}\n]*/g)].map((m) => m[0]);
}

describe("the add-in's words", () => {
  const files = [
    ...sources('addin/src'),
    ...sources('ui'),
    'addin/taskpane.html',
    'addin/result.html',
    'addin/public/help.html',
  ];

  it('calls what it puts on a cell 注釈 (the colour and the メモ or コメント), never 印', () => {
    const offending = files.flatMap((f) =>
      japaneseTexts(f)
        .filter((t) => /印(?!刷)/.test(t))
        .map((t) => `${f}: ${t}`),
    );
    expect(offending).toEqual([]);
  });
});
