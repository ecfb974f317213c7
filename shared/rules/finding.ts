import type { Finding, Severity } from '../model/finding.ts';

export type FindingParams = Finding['params'];

/** Builds a finding; `params` carry the facts the message names (value, header, expected…). */
export function finding(code: string, severity: Severity, cell: string | null, params: FindingParams = {}): Finding {
  return { code, severity, cell, params };
}
