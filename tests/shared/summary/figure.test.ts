import { describe, expect, it } from 'vitest';
import { figureOf } from '../../../shared/summary/index.ts';
import { value } from './summary-fixtures.ts';

describe('figureOf', () => {
  const of = (raw: string, unit: string | null = null) => figureOf(value(2020, 'result', raw), unit);

  it('keeps the number with the separators and decimals staff wrote', () => {
    expect(of('320,354')).toMatchObject({ value: 320354, format: '#,##0', note: null });
    expect(of('１，５００')).toMatchObject({ value: 1500, format: '#,##0', note: null });
    expect(of('12')).toMatchObject({ value: 12, format: '0', note: null });
    expect(of('0.581')).toMatchObject({ value: 0.581, format: '0.000', note: null });
    expect(of('86.5', '%')).toMatchObject({ value: 86.5, format: '0.0"%"', note: null });
    expect(of('10回', '回')).toMatchObject({ value: 10, format: '0', note: null });
  });

  it('keeps the text as written beside the number when it says more', () => {
    expect(of('H29年度までに50％以上')).toMatchObject({ value: 50, format: '0"%"', note: 'H29年度までに50％以上' });
    expect(of('15（累計）', '件')).toMatchObject({ value: 15, note: '15（累計）' });
    expect(of('1.2万人')).toMatchObject({ value: 12000, format: '#,##0', note: '1.2万人' });
    expect(of('16講座実施', '回')).toMatchObject({ value: 16, note: '16講座実施' });
  });

  it('keeps a qualitative value as text and a blank as nothing', () => {
    expect(of('リニューアルの実施')).toEqual({
      value: null,
      format: null,
      text: 'リニューアルの実施',
      note: null,
      year: 2020,
    });
    expect(of('－')).toBeNull();
    expect(of('')).toBeNull();
  });
});

describe('a cell of several quantities', () => {
  it('shows the text as written, not its first number (判定 takes every part or says 要確認)', () => {
    const f = figureOf(value(2020, 'target', '青パト月4回 区だよりによる実施団体の募集 年2回'), null);
    expect(f).toMatchObject({ value: null, text: '青パト月4回 区だよりによる実施団体の募集 年2回' });
    // Years and dates are not quantities: one number, shown as a number.
    expect(figureOf(value(2020, 'target', 'H29年度までに50％以上'), '%')).toMatchObject({ value: 50 });
    expect(figureOf(value(2020, 'target', '3月末までに12回'), null)).toMatchObject({ value: 12 });
  });
});

describe('a target stated against another year', () => {
  it('shows the text, never the rate of change as the target figure (10 beside results of 1,150)', () => {
    expect(figureOf(value(2023, 'target', '前年度比10%増'), '人')).toMatchObject({
      value: null,
      text: '前年度比10%増',
    });
    expect(figureOf(value(2023, 'target', 'R1比で5％減らす'), null)).toMatchObject({ value: null });
    // A plain percentage stays a number.
    expect(figureOf(value(2023, 'target', '40％以上'), '%')).toMatchObject({ value: 40 });
  });
});
