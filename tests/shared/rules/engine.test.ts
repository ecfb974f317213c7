import { describe, expect, it } from 'vitest';
import { runRules, checkGrid, type Rule, type RuleContext } from '../../../shared/rules/index.ts';
import { division } from './fixtures.ts';

const ctx = (phase: RuleContext['phase'] = 'planning'): RuleContext => {
  const { extraction, record } = checkGrid(division());
  return { extraction, record, phase };
};

const reports = (code: string, cell: string | null, phases?: Rule['phases']): Rule => ({
  code,
  severity: 'warning',
  ...(phases ? { phases } : {}),
  check: () => [{ code, severity: 'warning', cell, params: {} }],
});

describe('runRules', () => {
  it('turns a throwing rule into an internal/rule-failed finding and runs the others', () => {
    const broken: Rule = {
      code: 'test/broken',
      severity: 'error',
      check: () => {
        throw new Error('boom');
      },
    };
    expect(runRules([broken, reports('test/ok', 'B2')], ctx())).toEqual([
      { code: 'internal/rule-failed', severity: 'info', cell: null, params: { rule: 'test/broken', reason: 'boom' } },
      { code: 'test/ok', severity: 'warning', cell: 'B2', params: {} },
    ]);
  });

  it('runs a rule only in its phases', () => {
    const rule = reports('test/evaluation-only', 'A1', ['evaluation']);
    expect(runRules([rule], ctx('planning'))).toEqual([]);
    expect(runRules([rule], ctx('evaluation'))).toHaveLength(1);
  });

  it('orders findings top to bottom, left to right, and drops exact duplicates', () => {
    const found = runRules(
      [reports('test/a', 'B10'), reports('test/b', 'C2'), reports('test/a', 'B10'), reports('test/c', 'AA2')],
      ctx(),
    );
    expect(found.map((f) => `${f.code} ${f.cell}`)).toEqual(['test/b C2', 'test/c AA2', 'test/a B10']);
  });
});

describe('checkGrid', () => {
  it('fills record.findings with rendered Japanese messages', () => {
    const check = checkGrid(division({ H12: null }));
    expect(check.record.findings).toEqual([
      expect.objectContaining({ code: 'org-goals/target-missing', cell: 'H12', severity: 'error' }),
    ]);
    expect(check.record.findings[0]?.message).toContain(
      'H12 の指標「つながる支援ファイル利用者数（人）」に目標値（R2目標）が入っていません',
    );
  });

  it('takes the phase from 評価日 unless told', () => {
    expect(checkGrid(division()).phase).toBe('planning');
    expect(checkGrid(division({ J4: '令和3年4月30日' })).phase).toBe('evaluation');
    expect(checkGrid(division({ J4: '令和3年4月30日' }), { phase: 'planning' }).phase).toBe('planning');
  });
});
