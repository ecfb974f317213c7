export * from './types.ts';
export * from './check-grid.ts';
export { finding } from './finding.ts';
export { runRules, sortFindings, RULE_FAILED } from './engine.ts';
export { FAMILY_RULES, rulesFor } from './family-rules.ts';
export { COMMON_RULES } from './common/index.ts';
