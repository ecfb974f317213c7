import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeText, toHalfWidth } from '../../../shared/values/index.ts';

describe('toHalfWidth', () => {
  it('turns full-width digits, letters and punctuation into ASCII', () => {
    expect(toHalfWidth('０１２３４５６７８９')).toBe('0123456789');
    expect(toHalfWidth('ＡＢＣｘｙｚ')).toBe('ABCxyz');
    expect(toHalfWidth('１，６６０．５％（２）－＋')).toBe('1,660.5%(2)-+');
  });

  it('reads mixed full-width and half-width digits as one run', () => {
    expect(toHalfWidth('3３6')).toBe('336');
  });

  it('keeps kana and kanji as written', () => {
    expect(toHalfWidth('Ｈ２９実績・ホームページ')).toBe('H29実績・ホームページ');
  });

  it('turns the ideographic space into an ASCII space', () => {
    expect(toHalfWidth('年2\u3000回')).toBe('年2 回');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => toHalfWidth(toHalfWidth(s)) === toHalfWidth(s)));
  });
});

describe('normalizeText', () => {
  it('unifies dashes but keeps the katakana long vowel inside words', () => {
    expect(normalizeText('－')).toBe('-');
    expect(normalizeText('―')).toBe('-');
    expect(normalizeText('—')).toBe('-');
    expect(normalizeText('‐')).toBe('-');
    expect(normalizeText('−5')).toBe('-5');
    expect(normalizeText('ホームページ')).toBe('ホームページ');
  });

  it('unifies wave dashes', () => {
    expect(normalizeText('H29〜R2')).toBe('H29~R2');
    expect(normalizeText('H29～R2')).toBe('H29~R2');
  });

  it('joins a line wrapped inside Japanese text without a space', () => {
    expect(normalizeText('青パト月4回\n区だよりによ\nる実施団体\nの募集　年2\n回')).toBe(
      '青パト月4回区だよりによる実施団体の募集 年2回',
    );
    expect(normalizeText('208,872\n件（H27.3末現在）')).toBe('208,872件(H27.3末現在)');
  });

  it('keeps a space where a line break separates two ASCII words', () => {
    expect(normalizeText('87\n100')).toBe('87 100');
    expect(normalizeText('9,560\r\n(2019)')).toBe('9,560 (2019)');
  });

  it('collapses runs of whitespace and trims', () => {
    expect(normalizeText('  防災訓練参加者数　　26年度\t1,720人  ')).toBe('防災訓練参加者数 26年度 1,720人');
  });

  it('widens half-width katakana', () => {
    expect(normalizeText('ｶﾞｲﾄﾞ')).toBe('ガイド');
  });

  it('keeps circled numbers and letters', () => {
    expect(normalizeText('①(ⅰ) ㋐')).toBe('①(ⅰ) ㋐');
  });
});
