import { describe, expect, it } from 'vitest';
import { Prng } from '../../../bench/prng.ts';
import { formatNumber } from '../../../shared/values/index.ts';

describe('formatNumber', () => {
  it('writes thousands separators and at most the given decimals, without trailing zeros', () => {
    expect(formatNumber(1234567.891, 3)).toBe('1,234,567.891');
    expect(formatNumber(12, 3)).toBe('12');
    expect(formatNumber(0.5, 1)).toBe('0.5');
    expect(formatNumber(2.25, 1)).toBe('2.3');
    expect(formatNumber(-1234.5, 0)).toBe('-1,235');
    expect(formatNumber(1.0005, 3)).toBe('1.001');
  });

  it('agrees with Intl.NumberFormat en-US for every magnitude, sign and precision tried', () => {
    const prng = new Prng(0x9e3779b9);
    const random = () => prng.next();
    const formats = [0, 1, 2, 3].map((d) => new Intl.NumberFormat('en-US', { maximumFractionDigits: d }));
    const samples = [
      0,
      -0,
      0.0005,
      -0.0005,
      0.0625,
      1.0005,
      2.5,
      -2.5,
      999.9995,
      1e20,
      1e21,
      1.5e22,
      -1e21,
      Number.MAX_SAFE_INTEGER,
      NaN,
      Infinity,
      -Infinity,
    ];
    for (let i = 0; i < 20_000; i++) {
      const magnitude = 10 ** Math.floor(random() * 16 - 6);
      const value = (random() - 0.3) * magnitude;
      samples.push(value, Math.round(value * 1000) / 1000, Math.round(value * 8) / 8);
    }
    for (const n of samples)
      for (let d = 0; d <= 3; d++) expect(formatNumber(n, d), `${n} with ${d} digits`).toBe(formats[d]!.format(n));
  });
});
