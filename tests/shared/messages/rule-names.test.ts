import { describe, expect, it } from 'vitest';
import { messagesOf, renderFinding, RULE_NAMES, ruleName } from '../../../shared/messages/index.ts';

describe('Japanese names of the checks', () => {
  it('names every check that has a message, in Japanese, each name once', () => {
    const codes = Object.keys(messagesOf('ja'));
    expect(codes.filter((code) => !RULE_NAMES[code])).toEqual([]);
    for (const code of codes) expect(ruleName(code), code).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    const names = Object.values(RULE_NAMES);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('a rendered finding carries the name beside its code (the code stays for scripts)', () => {
    const f = renderFinding({
      code: 'common/required-empty',
      severity: 'error',
      cell: 'C4',
      params: { label: '組織名' },
    });
    expect(f).toMatchObject({ code: 'common/required-empty', rule: '必須項目の空欄' });
    expect(ruleName('unknown/code')).toBe('unknown/code');
  });
});
