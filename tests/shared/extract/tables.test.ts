import { describe, expect, it } from 'vitest';
import { extractSheet } from '../../../shared/extract/index.ts';
import type { FamilySpec } from '../../../shared/families/index.ts';
import { gridFrom } from '../../helpers/grid-builder.ts';

const columns = [
  { key: 'no', label: ['番号'], role: 'group' as const, carryDown: true },
  { key: 'name', label: ['名称'], role: 'name' as const, required: true },
];

const plan: FamilySpec = {
  id: 'action-plan',
  title: 'test',
  templateVersion: '1',
  variants: [
    {
      id: 'plan',
      title: 'test',
      detect: { all: [['番号']], requireTable: true },
      fields: [],
      tables: [
        {
          key: 'projects',
          repeat: true,
          headings: [
            { key: 'pillar', label: [/^[ⅠⅡⅢ]/] },
            { key: 'measure', label: [/^\(\d\)/] },
          ],
          columns,
          years: { kinds: ['actual', 'target', 'plan'], parentKinds: [{ label: [/数値目標/], kind: 'target' }] },
          minYearColumns: 2,
          end: [],
          maxGap: 3,
        },
      ],
      organization: [],
      fiscalYear: 'none',
    },
  ],
};

describe('repeated tables with headings', () => {
  it('reads every block and gives each row the headings above it', () => {
    const grid = gridFrom(
      'plan',
      [
        ['Ⅰ 安心なまち'],
        ['(1) 子育て'],
        ['番号', '名称', 'R2実績', '数値目標'],
        [null, null, null, 'R3', 'R4'],
        ['1', '子育て支援', '10', '12', '14'],
        [null, '講座', '3', '4', '5'],
        ['(2) 防災'],
        ['番号', '名称', 'R2実績', '数値目標'],
        [null, null, null, 'R3', 'R4'],
        ['2', '防災訓練', '1', '2', '3'],
        ['Ⅱ 学びのまち'],
        ['番号', '名称', 'R2実績', '数値目標'],
        [null, null, null, 'R3', 'R4'],
        ['3', '図書館', '5', '6', '7'],
      ],
      [
        'A3:A4',
        'B3:B4',
        'C3:C4',
        'D3:E3',
        'A8:A9',
        'B8:B9',
        'C8:C9',
        'D8:E8',
        'A12:A13',
        'B12:B13',
        'C12:C13',
        'D12:E12',
      ],
    );
    const { record } = extractSheet(grid, [plan]);
    expect(
      record.measures.map((m) => [
        m.group,
        m.name,
        m.fields?.['pillar'],
        m.fields?.['measure'],
        m.values.map((v) => `${v.year}${v.kind}`).join(' '),
      ]),
    ).toEqual([
      ['1', '子育て支援', 'Ⅰ 安心なまち', '(1) 子育て', '2020actual 2021target 2022target'],
      ['1', '講座', 'Ⅰ 安心なまち', '(1) 子育て', '2020actual 2021target 2022target'],
      ['2', '防災訓練', 'Ⅰ 安心なまち', '(2) 防災', '2020actual 2021target 2022target'],
      ['3', '図書館', 'Ⅱ 学びのまち', null, '2020actual 2021target 2022target'],
    ]);
  });

  it('tells two tables with the same columns apart by the title above each', () => {
    const spec: FamilySpec = {
      ...plan,
      variants: [
        {
          ...plan.variants[0]!,
          tables: [
            {
              key: 'outcome',
              title: ['成果指標'],
              columns,
              years: { kinds: ['baseline', 'target'] },
              minYearColumns: 2,
              end: [],
              maxGap: 2,
            },
            {
              key: 'process',
              title: ['プロセス指標'],
              columns,
              years: { kinds: ['baseline', 'target'] },
              minYearColumns: 2,
              end: [],
              maxGap: 2,
            },
          ],
        },
      ],
    };
    const grid = gridFrom('measures', [
      ['成果指標'],
      ['番号', '名称', '現状値（年度）', '目標値（2025年）'],
      ['1', '満足度', '86.5（2019）', '90.0'],
      [],
      ['プロセス指標'],
      ['番号', '名称', '現状値（年度）', '目標値（2025年）'],
      ['1', '発行回数', '12（2019）', '12（維持）'],
    ]);
    const { record } = extractSheet(grid, [spec]);
    expect(record.measures.map((m) => [m.table, m.name, m.values.map((v) => [v.kind, v.year, v.value])])).toEqual([
      [
        'outcome',
        '満足度',
        [
          ['baseline', 2019, 86.5],
          ['target', 2025, 90],
        ],
      ],
      [
        'process',
        '発行回数',
        [
          ['baseline', 2019, 12],
          ['target', 2025, 12],
        ],
      ],
    ]);
  });
});
