import { unitFromLabel } from '../../extract/label-unit.ts';
import type { Measure, MeasureValue } from '../../model/record.ts';
import { canonicalUnit } from '../../values/index.ts';
import type { RuleContext } from '../types.ts';

/** A measure's value cell with what the common rules need to judge it. */
export interface ValueCell {
  measure: Measure;
  value: MeasureValue;
  /** The unit written in the measure's label ("（回）"), canonical; null when the label has none. */
  labelUnit: string | null;
}

/** Every value cell of every measure on the sheet. */
export function valueCells(ctx: RuleContext): ValueCell[] {
  const cells: ValueCell[] = [];
  for (const measure of ctx.record.measures) {
    const unit = unitFromLabel(measure.name);
    const labelUnit = unit === null ? null : canonicalUnit(unit);
    for (const value of measure.values) cells.push({ measure, value, labelUnit });
  }
  return cells;
}

/** True when the measure is counted in numbers: a unit in its label, or most reported values are numbers. */
export function isNumericMeasure(measure: Measure): boolean {
  if (unitFromLabel(measure.name) !== null) return true;
  const reported = measure.values.filter((v) => !v.blank);
  return reported.length > 0 && reported.filter((v) => v.value !== null).length * 2 > reported.length;
}

/** Column header for a message: as written, else year + kind. */
export function headerOf(value: MeasureValue): string {
  return value.header ?? `${value.year ?? ''}${value.kind}`;
}
