import { describe, expect, it } from 'vitest';
import { checkGrid } from '../../../shared/rules/index.ts';
import { division, found } from './fixtures.ts';

describe('common rules', () => {
  it('passes the clean division fixture without findings', () => {
    expect(found(division())).toEqual([]);
  });

  it('reports a required field left empty', () => {
    expect(found(division({ E2: null }))).toEqual(['common/required-empty E2']);
  });

  it('reports a target that reads like a number but is not one', () => {
    const check = checkGrid(division({ H12: '1,0OO' }));
    expect(check.findings.map((f) => `${f.code} ${f.cell}`)).toEqual(['common/number-unreadable H12']);
    expect(check.record.findings[0]?.message).toMatch(
      /^H12（つながる支援ファイル利用者数（人）・R2目標）の「1,0OO」を数値として読めません。/,
    );
  });

  it('accepts well-formed numbers and qualitative targets', () => {
    expect(found(division({ H12: '100.5', H13: '講座の実施', H14: '１，７００' }))).toEqual([]);
  });

  it('reports a percentage in a row counted in 回', () => {
    expect(found(division({ H11: '50％' }))).toEqual(['common/unit-mismatch H11']);
  });

  it('accepts a value carrying the label unit', () => {
    expect(found(division({ H11: '10回' }))).toEqual([]);
  });

  it('reports mismatched brackets in the indicator name', () => {
    expect(found(division({ D11: '認知症カフェ開催回数〔回)' }))).toEqual(['common/bracket-mismatch D11']);
    expect(found(division({ D11: '認知症カフェ開催回数（回' }))).toEqual(['common/bracket-mismatch D11']);
  });

  it('reports a value ten times last year', () => {
    const check = checkGrid(division({ H14: 16600 }));
    expect(check.findings.map((f) => [f.code, f.cell, f.params['ratio']])).toEqual([['common/year-jump', 'H14', 10]]);
  });

  it('compares a result only with a single-figure target, never with the first number of several', () => {
    const jumps = (edits: Record<string, string | number>) =>
      checkGrid(division(edits))
        .findings.filter((f) => f.code === 'common/year-jump')
        .map((f) => f.cell);
    expect(jumps({ I14: 17500 })).toEqual(['I14']);
    expect(jumps({ H14: '講座 1,700人\n相談会 年200人', I14: 17500 })).toEqual([]);
  });

  it('accepts ordinary year-on-year changes and small counts', () => {
    expect(found(division({ H14: 2400, G11: 1, H11: 12 }))).toEqual([]);
  });

  it('reports a rate above 100%', () => {
    expect(found(division({ D11: '認知症カフェ参加率（％）', G11: '80%', H11: '120%' }))).toEqual([
      'common/rate-over-100 H11',
    ]);
  });

  it('accepts rates that may exceed 100% by nature and rates within 100%', () => {
    expect(found(division({ D11: '参加者数の前年比（％）', G11: '110%', H11: '120%' }))).toEqual([]);
    expect(found(division({ D11: '認知症カフェ参加率（％）', G11: '80%', H11: '95%' }))).toEqual([]);
  });

  it('reports text too long to print in its cell', () => {
    expect(found(division({ J12: 'あ'.repeat(400) }))).toEqual(['common/text-too-long J12']);
  });

  it('accepts long but printable text', () => {
    expect(found(division({ J12: 'あ'.repeat(200) }))).toEqual([]);
  });
});
