import { parseA1 } from '../grid/index.ts';
import type { Finding } from '../model/finding.ts';
import type { Rule, RuleContext } from './types.ts';

export const RULE_FAILED = 'internal/rule-failed';

/** Runs the rules that apply in the context's phase; a rule that throws becomes one info finding. */
export function runRules(rules: readonly Rule[], ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (rule.phases && !rule.phases.includes(ctx.phase)) continue;
    try {
      findings.push(...rule.check(ctx));
    } catch (err) {
      findings.push({
        code: RULE_FAILED,
        severity: 'info',
        cell: null,
        params: { rule: rule.code, reason: err instanceof Error ? err.message : String(err) },
      });
    }
  }
  return sortFindings(dedupe(findings));
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}|${f.cell ?? ''}|${JSON.stringify(f.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Sheet-level findings first, then top to bottom, left to right; stable within a cell. */
export function sortFindings(findings: Finding[]): Finding[] {
  const pos = (f: Finding) => {
    const p = f.cell ? parseA1(f.cell) : undefined;
    return p ? p.row * 16384 + p.col : -1;
  };
  return findings
    .map((f, i) => ({ f, i, p: pos(f) }))
    .sort((a, b) => a.p - b.p || a.i - b.i)
    .map((x) => x.f);
}
