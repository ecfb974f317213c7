import { eraYearToWestern } from '../values/era.ts';
import { toHalfWidth } from '../values/index.ts';
import { eraAbbreviation } from '../values/format-year.ts';

/** One number of a target or result, with the words around it ("月4回"). */
export interface NumberPart {
  value: number;
  text: string;
}

/** Years, periods and dates that name when, not how much: "H29年度までに", "2025年", "3月末までに". */
const WHEN =
  /(?:平成|令和|昭和|[HRS])\s*(?:元|\d{1,2})\s*(?:年度|年)?(?:末|中)?(?:まで(?:に)?)?|(?:19|20)\d{2}\s*(?:年度|年)(?:末|中)?(?:まで(?:に)?)?|\d{1,2}月(?:末|中|上旬|中旬|下旬)?(?:まで(?:に)?)|\(.*?\)/g;

/**
 * The quantities a target or result states, once the years and dates in it are taken out: "青パト月4回
 * 区だよりによる実施団体の募集 年2回" → 月4回, 年2回; "H29年度までに50％以上" → 50.
 */
export function numberParts(raw: string): NumberPart[] {
  const text = toHalfWidth(raw).replace(/，/g, ',').replace(WHEN, ' ');
  const parts: NumberPart[] = [];
  for (const m of text.matchAll(/((?:毎|年間|月間)?[年月週日]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([^\s\d、,・]{0,3})/g)) {
    const value = Number(`${m[2]!.replace(/,/g, '')}${m[3] ?? ''}`);
    parts.push({ value, text: m[0].trim() });
  }
  return parts;
}

/** A target stated against another year's figure: 「R1比で減らす」, 「前年度比10%増」, 「H30年度実績以上」. */
export interface RelativeTarget {
  baseYear: number;
  /** How the result must move from the base: fall, rise, or stay at least as high (維持). */
  change: 'lower' | 'higher' | 'keep';
  /** A percentage of change the target names (10 for 「10%増」), null when it names none. */
  percent: number | null;
  /** Whether reaching the base (or the threshold) exactly counts: 以上/以下/維持 do, 減らす/増やす do not. */
  inclusive: boolean;
}

const BASE =
  /(?:(平成|令和|[HR])\s*(元|\d{1,2})|((?:19|20)\d{2})|(前年度|昨年度|前年))\s*(?:年度|年)?\s*(?:の)?(?:実績|値|数値)?\s*(?:比|と比べ|に比べ|より|から|を|以上|以下|並み|水準)/;
const LOWER = /減|下回|削減|抑|低/;
const HIGHER = /増|上回|伸|以上|向上|高/;

/** Reads a target stated against a base year; null when the target names no base year. */
export function relativeTarget(raw: string, fiscalYear: number | null): RelativeTarget | null {
  const text = toHalfWidth(raw).replace(/\s+/g, '');
  const m = BASE.exec(text);
  if (!m) return null;
  let baseYear: number | null = null;
  if (m[1] !== undefined && m[2] !== undefined) baseYear = eraYearToWestern(m[1], m[2]);
  else if (m[3] !== undefined) baseYear = Number(m[3]);
  else if (m[4] !== undefined && fiscalYear !== null) baseYear = fiscalYear - 1;
  if (baseYear === null) return null;
  const rest = text.slice(m.index + m[0].length - 2);
  const percent = /(\d+(?:\.\d+)?)\s*%/.exec(rest);
  const change = /維持|並み|水準/.test(rest)
    ? 'keep'
    : LOWER.test(rest)
      ? 'lower'
      : HIGHER.test(rest)
        ? 'higher'
        : null;
  if (change === null) return null;
  return {
    baseYear,
    change,
    percent: percent ? Number(percent[1]) : null,
    inclusive: change === 'keep' || /以上|以下/.test(rest),
  };
}

/** "R1" as staff write the base year, for the judgement's wording. */
export function baseYearWord(year: number): string {
  return eraAbbreviation(year);
}
