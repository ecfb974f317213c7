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
  const phase = options.phase ?? phaseOf(extraction.record);
  const record = extraction.record;
  const findings: Finding[] = record.family ? runRules(rulesFor(record.family), { extraction, record, phase }) : [];
  record.findings = findings.map((f) => renderFinding(f));
  return { extraction, record, phase, findings };
}

/** A sheet is in evaluation once its 評価日 (or result narrative) is filled in. */
export function phaseOf(record: SheetRecord): Phase {
  return record.fields?.['evaluatedOn']?.value ? 'evaluation' : 'planning';
}
