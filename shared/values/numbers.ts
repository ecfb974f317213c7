// Finds the numbers written in a cell's text, each with its sign, multiplier (万/億/千) and unit.
import { readUnit } from './units.ts';
import type { Comparator } from './types.ts';

/** A number found in normalised, year-masked text. */
export interface NumberToken {
  start: number;
  /** Offset after the number, its multiplier and its unit. */
  end: number;
  value: number;
  unit: string | null;
  /** Written right after a label word ("登録者数3,520人", "割合：75.0%", "年間2万株"). */
  labelled: boolean;
  /** A comparator sign written before the number ("≧50%"). */
  prefixComparator: Comparator | null;
}

// "1,843", "4,597,752" (thousands groups) or plain digits, then decimals.
const NUMBER = /(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.(\d+))?/g;
const MULTIPLIERS: readonly [string, number][] = [
  ['百万', 6],
  ['千万', 7],
  ['億', 8],
  ['万', 4],
  ['千', 3],
];
// A number right after one of these is the cell's measured value rather than part of a name.
const LABEL_END = /[数率:：計額量高度=・年月週間約]/;
const NEGATIVE_MARK = /[△▲]/;
const PREFIX_COMPARATORS: readonly [string, Comparator][] = [
  ['>=', '>='],
  ['≧', '>='],
  ['≥', '>='],
  ['<=', '<='],
  ['≦', '<='],
  ['≤', '<='],
  ['>', '>'],
  ['<', '<'],
];

/** Every number in the text that can be a value: years must already be masked; months ("5月"), ordinals ("第3次") and list marks ("(1)…") are skipped. */
export function findNumbers(masked: string): NumberToken[] {
  const tokens: NumberToken[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(masked); m !== null; m = NUMBER.exec(masked)) {
    const start = m.index;
    const digits = m[1] ?? '';
    const fraction = m[2] ?? '';
    let end = start + m[0].length;
    const before = masked[start - 1];
    if (before !== undefined && /[A-Za-z.]/.test(before)) continue; // "Society5.0", "No.3"
    if (masked[end] === '月') continue; // a month, "5月"
    if (masked[start - 1] === '第') continue; // an ordinal names something: "第3次", "第5世代"
    if (isListMark(masked, start, end)) continue;

    let exponent = 0;
    const multiplier = MULTIPLIERS.find(([word]) => masked.startsWith(word, end));
    if (multiplier) {
      exponent = multiplier[1];
      end += multiplier[0].length;
    }
    const unit = readUnit(masked, end);
    if (!unit && /[A-Za-z]/.test(masked[end] ?? '')) continue; // part of a name: "5G", "3D"
    if (unit) {
      end = unit.end;
      NUMBER.lastIndex = end;
    }
    const sign = signBefore(masked, start);
    tokens.push({
      start: sign.start,
      end,
      value: sign.negative * scaled(digits.replaceAll(',', ''), fraction, exponent),
      unit: unit?.unit ?? null,
      labelled: isLabelled(masked, sign.start),
      prefixComparator: comparatorBefore(masked, sign.start),
    });
  }
  return withRangeUnits(masked, tokens);
}

/** "10～20回": the first number of a range shares the unit written after the second. */
function withRangeUnits(masked: string, tokens: NumberToken[]): NumberToken[] {
  return tokens.map((token, i) => {
    const next = tokens[i + 1];
    if (token.unit !== null || next === undefined || next.unit === null) return token;
    return /^\s*[~-]\s*$/.test(masked.slice(token.end, next.start)) ? { ...token, unit: next.unit } : token;
  });
}

/** Exact decimal scaling: "1.1" × 10^4 is 11000, not 11000.000000000002. */
function scaled(integer: string, fraction: string, exponent: number): number {
  const value = Number(`${integer}${fraction}e${exponent - fraction.length}`);
  return value === 0 ? 0 : value;
}

/** △ and ▲ mean minus in Japanese accounts; "-" does when it starts the text or follows a space or bracket. */
function signBefore(masked: string, start: number): { start: number; negative: 1 | -1 } {
  let i = start - 1;
  if (masked[i] === ' ') i--;
  const mark = masked[i];
  if (mark !== undefined && NEGATIVE_MARK.test(mark)) return { start: i, negative: -1 };
  if (mark === '-' && (i === 0 || /[\s(:：=]/.test(masked[i - 1] ?? ''))) return { start: i, negative: -1 };
  return { start, negative: 1 };
}

/** "(1)…" or "(２)" opening a cell numbers an item; it is no quantity. */
function isListMark(masked: string, start: number, end: number): boolean {
  return start === 1 && masked[0] === '(' && masked[end] === ')';
}

/** Looks back over spaces, masked years and a bracketed note ("数(累計) 52件") for a label word. */
function isLabelled(masked: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0) {
    const c = masked[i];
    if (c === ' ' || c === '\u0000' || c === '(') {
      i--;
    } else if (c === ')') {
      const open = masked.lastIndexOf('(', i);
      if (open < 0) return false;
      i = open - 1;
    } else {
      return c !== undefined && LABEL_END.test(c);
    }
  }
  return false;
}

function comparatorBefore(masked: string, start: number): Comparator | null {
  const before = masked.slice(Math.max(0, start - 2), start).trimEnd();
  for (const [sign, comparator] of PREFIX_COMPARATORS) {
    if (before.endsWith(sign)) return comparator;
  }
  return null;
}
