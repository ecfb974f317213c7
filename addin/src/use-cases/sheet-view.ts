import type { Finding, Severity } from '../../../shared/model/finding.ts';
import type { Phase, SheetCheck } from '../../../shared/rules/index.ts';
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
import { sheetFacts, type SheetFact } from '../../../ui/sheet-facts.ts';

export { countBySeverity, findingViews, type FindingView };

/** Which form the sheet is, as the pane's header shows it. */
export interface FormView {
  family: string;
  variant: string | null;
  templateVersion: string | null;
  organization: string | null;
  fiscalYear: number | null;
  phase: Phase;
}

/** How the write went, with the reason in Japanese when Excel refused it. */
export type OutcomeView = AnnotateOutcome & { writeError: string | null };

/** Everything the task pane renders after a check. */
export interface SheetView {
  sheet: string;
  form: FormView | null;
  /** What the check recognised (様式, 団体, 課, 年度, 指標), empty for a sheet that is not a form. */
  facts: SheetFact[];
  findings: FindingView[];
  counts: Record<Severity, number>;
  outcome: OutcomeView | null;
  /**
   * When 自動 read the sheet as 計画 (its evaluation entries such as 評価日 are blank, as the intake reads
   * it too): what the same sheet checked as 評価 would find, so staff at year end see it is one click away.
   */
  otherPhase: { phase: Phase; counts: Record<Severity, number> } | null;
}

export function sheetView(
  check: SheetCheck,
  outcome: OutcomeView | null,
  otherPhase: SheetView['otherPhase'] = null,
): SheetView {
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
    facts: form ? sheetFacts(record, form) : [],
    findings: findingViews(check.findings),
    counts: countBySeverity(check.findings),
    outcome,
    otherPhase,
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
