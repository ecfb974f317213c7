import type { Finding, Severity } from '../../../shared/model/finding.ts';
import type { SheetCheck } from '../../../shared/rules/index.ts';
import type { AnnotateOutcome, CellAnnotation } from '../excel/annotate-sheet.ts';
import {
  countBySeverity,
  findingText,
  findingViews,
  messageWithoutCell,
  SEVERITY_LABEL,
  SEVERITY_ORDER as ORDER,
  type FindingView,
} from '../../../ui/finding-text.ts';

export { countBySeverity, findingViews, type FindingView };

/** Which form the sheet is, as the pane's header shows it. */
export interface FormView {
  family: string;
  variant: string | null;
  templateVersion: string | null;
  organization: string | null;
  fiscalYear: number | null;
  phase: 'planning' | 'evaluation';
}

/** Everything the task pane renders after a check. */
export interface SheetView {
  sheet: string;
  form: FormView | null;
  findings: FindingView[];
  counts: Record<Severity, number>;
  outcome: AnnotateOutcome | null;
}

export function sheetView(check: SheetCheck, outcome: AnnotateOutcome | null): SheetView {
  const { extraction, record } = check;
  const form: FormView | null = extraction.family
    ? {
        family: extraction.family.title,
        variant: extraction.variant?.title ?? null,
        templateVersion: record.templateVersion ?? null,
        organization: record.organization,
        fiscalYear: record.fiscalYear,
        phase: check.phase,
      }
    : null;
  return {
    sheet: record.sheet,
    form,
    findings: findingViews(check.findings),
    counts: countBySeverity(check.findings),
    outcome,
  };
}

/** One annotation per flagged cell: its worst severity, every message on its own line (the note sits on the cell, so without its address). */
export function annotationsOf(findings: readonly Finding[]): CellAnnotation[] {
  const byCell = new Map<string, { severity: Severity; lines: string[] }>();
  for (const f of findings) {
    if (!f.cell) continue;
    const entry = byCell.get(f.cell) ?? { severity: f.severity, lines: [] };
    if (ORDER[f.severity] < ORDER[entry.severity]) entry.severity = f.severity;
    entry.lines.push(`${SEVERITY_LABEL[f.severity]}: ${messageWithoutCell(findingText(f), f.cell)}`);
    byCell.set(f.cell, entry);
  }
  return [...byCell].map(([cell, e]) => ({ cell, severity: e.severity, text: e.lines.join('\n') }));
}
