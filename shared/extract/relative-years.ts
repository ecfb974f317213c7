import type { Measure } from '../model/record.ts';
import { parseValue } from '../values/index.ts';
import type { TableRead } from './table.ts';

/**
 * Finishes the values of named year columns (spec `years.named`): 前年度/今年度 get the sheet's 年度 plus
 * their offset, and a cell written "指標名：8.0％" is read from the text after its last colon.
 */
export function resolveNamedYears(tables: readonly TableRead[], fiscalYear: number | null): void {
  for (const table of tables) {
    const named = table.layout.years.map((y, i) => ({ y, i })).filter(({ y }) => y.year === null);
    if (named.length === 0) continue;
    for (const measure of table.measures) for (const { y, i } of named) resolveValue(measure, i, y.offset, fiscalYear);
  }
}

function resolveValue(measure: Measure, i: number, offset: number | undefined, fiscalYear: number | null): void {
  const value = measure.values[i];
  if (!value) return;
  const tail = /[:：]([^:：]*)$/.exec(value.raw)?.[1]?.trim();
  if (tail) {
    const parsed = parseValue(tail);
    Object.assign(value, {
      value: parsed.value,
      comparator: parsed.comparator,
      blank: parsed.blank,
      unit: parsed.unit,
      cumulative: parsed.cumulative,
    });
    if (value.year === null) value.year = parsed.year;
  }
  if (offset !== undefined && fiscalYear !== null) value.year = fiscalYear + offset;
}
