import { renderFinding } from '../../../shared/messages/index.ts';
import type { Finding, Severity } from '../../../shared/model/finding.ts';

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'エラー', warning: '警告', info: '情報' };

/** The Japanese sentence of a finding: the server's own wording when it sent one, else the shared catalogue's. */
export function findingText(finding: Finding): string {
  const message = finding.params['message'];
  if (typeof message === 'string' && message) return message;
  return renderFinding(finding, 'ja').message;
}
