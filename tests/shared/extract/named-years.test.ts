import { describe, expect, it } from 'vitest';
import { extractSheet } from '../../../shared/extract/index.ts';
import type { FamilySpec } from '../../../shared/families/index.ts';
import { gridFrom } from '../../helpers/grid-builder.ts';

const spec: FamilySpec = {
  id: 'policy-review',
  title: 'named years',
  templateVersion: '1',
  variants: [
    {
      id: 'v',
      title: 'v',
      detect: { all: [[/^成果指標$/]] },
      fields: [{ key: 'fiscalYear', label: [/^年度$/], direction: 'right', type: 'fiscal-year' }],
      tables: [
        {
          key: 't',
          columns: [{ key: 'name', label: [/^成果指標$/], role: 'name', required: true }],
          years: {
            kinds: ['actual', 'target'],
            named: [
              { label: [/^目標値$/], kind: 'target' },
              { label: [/^今年度$/], kind: 'actual', offset: 0 },
              { label: [/^前年度$/], kind: 'actual', offset: -1 },
            ],
          },
          minYearColumns: 2,
          end: [],
          maxGap: 2,
        },
      ],
      organization: [],
      fiscalYear: 'fiscalYear',
    },
  ],
};

const rows = (year: string) => [
  ['年度', year],
  ['成果指標', '目標値', '今年度', '前年度', 'H26実績'],
  ['満足度', 'H29年度までに80％以上', '過去1年間の満足度：75.0％', '72.4%', '70%'],
];

describe('named year columns', () => {
  it('dates 今年度/前年度 from the sheet year and 目標値 from its cell, beside ordinary year headers', () => {
    const m = extractSheet(gridFrom('s', rows('平成27年度')), [spec]).record.measures[0]!;
    expect(m.values.map((v) => [v.kind, v.year, v.value])).toEqual([
      ['target', 2017, 80],
      ['actual', 2015, 75],
      ['actual', 2014, 72.4],
      ['actual', 2014, 70],
    ]);
  });

  it('reads the value after the colon of a "label：value" cell', () => {
    const m = extractSheet(gridFrom('s', rows('令和2年度')), [spec]).record.measures[0]!;
    expect(m.values[1]).toMatchObject({ raw: '過去1年間の満足度：75.0％', value: 75, unit: '%', year: 2020 });
  });

  it('leaves the relative years undated when the sheet has no year', () => {
    const m = extractSheet(gridFrom('s', rows('')), [spec]).record.measures[0]!;
    expect(m.values.map((v) => v.year)).toEqual([2017, null, null, 2014]);
  });
});
