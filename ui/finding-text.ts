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
  /** The sheet the finding is on, when the source names it (the intake does; the pane's own check is the active sheet). */
  sheet?: string | null;
}

/**
 * A finding's sentence without the cell address it starts with, for lists that show the cell in a column
 * of their own: 「D15 の指標名…」→「指標名…」, 「H12（指標・R2目標）の…」→「指標・R2目標 の…」.
 */
export function messageWithoutCell(message: string, cell: string | null): string {
  if (!cell || !message.startsWith(cell)) return message;
  const rest = message
    .slice(cell.length)
    .replace(/^\s*の\s*/, '')
    .replace(/^\s*（([^（）]*)）/, '$1 ')
    .replace(/^\s*[:：]\s*/, '')
    .trimStart();
  return rest || message;
}

/** A fiscal year as Japanese offices write it, with the Western year after: 令和2年度（2020）. */
export function fiscalYearText(year: number | null): string {
  if (year === null) return '—';
  if (year >= 2019) return `令和${year === 2019 ? '元' : year - 2018}年度（${year}）`;
  if (year >= 1989) return `平成${year === 1989 ? '元' : year - 1988}年度（${year}）`;
  return `${year}年度`;
}

export function findingViews(findings: readonly Finding[]): FindingView[] {
  return findings
    .map((f, i) => ({
      key: `${i}:${f.code}:${f.cell ?? ''}`,
      severity: f.severity,
      code: f.code,
      cell: f.cell,
      message: findingText(f),
    }))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

export function countBySeverity(findings: readonly { severity: Severity }[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
