// Reads a cell value as staff typed it: "１，６６０", "16講座実施", "H29年度までに50％以上", "15（累計）", "－".
import { normalizeText, toHalfWidth } from './normalize.ts';
import { findYearSpans } from './year-spans.ts';
import { findNumbers, type NumberToken } from './numbers.ts';
import { canonicalUnit } from './units.ts';
import type { Comparator, ParsedValue } from './types.ts';

/** What the caller already knows about the cell, e.g. the unit from the label "項目（単位）". */
export interface ValueHint {
  unit?: string | null;
}

const MASK = '\u0000';

// Scores for choosing the principal number among several in one cell.
const SCORE_HINT_UNIT = 8;
const SCORE_UNIT = 4;
const SCORE_LABELLED = 2;

/**
 * Reads a cell's text into value, unit, comparator, year, 累計 and blank (`parse value`, docs/api.md).
 * Never throws. Year expressions are masked before numbers are read, so "H29年度までに50％以上" is 50,
 * not 29. When a cell holds several numbers, the principal one is the number carrying a unit (the
 * caller's hinted unit first), preferably right after a label word such as 数/率/：/年間
 * ("西区3図書館の貸出冊数 177,998冊" → 177998); ties go to the first. Qualitative text with a number
 * still yields that number ("青パト月4回…" → 4 回): the number is what a reviewer would compare.
 */
export function parseValue(text: string, hint: ValueHint = {}): ParsedValue {
  const raw = text;
  const norm = normalizeText(text);
  const spans = findYearSpans(norm);
  // A base year ("平成25年度比で1.3%減") is no year of the value.
  const year = spans.find((span) => span.year !== null && norm[span.end] !== '比')?.year ?? null;
  const cumulative = /累計|累積/.test(norm);
  const masked = maskSpans(norm, spans);
  const numbers = findNumbers(masked);
  const result = { raw, value: null, unit: null, comparator: null, year, cumulative, blank: false };

  if (isBlank(norm, masked, numbers)) return { ...result, blank: true };
  const principal = choosePrincipal(numbers, hint.unit ?? null);
  if (!principal) return { ...result, comparator: KEEP_ALONE.test(norm) ? '>=' : null };
  const next = numbers.find((n) => n.start > principal.start)?.start ?? masked.length;
  const comparator = principal.prefixComparator ?? comparatorAfter(masked, principal.end, next);
  return { raw, value: principal.value, unit: principal.unit, comparator, year, cumulative, blank: false };
}

/** Replaces year expressions and 【…】 reference marks with NUL characters, keeping offsets. */
function maskSpans(norm: string, spans: { start: number; end: number }[]): string {
  const chars = norm.split('');
  const all = [
    ...spans,
    ...[...norm.matchAll(/【[^】]*】/g)].map((m) => ({ start: m.index, end: m.index + m[0].length })),
  ];
  for (const { start, end } of all) {
    for (let i = start; i < end; i++) chars[i] = MASK;
  }
  return chars.join('');
}

// Cells meaning "no value": dashes alone (after year notes are masked), and no-value notes.
const DASH_ONLY = /^[-ー一/~_\s]+$/;
const NO_VALUE_WORDS = /^\(?(?:なし|無し|該当なし|該当無し|非該当|対象外|中止|n\/?a)\)?$/i;
const NO_VALUE_NOTE =
  /実績(?:なし|無し|がない)|データ(?:なし|無し)|該当(?:なし|無し)|事業(?:終了|廃止)|中止|休止|(?:新規|未実施)(?:事業)?のため|^\(?新規(?:事業)?\)?$|対象外|未集計|集計中|調査中/i;

// A result still being counted (「集計中（5月確定）」): no value yet, but the cell is not empty — it says when.
const NOT_FINAL = /集計中|未集計|調査中|未確定|確定待ち|確定(?:予定|見込み)|\d+月確定/;

/** Whether a value cell says its figure is not final yet (集計中, 未確定, 5月確定): not a missing value. */
export function isNotFinal(raw: string): boolean {
  return NOT_FINAL.test(toHalfWidth(raw));
}

/**
 * Blank means "no value reported": empty, a dash (－ ― - — ‐ ー), or a note such as
 * "(R3新規事業のため実績なし)" / "(R3で事業終了)". "未実施" is not blank: it reports that a
 * qualitative target ("実施") was not met, which a reviewer must see.
 */
function isBlank(norm: string, masked: string, numbers: NumberToken[]): boolean {
  if (norm === '') return true;
  const rest = masked.replaceAll(MASK, '').trim();
  if (rest !== '' && DASH_ONLY.test(rest)) return true;
  if (NO_VALUE_WORDS.test(rest)) return true;
  return NO_VALUE_NOTE.test(norm) && numbers.length === 0;
}

function choosePrincipal(numbers: NumberToken[], hintUnit: string | null): NumberToken | undefined {
  const wanted = hintUnit === null || hintUnit.trim() === '' ? null : canonicalUnit(hintUnit);
  let best: NumberToken | undefined;
  let bestScore = -Infinity;
  for (const n of numbers) {
    let score = 0;
    if (n.unit !== null) score += wanted !== null && n.unit === wanted ? SCORE_HINT_UNIT : SCORE_UNIT;
    if (n.labelled) score += SCORE_LABELLED;
    if (score > bestScore) {
      best = n;
      bestScore = score;
    }
  }
  return best;
}

// "99.0（維持）": 維持 keeps at least the baseline. A bare "現状維持" keeps it too, with no number.
const KEEP_ALONE = /^\(?(?:現状(?:値)?を?)?維持\)?$/;

const IMMEDIATE: readonly [RegExp, Comparator][] = [
  [/^(?:以上|を維持|維持)/, '>='],
  [/^(?:以下|以内)/, '<='],
  [/^未満/, '<'],
  [/^(?:を超える|を超え|超え|超|を上回)/, '>'],
  [/^(?:を下回)/, '<'],
];
const LATER = /以上|以下|以内|未満|を超え|超える|超え|を上回|を下回|維持(?!管理)/;

/** The comparator written after the principal number: right after it ("50%以上", "90.0 未満", "99.0(維持)") or before the next number. */
function comparatorAfter(masked: string, end: number, next: number): Comparator | null {
  const after = masked.slice(end).replace(/^[\s(]+/, '');
  for (const [pattern, comparator] of IMMEDIATE) {
    if (pattern.test(after)) return comparator;
  }
  const later = LATER.exec(masked.slice(end, next))?.[0];
  if (later === undefined) return null;
  const found = IMMEDIATE.find(([pattern]) => pattern.test(later));
  return found?.[1] ?? null;
}
