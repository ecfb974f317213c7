import type { Measure, MeasureValue } from '../../model/record.ts';
import type { Finding } from '../../model/finding.ts';
import { finding } from '../finding.ts';
import { singleFigureTarget } from '../judged-comparison.ts';
import { short } from '../format.ts';
import type { Rule } from '../types.ts';
import { headerOf } from './measure-values.ts';

export const YEAR_JUMP = 'common/year-jump';

const RATIO = 10;
/** Below this the jump may be real growth (1 → 12 events), not a typo. */
const MIN_LARGER = 100;

function usable(v: MeasureValue | undefined): v is MeasureValue & { value: number } {
  return v !== undefined && !v.blank && v.value !== null && v.value > 0 && !v.cumulative;
}

/** The value each value is compared with: last year's actual, or this year's target for a result. */
function previousOf(measure: Measure, v: MeasureValue): MeasureValue | undefined {
  if (v.year === null) return undefined;
  if (v.kind === 'result') {
    const target = measure.values.find((p) => p.kind === 'target' && p.year === v.year);
    // A target of several numbers or against a base year is no figure to compare one result with.
    return target && singleFigureTarget(target, v.year) ? target : undefined;
  }
  return measure.values.find((p) => p.kind === 'actual' && p.year === v.year! - 1);
}

/** A value ten times (or a tenth of) the previous year's: usually a digit typed twice or dropped (16,600 for 1,660). */
export const yearJumpRule: Rule = {
  code: YEAR_JUMP,
  severity: 'warning',
  check: ({ record }) => {
    const out: Finding[] = [];
    for (const m of record.measures) {
      for (const v of m.values) {
        const p = previousOf(m, v);
        if (!usable(v) || !usable(p) || (v.unit && p.unit && v.unit !== p.unit)) continue;
        const ratio = Math.max(v.value, p.value) / Math.min(v.value, p.value);
        if (ratio < RATIO || Math.max(v.value, p.value) < MIN_LARGER) continue;
        out.push(
          finding(YEAR_JUMP, 'warning', v.cell, {
            name: short(m.name),
            header: headerOf(v),
            raw: v.raw,
            previousHeader: headerOf(p),
            previous: p.raw,
            ratio: Math.round(ratio * 10) / 10,
          }),
        );
      }
    }
    return out;
  },
};
