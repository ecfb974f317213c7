import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// A fresh clone must hold everything it refers to: no tracked file may name a path above the repository's
// root (a sibling folder `../…` written from the root, a docs page pointing two levels up) or the brief documents the
// project was started from. What a reader needs from them is written in docs/ in the repository's own words.

const ROOT = resolve(import.meta.dirname, '../..');
const SELF = relative(ROOT, import.meta.filename);
/** The names of the documents outside the repository that nothing may cite (split so this file does not). */
const OUTSIDE_DOCUMENTS = ['CONTRACTS', 'STYLE'].map((name) => `${name}.md`);
/** Path-traversal payloads that tests send on purpose (`../../etc/passwd` as an upload name). */
const PAYLOAD_FOLDERS = ['tests/security/'];
const RELATIVE_PATH = /(?:\.\.[/\\])+[^\s'"`)\]},;|<>]*/g;

/** Tracked files (git ls-files), or every file outside ignored folders when there is no git checkout. */
function trackedFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  } catch {
    const skip = new Set(['node_modules', '.git', 'dist', 'dist-console', 'out', 'data', 'coverage']);
    const walk = (dir: string): string[] =>
      readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
        skip.has(e.name) ? [] : e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
      );
    return walk('');
  }
}

/** Text files only: anything with a NUL byte (workbooks, images) or over 2 MB is skipped. */
function textOf(file: string): string | null {
  const path = join(ROOT, file);
  if (!existsSync(path) || statSync(path).size > 2_000_000) return null;
  const bytes = readFileSync(path);
  return bytes.includes(0) ? null : bytes.toString('utf8');
}

function outside(path: string): boolean {
  return path !== ROOT && !path.startsWith(ROOT + sep);
}

interface Hit {
  file: string;
  line: number;
  text: string;
}

/** Every relative path in a file that leaves the repository (see the rules in the test below). */
function escapingPaths(file: string, text: string): Hit[] {
  if (PAYLOAD_FOLDERS.some((folder) => file.startsWith(folder))) return [];
  const hits: Hit[] = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(RELATIVE_PATH)) {
      const path = m[0];
      if (path.includes('*') || /^(?:\.\.[/\\])+$/.test(path)) continue; // a glob pattern, or `../` on its own
      const fromFile = resolve(ROOT, dirname(file), path);
      // Docs write paths from the root ("seeds/…"); a path that is not there from the file is read that way too.
      const fromRoot = resolve(ROOT, path);
      const escapes = outside(fromFile) || (/\.md$/i.test(file) && !existsSync(fromFile) && outside(fromRoot));
      if (escapes) hits.push({ file, line: i + 1, text: path });
    }
  });
  return hits;
}

const files = trackedFiles().filter((f) => f !== SELF);
const texts = files.map((file) => ({ file, text: textOf(file) })).filter((f) => f.text !== null) as {
  file: string;
  text: string;
}[];

describe('the repository stands on its own', () => {
  it('reads the tracked files', () => {
    expect(texts.map((t) => t.file)).toEqual(expect.arrayContaining(['README.md', 'package.json']));
  });

  it('names no path above its root (from the file, or from the root in a docs page)', () => {
    expect(texts.flatMap(({ file, text }) => escapingPaths(file, text))).toEqual([]);
  });

  it('names neither the brief documents nor the folder the checkout sits in', () => {
    const parent = dirname(ROOT);
    // A checkout directly under a shared system folder (/tmp, /home, /root…) names nothing of its own there:
    // docs rightly mention /tmp/… paths. Only a project folder of its own (/work/…) is looked for.
    const shared =
      parent === sep || /^(\/(tmp|var\/tmp|home|root|Users|srv|opt)|[A-Za-z]:\\?(Users|Temp)?)$/i.test(parent);
    const needles = [...OUTSIDE_DOCUMENTS, ...(shared ? [] : [`${parent}${sep}`])];
    const hits = texts.flatMap(({ file, text }) =>
      text
        .split('\n')
        .flatMap((line, i) => needles.filter((n) => line.includes(n)).map((n) => ({ file, line: i + 1, text: n }))),
    );
    expect(hits).toEqual([]);
  });

  it('points only to docs pages and images that exist', () => {
    const missing = texts
      .filter(({ file }) => /\.md$/i.test(file))
      .flatMap(({ file, text }) =>
        [...text.matchAll(/\bdocs\/[\w.-]+\.(?:md|png)\b|\]\(([\w./-]+\.(?:md|png))\)/g)]
          .map((m) => m[1] ?? m[0])
          .filter((path) => !existsSync(resolve(ROOT, path)) && !existsSync(resolve(ROOT, dirname(file), path)))
          .map((path) => ({ file, text: path })),
      );
    expect(missing).toEqual([]);
  });

  it('catches a README that points to a sibling folder from the root, and a docs page two levels up', () => {
    expect(escapingPaths('README.md', 'see `../brief/seeds/` for the texts')).toHaveLength(1);
    expect(escapingPaths('docs/forms-x.md', 'Seed: `../brief/seeds/004.txt`')).toHaveLength(1);
    expect(escapingPaths('docs/x.md', 'see [the reader](../../elsewhere.md)')).toHaveLength(1);
    expect(escapingPaths('docs/x.md', 'see [security](../SECURITY.md)')).toEqual([]);
    expect(escapingPaths('worker/cli/x.ts', "import { a } from '../../ui/finding-text.ts';")).toEqual([]);
    expect(escapingPaths('worker/cli/x.ts', "readFileSync('../../../brief/x.json')")).toHaveLength(1);
  });
});
