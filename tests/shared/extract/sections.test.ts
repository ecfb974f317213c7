import { describe, expect, it } from 'vitest';
import { extractSheet } from '../../../shared/extract/index.ts';
import type { FamilySpec } from '../../../shared/families/index.ts';
import { gridFrom } from '../../helpers/grid-builder.ts';

const spec: FamilySpec = {
  id: 'policy-statement',
  title: 'test',
  templateVersion: '1',
  variants: [
    {
      id: 'v',
      title: 'test',
      detect: { all: [[/^1\.使命/]] },
      fields: [],
      sections: [
        { key: 'mission', label: [/^1\.使命/] },
        {
          key: 'goals',
          label: [/^2\.重点/],
          items: {
            key: 'goals',
            parts: [
              { key: 'outcome', label: [/^成果$/] },
              { key: 'steps', label: [/^内容$/], list: 'steps' },
            ],
          },
        },
        { key: 'report', label: [/^3\.報告/], items: { key: 'reports', reportsOn: { items: 'goals', as: 'report' } } },
        { key: 'empty', label: [/^4\.総括/] },
      ],
      organization: [],
      fiscalYear: 'none',
    },
  ],
};

const extract = (rows: (string | null)[][], merges: string[] = []) =>
  extractSheet(gridFrom('s', rows, merges), [spec]).record;

describe('sections', () => {
  it('reads each section up to the next heading, with its numbered items, parts and entries', () => {
    const record = extract([
      ['1.使命', '地域をつくる'],
      [null, '人を育てる'],
      ['2.重点'],
      ['(1)', '成果', '交流の推進'],
      [null, '内容', '①会議を開く\n②連絡会を開く'],
      ['（２）', '成果：施設の管理'],
      [null, '内容', '①案内する'],
      ['3.報告'],
      ['(2)施設の管理\n・案内した\n(1)交流の推進\n・会議を開いた'],
      ['4.総括'],
    ]);
    expect(record.fields?.['mission']).toEqual({ value: '地域をつくる\n人を育てる', cell: 'B1' });
    expect(record.fields?.['empty']).toEqual({ value: '', cell: 'B10' });
    expect(record.items?.['goals']).toEqual([
      {
        no: '1',
        title: null,
        cell: 'A4',
        outcome: '交流の推進',
        outcomeCell: 'C4',
        steps: '①会議を開く\n②連絡会を開く',
        stepsCell: 'C5',
        text: null,
        report: '・会議を開いた',
        reportCell: 'A9',
      },
      {
        no: '2',
        title: null,
        cell: 'A6',
        outcome: '施設の管理',
        outcomeCell: 'B6',
        steps: '①案内する',
        stepsCell: 'C7',
        text: null,
        report: '・案内した',
        reportCell: 'A9',
      },
    ]);
    expect(record.items?.['steps']).toEqual([
      { item: '1', no: '1', text: '会議を開く', cell: 'C5' },
      { item: '1', no: '2', text: '連絡会を開く', cell: 'C5' },
      { item: '2', no: '1', text: '案内する', cell: 'C7' },
    ]);
    expect(record.items?.['reports']?.map((r) => [r['no'], r['title'], r['reportsOn']])).toEqual([
      ['2', '施設の管理', '2'],
      ['1', '交流の推進', '1'],
    ]);
  });

  it('links a report whose number matches no item to the item whose text it repeats', () => {
    const record = extract([['1.使命', 'x'], ['2.重点'], ['(1)', '成果', '交流の推進'], ['3.報告'], ['(ア)']]);
    expect(record.items?.['goals']?.[0]?.['report']).toBeUndefined();
    const titled = extract([
      ['1.使命', 'x'],
      ['2.重点'],
      ['(1)', '成果', '交流の推進'],
      ['3.報告'],
      ['(5)交流の推進'],
      ['会議を開いた'],
    ]);
    expect(titled.items?.['goals']?.[0]?.['report']).toBe('会議を開いた');
  });

  it('splits sections whose headings sit side by side on one row', () => {
    const record = extract([
      ['1.使命', null, '3.報告'],
      ['地域をつくる', null, '(1)よかった'],
    ]);
    expect(record.fields?.['mission']?.value).toBe('地域をつくる');
    expect(record.fields?.['report']?.value).toBe('(1)よかった');
  });

  it('reads a merged block undone with its text repeated once', () => {
    const record = extract([
      ['1.使命', '1.使命'],
      ['地域をつくる', '地域をつくる'],
      ['地域をつくる', '地域をつくる'],
    ]);
    expect(record.fields?.['mission']?.value).toBe('地域をつくる');
  });
});

describe('sections laid out as a table', () => {
  it('gives each cell to the part whose label heads its column', () => {
    const record = extract([
      ['1.使命', 'x'],
      ['2.重点'],
      ['No.', '成果', '内容'],
      ['(1)', '交流の推進', '①会議を開く'],
      ['(2)', '施設の管理', '①案内する\n②清掃する'],
    ]);
    expect(record.items?.['goals']?.map((g) => [g['no'], g['outcome'], g['outcomeCell'], g['steps']])).toEqual([
      ['1', '交流の推進', 'B4', '①会議を開く'],
      ['2', '施設の管理', 'B5', '①案内する\n②清掃する'],
    ]);
  });
});
