import { toHalfWidth } from '../../values/index.ts';
import { finding } from '../finding.ts';
import { short } from '../format.ts';
import type { Rule } from '../types.ts';
import { headerOf, isNumericMeasure, valueCells } from './measure-values.ts';

export const NUMBER_UNREADABLE = 'common/number-unreadable';

// Text that is meant as a number: digits, separators and look-alike letters (O for 0, l/I for 1) only.
const NUMBER_LIKE = /^[-+△▲]?[\dOoIl,.\s]+$/;
const WELL_FORMED = /^[-+△▲]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** Reads like a number but is not one: "1,0OO", "1.2.3", "12,34". */
export function isBrokenNumber(raw: string, unit: string | null): boolean {
  let t = toHalfWidth(raw)
    .trim()
    .replace(/[％%]$/, '');
  if (unit && t.endsWith(unit)) t = t.slice(0, -unit.length).trim();
  if (!/\d/.test(t) || !NUMBER_LIKE.test(t)) return false;
  return !WELL_FORMED.test(t.replace(/\s+/g, ''));
}

/** A value that does not parse where the measure is counted in numbers. */
export const numberUnreadableRule: Rule = {
  code: NUMBER_UNREADABLE,
  severity: 'error',
  check: (ctx) =>
    valueCells(ctx)
      .filter(({ measure, value, labelUnit }) => {
        if (value.blank || value.raw === '') return false;
        if (isBrokenNumber(value.raw, labelUnit)) return true;
        return value.value === null && isNumericMeasure(measure) && !JAPANESE.test(value.raw);
      })
      .map(({ measure, value }) =>
        finding(NUMBER_UNREADABLE, 'error', value.cell, {
          name: short(measure.name),
          header: headerOf(value),
          raw: value.raw,
        }),
      ),
};
