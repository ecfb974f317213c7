import { describe, expect, it } from 'vitest';
import { isYearHeader, parseHeader, type HeaderKind } from '../../../shared/values/index.ts';

function expectHeader(text: string, year: number | null, kind: HeaderKind | null): void {
  expect(parseHeader(text)).toEqual({ raw: text, year, kind });
}

describe('parseHeader', () => {
  it.each<[string, number, HeaderKind]>([
    ['Ｈ29実績', 2017, 'actual'],
    ['Ｈ30実績', 2018, 'actual'],
    ['Ｈ２９実績', 2017, 'actual'],
    ['R1実績', 2019, 'actual'],
    ['R2実績', 2020, 'actual'],
    ['令和元年度実績', 2019, 'actual'],
    ['平成30年度 実績', 2018, 'actual'],
    ['2017実績', 2017, 'actual'],
    ['2019実績', 2019, 'actual'],
    ['実績値（2019年度）', 2019, 'actual'],
    ['R2目標', 2020, 'target'],
    ['2020目標', 2020, 'target'],
    ['令和2年度目標値', 2020, 'target'],
    ['目標（R7）', 2025, 'target'],
    ['R2結果', 2020, 'result'],
    ['2020結果', 2020, 'result'],
    ['現状値（2019年度）', 2019, 'baseline'],
    ['基準値（H30）', 2018, 'baseline'],
    ['目標値（2025年）', 2025, 'target'],
    ['目標値（2025 年）', 2025, 'target'],
    ['目標値\n（2025 年）', 2025, 'target'],
    ['Ｒ２見込', 2020, 'plan'],
    ['R2年度末見込', 2020, 'plan'],
  ])('reads %j as %i %s', (text, year, kind) => {
    expectHeader(text, year, kind);
  });

  it('reads a bare year as a plan year, as under 工程・数値目標', () => {
    expectHeader('R3', 2021, 'plan');
    expectHeader('R4', 2022, 'plan');
    expectHeader('Ｒ３', 2021, 'plan');
    expectHeader('H27年度', 2015, 'plan');
    expectHeader('令和3年度', 2021, 'plan');
    expectHeader('2021', 2021, 'plan');
    expectHeader('2021年度', 2021, 'plan');
  });

  it('reads a kind without a year', () => {
    expectHeader('現状値（年度）', null, 'baseline');
    expectHeader('実績', null, 'actual');
    expectHeader('前年度実績', null, 'actual');
    expectHeader('前年度までの\n実績', null, 'actual');
    expectHeader('見込', null, 'plan');
    expectHeader('見込み', null, 'plan');
    expectHeader('工程・数値目標', null, 'target');
    expectHeader('目標値', null, 'target');
  });

  it('reads an estimate of an actual (実績見込) as a plan', () => {
    expectHeader('R2実績見込', 2020, 'plan');
  });

  it.each([
    '項目（単位）',
    '補足・参考指標',
    '組織目標',
    '重点目標',
    '目標達成状況',
    '作成日',
    '年度',
    '担当課',
    '',
    '事業名',
    'No.',
  ])('does not read %j as a year header', (text) => {
    expectHeader(text, null, null);
  });
});

describe('isYearHeader', () => {
  it('is true for headers naming a year', () => {
    expect(isYearHeader('R2目標')).toBe(true);
    expect(isYearHeader('R3')).toBe(true);
    expect(isYearHeader('実績')).toBe(false);
    expect(isYearHeader('補足・参考指標')).toBe(false);
  });
});
