import { finding } from '../finding.ts';
import { short } from '../format.ts';
import type { Rule } from '../types.ts';

export const BRACKET_MISMATCH = 'common/bracket-mismatch';

const PAIRS: Readonly<Record<string, string>> = {
  '(': ')', '（': '）', '〔': '〕', '［': '］', '[': ']', '【': '】', '「': '」', '『': '』', '｛': '｝', '{': '}', '〈': '〉', '《': '》', '≪': '≫',
};
const CLOSERS = new Set(Object.values(PAIRS));

/** The first badly paired bracket in the text ("〔回)"), or null when every bracket closes with its own kind. */
export function mismatchedBracket(text: string): string | null {
  const stack: { ch: string; at: number }[] = [];
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (PAIRS[ch]) stack.push({ ch, at: i });
    else if (CLOSERS.has(ch)) {
      const open = stack.pop();
      if (!open) return chars.slice(Math.max(0, i - 6), i + 1).join('');
      if (PAIRS[open.ch] !== ch) return chars.slice(open.at, i + 1).join('');
    }
  }
  const open = stack[0];
  return open ? chars.slice(open.at, open.at + 8).join('') : null;
}

/** Mismatched or unclosed brackets in a measure's label, usually around its unit: "開催回数〔回)". */
export const bracketMismatchRule: Rule = {
  code: BRACKET_MISMATCH,
  severity: 'warning',
  check: ({ record }) =>
    record.measures.flatMap((m) => {
      const fragment = mismatchedBracket(m.name);
      return fragment === null ? [] : [finding(BRACKET_MISMATCH, 'warning', m.cell, { name: short(m.name, 40), fragment })];
    }),
};
