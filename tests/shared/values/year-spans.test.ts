import { describe, expect, it } from 'vitest';
import { findYearSpans, normalizeText } from '../../../shared/values/index.ts';

function years(text: string): (number | null)[] {
  return findYearSpans(normalizeText(text)).map((span) => span.year);
}

function covered(text: string): string[] {
  const norm = normalizeText(text);
  return findYearSpans(norm).map((span) => norm.slice(span.start, span.end));
}

describe('findYearSpans', () => {
  it('finds era years with their deadline words', () => {
    expect(covered('H29年度までに50％以上')).toEqual(['H29年度までに']);
    expect(covered('平成29年度末までに90％以上')).toEqual(['平成29年度末までに']);
    expect(years('平成29年度末までに90％以上')).toEqual([2017]);
  });

  it('finds Western years marked by 年, 年度, FY or brackets', () => {
    expect(years('86.5（2019）')).toEqual([2019]);
    expect(years('目標値（2025 年）')).toEqual([2025]);
    expect(years('2020年度 30件')).toEqual([2020]);
    expect(years('FY2021の実績')).toEqual([2021]);
  });

  it('leaves plain numbers alone, even when they look like years', () => {
    expect(years('2020')).toEqual([]);
    expect(years('1,660')).toEqual([]);
    expect(years('4,597,752（2019）')).toEqual([2019]);
  });

  it('reads a month from January to March into the previous fiscal year', () => {
    expect(years('（H27.3末現在）')).toEqual([2014]);
    expect(years('平成28年3月末時点')).toEqual([2015]);
    expect(years('小須戸地区（H29年11月）')).toEqual([2017]);
  });

  it('keeps a range of years as one span named by its first year', () => {
    expect(covered('・Ｈ29-31学生コミュニティ')).toEqual(['H29-31']);
    expect(years('H29～R2年度に実施')).toEqual([2017]);
  });

  it('masks 年度 without an era but cannot name its year', () => {
    expect(years('26年度 1,720人 → 27年度 1,800人')).toEqual([null, null]);
  });

  it('does not take letters inside words for eras', () => {
    expect(years('PR20回')).toEqual([]);
    expect(years('SNS2件')).toEqual([]);
  });
});
