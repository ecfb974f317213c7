import type { Label } from '../../families/spec.ts';
import type { Finding } from '../../model/finding.ts';
import { finding } from '../finding.ts';
import { rowOfCell, short } from '../format.ts';
import type { Rule, RuleContext } from '../types.ts';

export const REQUIRED_EMPTY = 'common/required-empty';

/** The label as written on the sheet ("組織名（準部・課・機関名）"), for the message. */
function labelText(ctx: RuleContext, labels: readonly Label[]): string {
  const hit = ctx.extraction.index.findFirst(labels);
  return hit ? short(hit.text, 20) : '';
}

/** Fields and table columns the family's spec marks `required`, left empty. */
export const requiredEmptyRule: Rule = {
  code: REQUIRED_EMPTY,
  severity: 'error',
  check: (ctx) => {
    const { variant, tables, index } = ctx.extraction;
    const out: Finding[] = [];
    for (const spec of variant?.fields ?? []) {
      const field = ctx.record.fields?.[spec.key];
      if (!spec.required || !field || field.value.trim() !== '') continue;
      out.push(finding(REQUIRED_EMPTY, 'error', field.cell, { label: labelText(ctx, spec.label), name: null }));
    }
    const { view } = index;
    for (const table of tables) {
      for (const m of table.measures) {
        const tableSpec = variant?.tables?.find((t) => t.key === m.table) ?? variant?.tables?.[0];
        for (const spec of tableSpec?.columns ?? []) {
          const col = table.layout.columns.get(spec.key);
          if (!spec.required || col === undefined || spec.role === 'name') continue;
          const empty = spec.role === 'group' ? !m.group : !m.fields?.[spec.key];
          if (!empty) continue;
          const label = short(view.text(table.layout.headerRow, col) || view.text(table.layout.headerRow - 1, col), 20);
          const cell = m.cells?.[spec.key] ?? view.address(rowOfCell(m.cell), col);
          out.push(finding(REQUIRED_EMPTY, 'error', cell, { label, name: short(m.name) }));
        }
      }
    }
    return out;
  },
};
