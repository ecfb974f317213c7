import { finding } from '../finding.ts';
import { short } from '../format.ts';
import type { Rule } from '../types.ts';

export const BRACKET_MISMATCH = 'common/bracket-mismatch';

const PAIRS: Readonly<Record<string, string>> = {
  '(': ')',
  '（': '）',
  '〔': '〕',
  '［': '］',
  '[': ']',
  '【': '】',
  '「': '」',
  '『': '』',
  '｛': '｝',
  '{': '}',
  '〈': '〉',
  '《': '》',
  '≪': '≫',
};
const CLOSERS = new Set(Object.values(PAIRS));
const ANY_BRACKET = new RegExp(`[${[...Object.keys(PAIRS), ...CLOSERS].map((c) => `\\${c}`).join('')}]`);

/** The first badly paired bracket in the text ("〔回)"), or null when every bracket closes with its own kind. */
export function mismatchedBracket(text: string): string | null {
  if (!ANY_BRACKET.test(text)) return null;
  const stack: { ch: string; at: number }[] = [];
  // Positions count code points, as the fragment is cut from them.
  let i = 0;
  for (const ch of text) {
    if (PAIRS[ch]) stack.push({ ch, at: i });
    else if (CLOSERS.has(ch)) {
      const open = stack.pop();
      if (!open) return [...text].slice(Math.max(0, i - 6), i + 1).join('');
      if (PAIRS[open.ch] !== ch) return [...text].slice(open.at, i + 1).join('');
    }
    i++;
  }
  const open = stack[0];
  return open ? [...text].slice(open.at, open.at + 8).join('') : null;
}

/** Mismatched or unclosed brackets in a measure's label, usually around its unit: "開催回数〔回)". */
export const bracketMismatchRule: Rule = {
  code: BRACKET_MISMATCH,
  severity: 'warning',
  check: ({ record }) =>
    record.measures.flatMap((m) => {
      const fragment = mismatchedBracket(m.name);
      return fragment === null
        ? []
        : [finding(BRACKET_MISMATCH, 'warning', m.cell, { name: short(m.name, 40), fragment })];
    }),
};
