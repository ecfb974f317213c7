// Finds the year expressions inside normalised text, so that no year is ever read as a cell's value.
import { ERA_PATTERN, eraYearToWestern, fiscalYearOf } from './era.ts';

/** A year expression found in text: [start, end) offsets and the fiscal year it names (null when unknown). */
export interface YearSpan {
  start: number;
  end: number;
  year: number | null;
}

// Month (and day) written after a year: "年4月1日", ".3", ".4.1".
const DATE_TAIL = String.raw`(?:年\s*(\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?|\.(\d{1,2})(?:\.\d{1,2})?(?![\d.]))`;
// Words that stay with the year: "末までに", "中", "当初", "現在", "時点", "から", "以降".
const SUFFIX = String.raw`(?:\s*(?:末|中|当初|上半期|下半期))?(?:\s*(?:まで(?:に|で)?|現在|時点|から|以降))?`;
// A range's second year: "H29-31", "H29~R2年度".
const RANGE_TAIL = String.raw`(?:\s*[-~]\s*(?:(?:${ERA_PATTERN})\s*)?(?:元|\d{1,2}|\d{4})(?!\d)\s*(?:年度|年|度)?)?`;

interface YearRule {
  pattern: RegExp;
  read: (m: RegExpExecArray) => number | null;
}

const rules: YearRule[] = [
  {
    // 平成29年度, H29, R2.4.1, 令和2年4月1日, H30年中, H29-31
    pattern: new RegExp(
      String.raw`(?<![A-Za-z])(${ERA_PATTERN})\s*(元|\d{1,2})(?!\d)(?:\s*(?:年度|度)|${DATE_TAIL}|\s*年)?${SUFFIX}${RANGE_TAIL}`,
      'g',
    ),
    read: (m) => withMonth(eraYearToWestern(m[1] ?? '', m[2] ?? ''), m[3] ?? m[4]),
  },
  {
    // 2020年度, 2019年, 2020年4月
    pattern: new RegExp(
      String.raw`(?<![\d.,])((?:18|19|20|21)\d{2})\s*(?:年度|年(?:\s*(\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?)?)${SUFFIX}${RANGE_TAIL}`,
      'g',
    ),
    read: (m) => withMonth(Number(m[1]), m[2]),
  },
  {
    // 2020/4/1, 2020-04-01, 2021/3
    pattern: /(?<![\d.,])((?:19|20|21)\d{2})(?:\/(\d{1,2})(?:\/\d{1,2})?|-(\d{1,2})-\d{1,2})(?![\d.])/g,
    read: (m) => withMonth(Number(m[1]), m[2] ?? m[3]),
  },
  {
    // FY2020, FY20
    pattern: /(?<![A-Za-z])FY\s*(\d{4}|\d{2})(?!\d)/gi,
    read: (m) => (m[1]?.length === 2 ? 2000 + Number(m[1]) : Number(m[1])),
  },
  {
    // (2019), (2019年度) — a Western year alone in brackets, as in "86.5（2019）"
    pattern: /\(\s*((?:18|19|20|21)\d{2})\s*(?:年度|年)?\s*\)/g,
    read: (m) => Number(m[1]),
  },
  {
    // 26年度 without an era: a year, but which one the text does not say
    pattern: new RegExp(String.raw`(?<![\d.,])\d{1,2}\s*年度${SUFFIX}`, 'g'),
    read: () => null,
  },
];

/** Reads a year span's fiscal year: a month from January to March belongs to the year before. */
function withMonth(year: number | null, month: string | undefined): number | null {
  if (year === null || month === undefined) return year;
  const m = Number(month);
  return m >= 1 && m <= 12 ? fiscalYearOf(year, m) : year;
}

/** Every year expression in normalised text, in order, without overlaps (the earliest, then longest, wins). */
export function findYearSpans(text: string): YearSpan[] {
  const found: YearSpan[] = [];
  for (const rule of rules) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m !== null; m = rule.pattern.exec(text)) {
      found.push({ start: m.index, end: m.index + m[0].length, year: rule.read(m) });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const spans: YearSpan[] = [];
  for (const span of found) {
    const last = spans[spans.length - 1];
    if (last && span.start < last.end) continue;
    spans.push(span);
  }
  return spans;
}
