import { finding } from '../finding.ts';
import { short } from '../format.ts';
import type { Rule } from '../types.ts';
import { headerOf, valueCells } from './measure-values.ts';

export const RATE_OVER_100 = 'common/rate-over-100';

// Ratios that may exceed 100% by nature: against last year, growth, multiples.
const MAY_EXCEED = /比|増加|伸び|倍|成長|前年|対比|増減/;

/** A percentage above 100 in a rate that cannot exceed it (実施率 120%). */
export const rateOver100Rule: Rule = {
  code: RATE_OVER_100,
  severity: 'warning',
  check: (ctx) =>
    valueCells(ctx)
      .filter(
        ({ measure, value, labelUnit }) =>
          !value.blank &&
          value.value !== null &&
          value.value > 100 &&
          (value.unit === '%' || labelUnit === '%') &&
          !MAY_EXCEED.test(measure.name),
      )
      .map(({ measure, value }) =>
        finding(RATE_OVER_100, 'warning', value.cell, {
          name: short(measure.name),
          header: headerOf(value),
          raw: value.raw,
        }),
      ),
};
