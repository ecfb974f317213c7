// What a coordinator checks on a 方針書: every section written, every priority complete, 方針 and priorities
// saying the same, and the half-year reports covering every priority.
import type { Finding } from '../../model/finding.ts';
import { finding } from '../../rules/finding.ts';
import { short } from '../../rules/format.ts';
import type { Phase, Rule } from '../../rules/types.ts';
import { toHalfWidth } from '../../values/index.ts';

export const POLICY_STATEMENT_CODES = {
  sectionMissing: 'policy-statement/section-missing',
  sectionEmpty: 'policy-statement/section-empty',
  outcomeMissing: 'policy-statement/priority-outcome-missing',
  actionsMissing: 'policy-statement/priority-actions-missing',
  policyMismatch: 'policy-statement/policy-mismatch',
  reportMissing: 'policy-statement/report-missing',
} as const;
const C = POLICY_STATEMENT_CODES;

/** Sections in form order with their printed names and the phase from which they are due. */
export const SECTIONS: readonly { key: string; no: number; name: string; due: Phase }[] = [
  { key: 'mission', no: 1, name: '組織の使命', due: 'planning' },
  { key: 'issues', no: 2, name: '組織の抱える課題', due: 'planning' },
  { key: 'slogan', no: 3, name: 'スローガン', due: 'planning' },
  { key: 'policy', no: 4, name: '今年度の方針', due: 'planning' },
  { key: 'priorities', no: 5, name: '重点取組項目', due: 'planning' },
  { key: 'firstHalf', no: 6, name: '上期の取組状況', due: 'evaluation' },
  { key: 'secondHalf', no: 7, name: '下期の課題と取組方針', due: 'evaluation' },
  { key: 'summary', no: 8, name: '総括', due: 'evaluation' },
];

/** A priority's 実現したい成果, or the title written beside its number when the form has no such label. */
const outcomeOf = (p: Record<string, string | null>): string => (p['outcome'] ?? p['title'] ?? '').trim();
const isDue = (due: Phase, phase: Phase): boolean => due === 'planning' || phase === 'evaluation';
/** Text reduced for comparing a 方針 line with a priority: half-width, no spaces, bullets or end marks. */
const core = (text: string): string =>
  toHalfWidth(text)
    .replace(/^[・･●○◆◇■□\-*]+|^[(（]?[0-9①-⑳]+[)）.、]?/u, '')
    .replace(/[\s\u3000。、,.]/g, '');

/** Every section of the form is there and written; 6–8 only once the year is being evaluated. */
const sectionRule: Rule = {
  code: C.sectionEmpty,
  severity: 'error',
  check: ({ record, phase }) =>
    SECTIONS.filter((s) => isDue(s.due, phase)).flatMap((s) => {
      const field = record.fields?.[s.key];
      if (!field) return [finding(C.sectionMissing, 'error', null, { no: s.no, section: s.name })];
      return field.value.trim() === ''
        ? [finding(C.sectionEmpty, 'error', field.cell, { no: s.no, section: s.name })]
        : [];
    }),
};

/** Each priority (1)…(n) states its 実現したい成果 and its 取組内容. */
const priorityRule: Rule = {
  code: C.outcomeMissing,
  severity: 'error',
  check: ({ record }) =>
    (record.items?.['priorities'] ?? []).flatMap((p) => {
      const out: Finding[] = [];
      if (!outcomeOf(p))
        out.push(finding(C.outcomeMissing, 'error', p['outcomeCell'] ?? p['cell'] ?? null, { no: p['no'] ?? '' }));
      if (!p['actions']?.trim())
        out.push(finding(C.actionsMissing, 'error', p['actionsCell'] ?? p['cell'] ?? null, { no: p['no'] ?? '' }));
      return out;
    }),
};

/** 今年度の方針 lists the priorities' 実現したい成果, one line each, and nothing else. */
const policyRule: Rule = {
  code: C.policyMismatch,
  severity: 'warning',
  check: ({ record }) => {
    const policy = record.fields?.['policy'];
    const priorities = (record.items?.['priorities'] ?? []).filter((p) => outcomeOf(p) !== '');
    if (!policy || policy.value.trim() === '' || priorities.length === 0) return [];
    const lines = policy.value
      .split('\n')
      .map(core)
      .filter((l) => l !== '');
    const matches = (a: string, b: string) =>
      a === b || (a.length >= 6 && b.includes(a)) || (b.length >= 6 && a.includes(b));
    const out: Finding[] = [];
    for (const p of priorities) {
      if (!lines.some((l) => matches(l, core(outcomeOf(p))))) {
        out.push(
          finding(C.policyMismatch, 'warning', p['outcomeCell'] ?? p['cell'] ?? null, {
            no: p['no'] ?? '',
            text: short(outcomeOf(p)),
            side: 'priority',
          }),
        );
      }
    }
    for (const raw of policy.value.split('\n')) {
      const line = core(raw);
      if (line !== '' && !priorities.some((p) => matches(line, core(outcomeOf(p))))) {
        out.push(
          finding(C.policyMismatch, 'warning', policy.cell, { no: '', text: short(raw.trim()), side: 'policy' }),
        );
      }
    }
    return out;
  },
};

/** 上期/下期/総括 say something about every priority (once they are due and written at all). */
const reportRule: Rule = {
  code: C.reportMissing,
  severity: 'warning',
  phases: ['evaluation'],
  check: ({ record }) => {
    const priorities = record.items?.['priorities'] ?? [];
    return SECTIONS.filter((s) => s.due === 'evaluation').flatMap((s) => {
      const field = record.fields?.[s.key];
      if (!field || field.value.trim() === '') return [];
      return priorities
        .filter((p) => !p[s.key]?.trim())
        .map((p) =>
          finding(C.reportMissing, 'warning', field.cell, {
            no: p['no'] ?? '',
            section: s.name,
            sectionNo: s.no,
            outcome: short(outcomeOf(p)),
          }),
        );
    });
  },
};

/** The 方針書 rules. */
export const policyStatementRules: Rule[] = [sectionRule, priorityRule, policyRule, reportRule];
