import type { FieldSpec } from '../../families/spec.ts';
import type { Finding } from '../../model/finding.ts';
import { finding } from '../finding.ts';
import { short } from '../format.ts';
import type { Rule } from '../types.ts';

export const TEXT_TOO_LONG = 'common/text-too-long';

/**
 * Characters a cell of each kind prints before text is cut off or shrinks unreadably. The Grid carries no
 * column widths, so these are per kind, set above what the forms' printed cells hold in practice.
 */
export const TEXT_LIMITS = {
  /** A value right of its label on the same row (組織名, 問合せ先). */
  field: 120,
  /** A narrative block (組織の目的, 取り組みについて). */
  narrative: 1000,
  /** A measure's name (指標 項目). */
  name: 80,
  /** Another column of a table (組織目標, 主な取組, 補足). */
  column: 300,
  /** One item of a numbered list (重点目標). */
  item: 400,
} as const;

function fieldLimit(spec: FieldSpec): number {
  return spec.direction === 'right' ? TEXT_LIMITS.field : TEXT_LIMITS.narrative;
}

function tooLong(text: string | null | undefined, limit: number): boolean {
  // No more UTF-16 units than the limit means no more characters either: skip the count.
  if (text === null || text === undefined || text.length <= limit) return false;
  return [...text.replace(/\s+/g, '')].length > limit;
}

/** Text so long it will not print in its cell. */
export const textTooLongRule: Rule = {
  code: TEXT_TOO_LONG,
  severity: 'warning',
  check: ({ record, extraction }) => {
    const out: Finding[] = [];
    const report = (cell: string, text: string, limit: number) =>
      out.push(
        finding(TEXT_TOO_LONG, 'warning', cell, {
          length: [...text.replace(/\s+/g, '')].length,
          limit,
          start: short(text, 20),
        }),
      );
    for (const spec of extraction.variant?.fields ?? []) {
      const field = record.fields?.[spec.key];
      if (field && spec.type !== 'date' && tooLong(field.value, fieldLimit(spec)))
        report(field.cell, field.value, fieldLimit(spec));
    }
    const seen = new Set<string>();
    for (const m of record.measures) {
      if (tooLong(m.name, TEXT_LIMITS.name)) report(m.cell, m.name, TEXT_LIMITS.name);
      for (const [key, text] of Object.entries(m.fields ?? {})) {
        const cell = m.cells?.[key];
        if (!cell || seen.has(cell) || !tooLong(text, TEXT_LIMITS.column)) continue;
        seen.add(cell);
        report(cell, text ?? '', TEXT_LIMITS.column);
      }
    }
    for (const [key, items] of Object.entries(record.items ?? {})) {
      if (key === 'groups') continue;
      for (const item of items) {
        if (item['cell'] && tooLong(item['text'], TEXT_LIMITS.item))
          report(item['cell'], item['text'] ?? '', TEXT_LIMITS.item);
      }
    }
    return out;
  },
};
