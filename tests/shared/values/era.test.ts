import { describe, expect, it } from 'vitest';
import {
  daysInMonth,
  eraYearNumber,
  eraYearToWestern,
  fiscalYearOf,
  parseFiscalYear,
  parseJapaneseDate,
} from '../../../shared/values/index.ts';

describe('eraYearToWestern', () => {
  it('converts Heisei, Reiwa and Showa years by name and by initial', () => {
    expect(eraYearToWestern('平成', 29)).toBe(2017);
    expect(eraYearToWestern('H', 29)).toBe(2017);
    expect(eraYearToWestern('Ｈ', 30)).toBe(2018);
    expect(eraYearToWestern('令和', 2)).toBe(2020);
    expect(eraYearToWestern('R', 1)).toBe(2019);
    expect(eraYearToWestern('昭和', 64)).toBe(1989);
    expect(eraYearToWestern('S', 50)).toBe(1975);
  });

  it('reads 元年 as the first year', () => {
    expect(eraYearToWestern('令和', '元')).toBe(2019);
    expect(eraYearToWestern('平成', '元')).toBe(1989);
  });

  it('reads full-width year numbers', () => {
    expect(eraYearToWestern('令和', '２')).toBe(2020);
  });

  it('rejects unknown eras and impossible years', () => {
    expect(eraYearToWestern('X', 2)).toBeNull();
    expect(eraYearToWestern('令和', 0)).toBeNull();
    expect(eraYearToWestern('令和', 1.5)).toBeNull();
    expect(eraYearToWestern('令和', 'ふた')).toBeNull();
  });
});

describe('eraYearNumber', () => {
  it('reads 元 and digits', () => {
    expect(eraYearNumber('元')).toBe(1);
    expect(eraYearNumber('２９')).toBe(29);
    expect(eraYearNumber('二')).toBeNull();
  });
});

describe('parseFiscalYear', () => {
  it.each([
    ['令和2年度', 2020],
    ['令和２年度', 2020],
    ['令和元年度', 2019],
    ['2020', 2020],
    ['2020年度', 2020],
    ['2020年', 2020],
    ['R2', 2020],
    ['R2年度', 2020],
    ['Ｒ２', 2020],
    ['H29', 2017],
    ['平成27年度', 2015],
    ['FY2020', 2020],
    ['FY20', 2020],
    [' 令和 2 年度 ', 2020],
  ])('reads %s as %i', (text, year) => {
    expect(parseFiscalYear(text)).toBe(year);
  });

  it('reads the one 年度 named in a title', () => {
    expect(parseFiscalYear('令和２年度 秋葉区組織目標')).toBe(2020);
    expect(parseFiscalYear('豊かな地域社会の形成に向けた区政運営基本方針 平成27年度')).toBe(2015);
  });

  it('returns null for text without a year or with two different years', () => {
    expect(parseFiscalYear('秋葉区')).toBeNull();
    expect(parseFiscalYear('')).toBeNull();
    expect(parseFiscalYear('令和3年度～令和4年度')).toBeNull();
    expect(parseFiscalYear('1660')).toBeNull();
  });
});

describe('parseJapaneseDate', () => {
  it.each([
    ['令和2年4月1日', { year: 2020, month: 4, day: 1 }],
    ['令和２年４月２１日', { year: 2020, month: 4, day: 21 }],
    ['令和元年5月1日', { year: 2019, month: 5, day: 1 }],
    ['平成26年3月31日', { year: 2014, month: 3, day: 31 }],
    ['R2.4.1', { year: 2020, month: 4, day: 1 }],
    ['H31.4.30', { year: 2019, month: 4, day: 30 }],
    ['2020/4/1', { year: 2020, month: 4, day: 1 }],
    ['2020-04-01', { year: 2020, month: 4, day: 1 }],
    ['2020.4.1', { year: 2020, month: 4, day: 1 }],
    ['2020年4月1日', { year: 2020, month: 4, day: 1 }],
    ['2020年4月1日(水)', { year: 2020, month: 4, day: 1 }],
    ['令和 2 年 4 月 1 日', { year: 2020, month: 4, day: 1 }],
  ])('reads %s', (text, date) => {
    expect(parseJapaneseDate(text)).toEqual(date);
  });

  it('validates days against the month, leap years included', () => {
    expect(parseJapaneseDate('令和2年2月30日')).toBeNull();
    expect(parseJapaneseDate('2020/2/29')).toEqual({ year: 2020, month: 2, day: 29 });
    expect(parseJapaneseDate('2019/2/29')).toBeNull();
    expect(parseJapaneseDate('2100/2/29')).toBeNull();
    expect(parseJapaneseDate('2000/2/29')).toEqual({ year: 2000, month: 2, day: 29 });
    expect(parseJapaneseDate('R2.4.31')).toBeNull();
    expect(parseJapaneseDate('R2.13.1')).toBeNull();
    expect(parseJapaneseDate('2020/0/1')).toBeNull();
  });

  it('returns null for text that is no date', () => {
    expect(parseJapaneseDate('令和2年度')).toBeNull();
    expect(parseJapaneseDate('作成日')).toBeNull();
    expect(parseJapaneseDate('')).toBeNull();
    expect(parseJapaneseDate('2020/4/1/2')).toBeNull();
  });
});

describe('daysInMonth and fiscalYearOf', () => {
  it('counts days and places January to March in the previous fiscal year', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 4)).toBe(30);
    expect(daysInMonth(2023, 12)).toBe(31);
    expect(fiscalYearOf(2021, 3)).toBe(2020);
    expect(fiscalYearOf(2021, 4)).toBe(2021);
  });
});
