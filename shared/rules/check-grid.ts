import { extractSheet, type SheetExtraction } from '../extract/index.ts';
import { FAMILIES, type FamilySpec } from '../families/index.ts';
import type { Grid } from '../grid/index.ts';
import type { Finding } from '../model/finding.ts';
import type { SheetRecord } from '../model/record.ts';
import { renderFinding } from '../messages/index.ts';
import { runRules } from './engine.ts';
import { rulesFor } from './family-rules.ts';
import type { Phase } from './types.ts';

export interface CheckOptions {
  phase?: Phase;
  families?: readonly FamilySpec[];
}

/** The result of checking one sheet: what was read, in which phase, and what is wrong with it. */
export interface SheetCheck {
  extraction: SheetExtraction;
  record: SheetRecord;
  phase: Phase;
  findings: Finding[];
}

/** Extracts a sheet and runs its family's rules: the one entry point the add-in and the worker share. */
export function checkGrid(grid: Grid, options: CheckOptions = {}): SheetCheck {
  const extraction = extractSheet(grid, options.families ?? FAMILIES);
  const phase = options.phase ?? phaseOf(extraction.record, extraction.variant?.evaluatedWhen);
  const record = extraction.record;
  const findings: Finding[] = record.family ? runRules(rulesFor(record.family), { extraction, record, phase }) : [];
  record.findings = findings.map((f) => renderFinding(f));
  return { extraction, record, phase, findings };
}

/**
 * A sheet is in evaluation once what its form fills in at the end of the year is there: 評価日 by default, or
 * the variant's own `evaluatedWhen` entries — field keys, or `items.<list>.<key>` (a rating code of any action).
 */
export function phaseOf(record: SheetRecord, evaluatedWhen: readonly string[] = ['evaluatedOn']): Phase {
  const filled = evaluatedWhen.some((path) => {
    const [head, list, key] = path.split('.');
    if (head !== 'items') return Boolean(record.fields?.[path]?.value.trim());
    return (record.items?.[list ?? ''] ?? []).some((item) => Boolean(item[key ?? '']?.trim()));
  });
  return filled ? 'evaluation' : 'planning';
}
