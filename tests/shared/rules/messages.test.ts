import { describe, expect, it } from 'vitest';
import { formatMessage, renderFinding } from '../../../shared/messages/index.ts';

// Every code of every family having its messages (and its docs row) is rule-codes.test.ts.

describe('messages', () => {
  it('names the cell and the value in the rendered message', () => {
    const rendered = renderFinding({
      code: 'common/number-unreadable',
      severity: 'error',
      cell: 'H12',
      params: { name: '利用者数（人）', header: 'R2目標', raw: '1,0OO' },
    });
    expect(rendered).toMatchObject({ code: 'common/number-unreadable', severity: 'error', cell: 'H12' });
    expect(rendered.message).toMatch(
      /^H12（利用者数（人）・R2目標）の「1,0OO」を数値として読めません。半角または全角の数字で入力してください/,
    );
    expect(renderFinding({ ...rendered, params: rendered.params ?? {} }, 'en').message).toMatch(
      /^H12 \(利用者数（人）, R2目標\): "1,0OO" cannot be read/,
    );
  });

  it('falls back to the code for a finding without a message', () => {
    expect(renderFinding({ code: 'other/unknown', severity: 'info', cell: 'A1', params: {} }).message).toBe(
      'other/unknown (A1)',
    );
  });

  it('leaves unknown placeholders as written and empties null params', () => {
    expect(formatMessage('{a}-{b}-{c}', { a: 1, b: null })).toBe('1--{c}');
  });
});
