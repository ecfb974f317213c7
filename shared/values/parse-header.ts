// Reads a year column's header: "Ｈ29実績", "R2目標", "2020結果", "現状値（年度）", "目標値（2025 年）", "R3".
import { normalizeText } from './normalize.ts';
import { findYearSpans } from './year-spans.ts';
import type { HeaderKind, ParsedHeader } from './types.ts';

// Checked in this order: "R2実績見込" is an estimate, so 見込 wins over 実績.
const KINDS: readonly [RegExp, HeaderKind][] = [
  [/見込み?|見通し/, 'plan'],
  [/実績/, 'actual'],
  [/結果/, 'result'],
  [/目標/, 'target'],
  [/現状|基準|策定時|直近/, 'baseline'],
  [/計画|予定|工程/, 'plan'],
];

// Words a year header may carry besides its year and kind; anything else ("組織目標", "補足・参考指標") is no year header.
const FILLER =
  /成果指標と|数値|単年度|年度|前|値|年|度|末|時点|現在|まで|の|当初|最終|中間|年間|取組|[()・、:：\-~\s]/g;
const BARE_WESTERN_YEAR = /(?<!\d)((?:19|20|21)\d{2})(?!\d)/;
const KIND_WORDS: readonly RegExp[] = KINDS.map(([pattern]) => new RegExp(pattern.source, 'g'));

// Extractors ask about the same header texts once per variant and candidate row; remember the answers.
const MEMO_LIMIT = 10_000;
const memo = new Map<string, Omit<ParsedHeader, 'raw'>>();

/**
 * Reads a header into year (Western) and kind. A year alone ("R3", "H27年度", "2021") is a plan year,
 * as under 工程・数値目標; a kind alone ("実績", "前年度実績", "現状値（年度）") has year null. Other text —
 * labels that merely contain 目標, like "組織目標" — reads as { year: null, kind: null }.
 */
export function parseHeader(text: string): ParsedHeader {
  let known = memo.get(text);
  if (known === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    const { year, kind } = readHeader(text);
    known = { year, kind };
    memo.set(text, known);
  }
  return { raw: text, year: known.year, kind: known.kind };
}

function readHeader(text: string): ParsedHeader {
  const raw = text;
  const compact = normalizeText(text).replace(/\s+/g, '');
  const spans = findYearSpans(compact);
  let year = spans.find((span) => span.year !== null)?.year ?? null;
  let rest = spans.reduceRight((acc, span) => acc.slice(0, span.start) + acc.slice(span.end), compact);
  if (year === null) {
    const western = BARE_WESTERN_YEAR.exec(rest);
    if (western) {
      year = Number(western[1]);
      rest = rest.replace(western[0], '');
    }
  }
  const kind = KINDS.find(([pattern]) => pattern.test(rest))?.[1] ?? null;
  for (const pattern of KIND_WORDS) rest = rest.replace(pattern, '');
  const unexplained = rest.replace(FILLER, '');
  if (unexplained !== '' || compact === '') return { raw, year: null, kind: null };
  if (kind === null) return { raw, year, kind: year === null ? null : 'plan' };
  return { raw, year, kind };
}

/** True when a header names a year column (a year, with or without a kind). */
export function isYearHeader(text: string): boolean {
  return parseHeader(text).year !== null;
}
