import { finding } from '../finding.ts';
import { short } from '../format.ts';
import type { Rule } from '../types.ts';
import { headerOf, valueCells } from './measure-values.ts';

export const UNIT_MISMATCH = 'common/unit-mismatch';

// Counters a label names; a value with another of them (or ％ against a count) contradicts the label.
const COUNTERS = new Set([
  '%',
  '人',
  '回',
  '件',
  '冊',
  '円',
  '講座',
  '店舗',
  '世帯',
  '団体',
  '箇所',
  '校',
  '日',
  '時間',
  't',
  'kg',
  'g',
  '事業',
  '本',
  '台',
  '戸',
  '社',
  '組',
  '部',
  '枚',
  '点',
  '歳',
  '館',
  '施設',
  '地区',
  '教室',
  '冊数',
  '食',
  '票',
  'km',
  'm',
  'ha',
  '㎡',
]);
const SAME: Readonly<Record<string, string>> = {
  名: '人',
  か所: '箇所',
  ヶ所: '箇所',
  カ所: '箇所',
  ケ所: '箇所',
  ヵ所: '箇所',
  千円: '円',
  万円: '円',
  m2: '㎡',
};

function canon(unit: string): string {
  const u = unit.replace('％', '%');
  return SAME[u] ?? u;
}

/** True when the two units name different things (％ against 回, 人 against 件). */
export function unitsContradict(labelUnit: string, valueUnit: string): boolean {
  const a = canon(labelUnit);
  const b = canon(valueUnit);
  if (a === b || a.toLowerCase() === b.toLowerCase()) return false;
  if (a === '%' || b === '%') return true;
  return COUNTERS.has(a) && COUNTERS.has(b);
}

/** A unit typed in the value that contradicts the unit in the label ("50％" in a （回） row). */
export const unitMismatchRule: Rule = {
  code: UNIT_MISMATCH,
  severity: 'warning',
  check: (ctx) =>
    valueCells(ctx)
      .filter(
        ({ value, labelUnit }) =>
          !value.blank && labelUnit !== null && value.unit && unitsContradict(labelUnit, value.unit),
      )
      .map(({ measure, value, labelUnit }) =>
        finding(UNIT_MISMATCH, 'warning', value.cell, {
          name: short(measure.name),
          header: headerOf(value),
          raw: value.raw,
          unit: value.unit ?? null,
          labelUnit,
        }),
      ),
};
