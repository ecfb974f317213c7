import type { MeasureValue } from '../model/record.ts';
import { eraAbbreviation, toHalfWidth } from '../values/index.ts';
import { numberParts, relativeTarget } from './target-parts.ts';
import type { Figure } from './types.ts';

const NUMBER = /[0-9][0-9,]*(?:\.([0-9]+))?/;
const NUMBERS = /[0-9][0-9,]*(?:\.([0-9]+))?/g;
const MULTIPLIER = /[万億]|千円/;
const PLAIN = /^-?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)$/;
const PERCENT = /[%％]/;

/**
 * A value as the summary shows it: the number the reader found, an Excel number format that shows it as
 * staff wrote it (thousands separators when they wrote them or the number is large, the decimals they
 * wrote, "%"), and the text as written when it says more than the number (以上, 累計, a label, another
 * unit). A value without a number keeps its text; a blank cell is null.
 */
export function figureOf(
  v: MeasureValue | null | undefined,
  rowUnit: string | null,
  options: { showYear?: boolean } = {},
): Figure | null {
  if (!v) return null;
  if (options.showYear && v.year !== null && v.value !== null) {
    // A 現状値 column holds values of different years: the year shows beside each number ("86.5% (2019)").
    const plain = figureOf(v, rowUnit);
    return plain && plain.format ? { ...plain, format: `${plain.format}" (${v.year})"`.replace('""', '') } : plain;
  }
  // The common case first: plain digits, with or without thousands separators, say nothing more.
  if (v.value !== null && PLAIN.test(v.raw)) {
    const grouped = v.raw.includes(',') || Math.abs(v.value) >= 10_000;
    const format = rowUnit === '%' || v.unit === '%' ? (grouped ? '#,##0"%"' : '0"%"') : grouped ? '#,##0' : '0';
    return { value: v.value, format, text: v.raw, note: null, year: v.year };
  }
  const written = oneLine(v.raw);
  if (v.value === null)
    return written && !(v.blank && /^[－―\-—ー‐]+$/.test(written))
      ? { value: null, format: null, text: written, note: null, year: v.year }
      : null;
  // Several quantities in one cell (「青パト月4回 募集 年2回」): no one number stands for them, so the cell shows
  // the text as written, never its first number alone (判定 takes every part, or says 要確認).
  // A change against another year (「前年度比10%増」): its number is a rate of change, not the figure to reach.
  if (noSingleFigure(v)) return { value: null, format: null, text: written, note: null, year: v.year };
  const half = toHalfWidth(written);
  const multiplied = MULTIPLIER.test(half);
  // The number token the reader took: the one equal to the value (a label may hold other digits, "R2年度").
  const match = [...half.matchAll(NUMBERS)].find((m) => Number(m[0].replace(/,/g, '')) === Math.abs(v.value!));
  const decimals = multiplied ? 0 : Math.min(4, match ? (match[1]?.length ?? 0) : decimalsOf(v.value));
  const grouped = /[0-9],[0-9]{3}/.test(half) || multiplied || Math.abs(v.value) >= 10_000;
  const percent = (v.unit ?? rowUnit) === '%' || PERCENT.test(half);
  const format = `${grouped ? '#,##0' : '0'}${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}${percent ? '"%"' : ''}`;
  return {
    value: v.value,
    format,
    text: written,
    note: saysMore(half, rowUnit, v.year) ? written : null,
    year: v.year,
  };
}

/** True when the text holds more than the number, its separators, "%" and the row's unit. */
function saysMore(half: string, rowUnit: string | null, year: number | null): boolean {
  let rest = half;
  if (year !== null) rest = rest.replace(new RegExp(`[(（]\\s*${year}\\s*(?:年度?)?\\s*[)）]`), '');
  rest = rest.replace(NUMBER, '').replace(/[\s%％]/g, '');
  if (rowUnit) rest = rest.split(toHalfWidth(rowUnit)).join('');
  return rest.replace(/^[△▲-]/, '').length > 0;
}

function decimalsOf(n: number): number {
  const s = String(n);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A fiscal year as a header prefix: 2020 → "R2", 2017 → "H29"; nothing when unknown. */
export function eraOf(year: number | null): string {
  return year === null ? '' : eraAbbreviation(year);
}

/**
 * Whether a cell states several quantities (「青パト月4回 区だよりによる実施団体の募集 年2回」): then no one
 * number stands for it — the summary's cell, the open data's 値 and the judgement all take its text, never its
 * first number (`parseValue`'s `value` stays the principal number, for whoever reads one cell).
 */
export function severalQuantities(raw: string): boolean {
  return numberParts(raw).length > 1;
}

/**
 * Whether a value's number must not stand alone in a number column: several quantities in one cell, or a change
 * stated against another year (「前年度比10%増」 — 10 beside results of 525 reads as the target). The summary's cell
 * and the open data's 値 then show the text as written; the judgement compares it with its base year.
 */
export function noSingleFigure(v: Pick<MeasureValue, 'raw' | 'year'>): boolean {
  return severalQuantities(v.raw) || relativeTarget(v.raw, v.year) !== null;
}
