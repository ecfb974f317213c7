import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messagesOf } from '../../../shared/messages/index.ts';
import { FAMILY_RULES } from '../../../shared/rules/family-rules.ts';
import { COMMON_RULES, RULE_FAILED } from '../../../shared/rules/index.ts';

// Every finding code is tied to its wording and to its row in docs/validation.md, so a new rule cannot pass
// the tests while missing from the messages or the docs, and the docs cannot keep a rule that is gone.
// Codes are gathered from the rule registry (every family and the common rules), from every code literal in
// the rules' sources (a rule may report a few related codes), from the message catalogues, and from the
// identity checks the intake adds to a submission (`identity.*`).

const ROOT = resolve(import.meta.dirname, '../../..');
const DOC = 'docs/validation.md';
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const PREFIXES = ['common', 'internal', ...Object.keys(FAMILY_RULES)];
const RULE_CODE = new RegExp(`['"\`]((?:${PREFIXES.join('|')})/[a-z0-9-]+)['"\`]`, 'g');
const IDENTITY_CODE = /['"`](identity[./][a-z0-9-]+)['"`]/g;

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

function literals(files: readonly string[], pattern: RegExp): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(pattern)) if (!found.has(m[1]!)) found.set(m[1]!, file);
  }
  return found;
}

/** Rows of the docs' code tables: `| \`code\` | severity | … |`. */
function documentedRows(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of readFileSync(join(ROOT, DOC), 'utf8').split('\n')) {
    const m = /^\|\s*`([a-z-]+[/.][a-z0-9-]+)`\s*\|\s*([a-z]+)\s*\|/.exec(line);
    if (m) rows.set(m[1]!, m[2]!);
  }
  return rows;
}

const ruleSeverity = new Map<string, string>(
  [...COMMON_RULES, ...Object.values(FAMILY_RULES).flatMap((rules) => rules ?? [])].map((r) => [r.code, r.severity]),
);
const ruleSources = [...sources('shared/rules'), ...sources('shared/families')].filter(
  (f) => !f.endsWith('messages.ts') && !f.endsWith('spec.ts'),
);
const ruleCodes = new Set<string>([
  ...ruleSeverity.keys(),
  RULE_FAILED,
  ...literals(ruleSources, RULE_CODE).keys(),
  ...Object.keys(messagesOf('ja')),
  ...Object.keys(messagesOf('en')),
]);
const identityCodes = literals([...sources('shared'), ...sources('worker')], IDENTITY_CODE);

describe('finding codes', () => {
  it('finds the codes of all five families, the common rules and the identity checks', () => {
    for (const prefix of PREFIXES)
      expect(
        [...ruleCodes].some((c) => c.startsWith(`${prefix}/`)),
        prefix,
      ).toBe(true);
    expect(identityCodes.size).toBeGreaterThan(0);
  });

  it('gives every rule code a Japanese and an English message', () => {
    const ja = messagesOf('ja');
    const en = messagesOf('en');
    expect(
      [...ruleCodes].filter((code) => !ja[code]),
      'codes without a Japanese message',
    ).toEqual([]);
    expect(
      [...ruleCodes].filter((code) => !en[code]),
      'codes without an English message',
    ).toEqual([]);
    const sample = (template: unknown) =>
      typeof template === 'function'
        ? String((template as (p: Record<string, string>) => string)(new Proxy({}, { get: () => 'x' })))
        : String(template);
    expect(
      [...ruleCodes].filter((code) => !JAPANESE.test(sample(ja[code]))),
      'Japanese messages',
    ).toEqual([]);
  });

  it('gives every identity code a Japanese message where the finding is made', () => {
    const silent = [...identityCodes].filter(([code, file]) => {
      const text = readFileSync(file, 'utf8');
      const at = text.indexOf(`'${code}'`);
      const message = /message:\s*([`'"])([\s\S]*?)\1/.exec(text.slice(at, at + 800));
      return !messagesOf('ja')[code] && !(message && JAPANESE.test(message[2]!));
    });
    expect(silent.map(([code]) => code)).toEqual([]);
  });

  it(`has a row in ${DOC} for every code, with the severity the rule reports`, () => {
    const rows = documentedRows();
    const all = [...ruleCodes, ...identityCodes.keys()];
    expect(
      all.filter((code) => !rows.has(code)),
      `codes missing from ${DOC}`,
    ).toEqual([]);
    for (const [code, severity] of ruleSeverity) expect(rows.get(code), code).toBe(severity);
    for (const [code, severity] of rows) expect(['error', 'warning', 'info'], code).toContain(severity);
  });

  it(`keeps no row in ${DOC} for a code nothing reports`, () => {
    const known = new Set([...ruleCodes, ...identityCodes.keys()]);
    expect([...documentedRows().keys()].filter((code) => !known.has(code))).toEqual([]);
  });
});
