// Japanese era years (和暦) and calendar dates, read into Western years.
import { normalizeText } from './normalize.ts';
import type { CalendarDate } from './types.ts';

/** The Western year before year 1 of each era, keyed by its kanji name and its initial. */
const ERA_OFFSET: Readonly<Record<string, number>> = {
  明治: 1867,
  M: 1867,
  大正: 1911,
  T: 1911,
  昭和: 1925,
  S: 1925,
  平成: 1988,
  H: 1988,
  令和: 2018,
  R: 2018,
};

/** Era names and initials as a regex alternation (initials upper-case only: "m2" is square metres). */
export const ERA_PATTERN = '明治|大正|昭和|平成|令和|[MTSHR]';

/** Converts an era year ("平成", 29 or "H", "元") to the Western year; null for an unknown era or year. */
export function eraYearToWestern(era: string, year: number | string): number | null {
  const offset = ERA_OFFSET[normalizeText(era).toUpperCase()];
  const n = typeof year === 'number' ? year : eraYearNumber(year);
  if (offset === undefined || n === null || !Number.isInteger(n) || n < 1 || n > 99) return null;
  return offset + n;
}

/** Reads the year number of an era year: "元" (the first year) → 1, "29" → 29. */
export function eraYearNumber(text: string): number | null {
  const t = normalizeText(text);
  if (t === '元') return 1;
  return /^\d{1,2}$/.test(t) ? Number(t) : null;
}

const FISCAL_YEAR = new RegExp(
  String.raw`^(?:(?:FY|fy)\s*(\d{4}|\d{2})|(\d{4})|(${ERA_PATTERN})\s*(元|\d{1,2}))\s*(?:年度|年|度)?$`,
);

/**
 * Reads a fiscal year written alone ("令和2年度", "R2", "H29年度", "2020年度", "FY2020") as a Western
 * year. Text with more around it counts when it names exactly one 年度 ("令和２年度 秋葉区組織目標").
 */
export function parseFiscalYear(text: string): number | null {
  const t = normalizeText(text);
  const m = FISCAL_YEAR.exec(t);
  if (m) {
    const [, fy, western, era, eraYear] = m;
    if (fy !== undefined) return plausibleYear(fy.length === 2 ? 2000 + Number(fy) : Number(fy));
    if (western !== undefined) return plausibleYear(Number(western));
    if (era !== undefined && eraYear !== undefined) return eraYearToWestern(era, eraYear);
  }
  const named = [...t.matchAll(EMBEDDED_FISCAL_YEAR)].map((e) =>
    e[1] !== undefined && e[2] !== undefined ? eraYearToWestern(e[1], e[2]) : plausibleYear(Number(e[3])),
  );
  const years = new Set(named.filter((y) => y !== null));
  return years.size === 1 ? ([...years][0] ?? null) : null;
}

const EMBEDDED_FISCAL_YEAR = new RegExp(
  String.raw`(?:(?<![A-Za-z])(${ERA_PATTERN})\s*(元|\d{1,2})|(?<![\d.,])(\d{4}))\s*年度`,
  'g',
);

function plausibleYear(year: number): number | null {
  return year >= 1868 && year <= 2199 ? year : null;
}

const ERA_DATE = new RegExp(
  String.raw`^(${ERA_PATTERN})(元|\d{1,2})(?:年(\d{1,2})月(\d{1,2})日?|([./-])(\d{1,2})\5(\d{1,2}))$`,
);
const WESTERN_DATE = /^(\d{4})(?:年(\d{1,2})月(\d{1,2})日?|([./-])(\d{1,2})\4(\d{1,2}))$/;
const WEEKDAY = /\((?:月|火|水|木|金|土|日)(?:曜日?)?\)$/;

/**
 * Reads a calendar date: "令和2年4月1日", "令和元年5月1日", "R2.4.1", "2020/4/1", "2020-04-01"; null when
 * the text is no date or the day does not exist ("令和2年2月30日"). Era boundaries are not enforced:
 * staff write "令和元年4月1日" for the start of FY2019 and mean it.
 */
export function parseJapaneseDate(text: string): CalendarDate | null {
  const t = normalizeText(text).replace(/\s+/g, '').replace(WEEKDAY, '');
  let year: number | null;
  let month: string | undefined;
  let day: string | undefined;
  const era = ERA_DATE.exec(t);
  if (era) {
    year = eraYearToWestern(era[1] ?? '', era[2] ?? '');
    month = era[3] ?? era[6];
    day = era[4] ?? era[7];
  } else {
    const western = WESTERN_DATE.exec(t);
    if (!western) return null;
    year = plausibleYear(Number(western[1]));
    month = western[2] ?? western[5];
    day = western[3] ?? western[6];
  }
  if (year === null || month === undefined || day === undefined) return null;
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(year, m)) return null;
  return { year, month: m, day: d };
}

/** The number of days in a month of the Gregorian calendar (1-based month). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The fiscal year (April to March) a calendar month falls in: 2021-03 → 2020. */
export function fiscalYearOf(year: number, month: number): number {
  return month <= 3 ? year - 1 : year;
}
