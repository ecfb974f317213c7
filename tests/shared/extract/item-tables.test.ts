import { describe, expect, it } from 'vitest';
import { extractSheet } from '../../../shared/extract/index.ts';
import type { FamilySpec } from '../../../shared/families/index.ts';
import { gridFrom } from '../../helpers/grid-builder.ts';
import { unmerge } from '../../helpers/grid-relayout.ts';

const spec: FamilySpec = {
  id: 'plan-measures',
  title: 'test',
  templateVersion: '1',
  variants: [
    {
      id: 'v',
      title: 'test',
      detect: { all: [['取組項目']] },
      fields: [],
      tables: [
        {
          key: 'indicators',
          columns: [{ key: 'name', label: ['指標名'], role: 'name', required: true }],
          years: { kinds: ['baseline', 'target'] },
          minYearColumns: 2,
          end: [/^◆/],
          maxGap: 2,
        },
        {
          key: 'actions',
          items: true,
          repeat: true,
          headings: [
            { key: 'heading', label: [/^\(\d+\)/] },
            { key: 'division', label: [/課$/] },
          ],
          columns: [
            { key: 'item', label: ['取組項目'], role: 'group', carryDown: true, required: true },
            { key: 'content', label: ['具体的な内容'], role: 'name', required: true },
          ],
          years: { kinds: [] },
          minYearColumns: 0,
          end: [/^◆/, /^\(\d+\)/],
          maxGap: 2,
        },
      ],
      organization: [],
      fiscalYear: 'none',
    },
  ],
};

const rows = [
  ['指標名', '現状値（年度）', '目標値（2025年）'],
  ['満足度（％）', '86.5（2019）', '90.0'],
  ['◆主な取組内容'],
  ['(1) 広聴', null, '政策推進課'],
  ['取組項目', '具体的な内容'],
  ['広聴の充実', '◇ 市民会議'],
  [null, '◇ アンケート'],
  ['広報の充実', '◇ ホームページ'],
  [null, null, '総務課'],
  ['取組項目', '具体的な内容'],
  ['文書事務', '◇ 研修'],
];

describe('item tables', () => {
  it('reads list tables into record.items, apart from the measures', () => {
    const { record } = extractSheet(gridFrom('s', rows), [spec]);
    expect(record.measures.map((m) => m.name)).toEqual(['満足度（％）']);
    expect(record.items?.['actions']).toEqual([
      { heading: '(1) 広聴', division: '政策推進課', item: '広聴の充実', content: '◇ 市民会議', cell: 'B6' },
      { heading: '(1) 広聴', division: '政策推進課', item: '広聴の充実', content: '◇ アンケート', cell: 'B7' },
      { heading: '(1) 広聴', division: '政策推進課', item: '広報の充実', content: '◇ ホームページ', cell: 'B8' },
      { heading: '(1) 広聴', division: '総務課', item: '文書事務', content: '◇ 研修', cell: 'B11' },
    ]);
  });

  it('does not take the first row under a header without year columns for a second header', () => {
    const { record } = extractSheet(gridFrom('s', rows.slice(4, 8)), [spec]);
    expect(record.items?.['actions']?.map((a) => a['content'])).toEqual([
      '◇ 市民会議',
      '◇ アンケート',
      '◇ ホームページ',
    ]);
  });

  it('reads a year header unmerged with its text repeated as one column', () => {
    const grid = gridFrom(
      's',
      [
        ['指標名', '現状値（年度）', null, '目標値（2025年）'],
        ['満足度（％）', '86.5（2019）', null, '90.0'],
        [],
        [],
        ['取組項目', '具体的な内容'],
      ],
      ['B1:C1', 'B2:C2'],
    );
    const { record } = extractSheet(unmerge(grid, 'repeat'), [spec]);
    expect(record.measures[0]!.values.map((v) => [v.kind, v.cell, v.value])).toEqual([
      ['baseline', 'B2', 86.5],
      ['target', 'D2', 90],
    ]);
  });

  it('gives an inner heading written on the same row as the outer one to the rows below', () => {
    const { record } = extractSheet(gridFrom('s', rows.slice(3, 6)), [spec]);
    expect(record.items?.['actions']?.[0]).toMatchObject({ heading: '(1) 広聴', division: '政策推進課' });
  });
});
