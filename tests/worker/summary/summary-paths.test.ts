import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SummaryGroup } from '../../../shared/summary/group-inputs.ts';
import { summaryFileName, summaryPaths } from '../../../worker/summary/consolidate-files.ts';

const group = (body: string | null, fiscalYear: number | null): { group: SummaryGroup } => ({
  group: { key: body ?? '', body, fiscalYear, submissions: [] },
});

describe('summary file names', () => {
  it('names a summary after its body and year, safe on Windows', () => {
    expect(summaryFileName(group('秋葉区', 2020))).toBe('秋葉区_令和2年度_集計.xlsx');
    expect(summaryFileName(group('北区', 2015))).toBe('北区_平成27年度_集計.xlsx');
    expect(summaryFileName(group('まちづくり推進部 増田地域局', 2019))).toBe(
      'まちづくり推進部_増田地域局_令和元年度_集計.xlsx',
    );
    expect(summaryFileName(group('A/B:C*?"<>|課', null))).toBe('A_B_C______課_年度不明_集計.xlsx');
    expect(summaryFileName(group('..秋葉区', 2020))).toBe('_秋葉区_令和2年度_集計.xlsx');
    expect(summaryFileName(group(null, 2025))).toBe('団体名不明_令和7年度_集計.xlsx');
  });

  it('gives -o to a lone summary or the configured one, the others their names, never the same path twice', () => {
    const out = { folder: 'out', file: join('out', 'summary.xlsx') };
    expect(summaryPaths([group('秋葉区', 2020)], out)).toEqual([join('out', 'summary.xlsx')]);
    expect(summaryPaths([group('秋葉区', 2020), group('西区', 2021)], out)).toEqual([
      join('out', '秋葉区_令和2年度_集計.xlsx'),
      join('out', '西区_令和3年度_集計.xlsx'),
    ]);
    expect(summaryPaths([group('秋葉区', 2020), group('西区', 2021)], out, 1)).toEqual([
      join('out', '秋葉区_令和2年度_集計.xlsx'),
      join('out', 'summary.xlsx'),
    ]);
    expect(summaryPaths([group('A/課', 2020), group('A:課', 2020)], { folder: 'out', file: null })).toEqual([
      join('out', 'A_課_令和2年度_集計.xlsx'),
      join('out', 'A_課_令和2年度_2_集計.xlsx'),
    ]);
    expect(summaryPaths([group('秋葉区', 2020)], { folder: 'out', file: null })).toEqual([
      join('out', '秋葉区_令和2年度_集計.xlsx'),
    ]);
  });
});
