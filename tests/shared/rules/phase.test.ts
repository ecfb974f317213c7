import { describe, expect, it } from 'vitest';
import type { SheetRecord } from '../../../shared/model/record.ts';
import { phaseOf } from '../../../shared/rules/index.ts';

const sheet = (extra: Partial<SheetRecord>): SheetRecord => ({
  sheet: 's',
  family: 'org-goals',
  organization: null,
  fiscalYear: 2020,
  measures: [],
  findings: [],
  ...extra,
});

describe('phaseOf', () => {
  it('is planning until 評価日 is filled in, by default', () => {
    expect(phaseOf(sheet({ fields: { evaluatedOn: { value: ' ', cell: 'J4' } } }))).toBe('planning');
    expect(phaseOf(sheet({ fields: { evaluatedOn: { value: '令和3年3月31日', cell: 'J4' } } }))).toBe('evaluation');
  });

  it('follows what the form fills in at evaluation time: a field or a list entry', () => {
    const actions = (achievement: string) =>
      sheet({
        items: {
          actions: [
            { code: '【1-1-1】', achievement: '' },
            { code: '【1-1-2】', achievement },
          ],
        },
      });
    expect(phaseOf(actions(''), ['items.actions.achievement'])).toBe('planning');
    expect(phaseOf(actions('②(ⅰ)'), ['items.actions.achievement'])).toBe('evaluation');
    expect(phaseOf(sheet({ fields: { summary: { value: '今年度は…', cell: 'B40' } } }), ['summary'])).toBe(
      'evaluation',
    );
  });
});
