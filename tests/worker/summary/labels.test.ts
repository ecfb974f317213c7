import { describe, expect, it } from 'vitest';
import { Prng } from '../../../bench/prng.ts';
import { jst } from '../../../worker/summary/labels.ts';

const ICU = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

describe('jst', () => {
  it('reads an ISO time as Japan Standard Time, as staff write it', () => {
    expect(jst('2020-05-01T00:30:00Z')).toBe('2020/05/01 09:30');
    expect(jst('2020-04-30T15:00:00Z')).toBe('2020/05/01 00:00');
    expect(jst('1999-12-31T14:59:59.999Z')).toBe('1999/12/31 23:59');
    expect(jst('2024-02-28T15:00:00+00:00')).toBe('2024/02/29 00:00');
  });

  it('agrees with the ICU time-zone formatter, minute by minute over the years, including before 1952', () => {
    const prng = new Prng(0x2545f491);
    const random = () => prng.next();
    const from = Date.UTC(1940, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    for (let i = 0; i < 20_000; i++) {
      const d = new Date(from + Math.floor(random() * (to - from)));
      expect(jst(d.toISOString())).toBe(ICU.format(d));
    }
  });

  it('leaves empty and unreadable times as they are', () => {
    expect(jst(null)).toBe('');
    expect(jst('いつか')).toBe('いつか');
  });
});
