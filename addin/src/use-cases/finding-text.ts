import type { Finding, Severity } from '../../../shared/model/finding.ts';

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'エラー', warning: '警告', info: '情報' };

/**
 * The Japanese sentence of a finding. Rules put their wording in `params.message` until the shared
 * message catalogue lands; otherwise the code and its facts are shown as they are.
 */
export function findingText(finding: Finding): string {
  const message = finding.params['message'];
  if (typeof message === 'string' && message) return message;
  const facts = Object.entries(finding.params)
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join('、');
  return facts ? `${finding.code}（${facts}）` : finding.code;
}
