import { renderFinding } from '../shared/messages/index.ts';
import type { Finding, Severity } from '../shared/model/finding.ts';

/** The order findings are listed in: errors first. */
export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'エラー', warning: '警告', info: '情報' };

/** The Japanese sentence of a finding: the server's own wording when it sent one, else the shared catalogue's. */
export function findingText(finding: Finding): string {
  const message = finding.params['message'];
  if (typeof message === 'string' && message) return message;
  return renderFinding(finding, 'ja').message;
}

/** A finding as the pane and the console list it. */
export interface FindingView {
  key: string;
  severity: Severity;
  code: string;
  cell: string | null;
  message: string;
}

export function findingViews(findings: readonly Finding[]): FindingView[] {
  return findings
    .map((f, i) => ({ key: `${i}:${f.code}:${f.cell ?? ''}`, severity: f.severity, code: f.code, cell: f.cell, message: findingText(f) }))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export function countBySeverity(findings: readonly { severity: Severity }[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

