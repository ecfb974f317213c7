import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFiscalYear, parseHeader, parseJapaneseDate, parseValue, toHalfWidth } from '../../shared/values/index.ts';

const RUNS = { numRuns: 200 };

/** Any string at all: full unicode, lone surrogates, control characters, long runs. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 }),
  fc.string({
    unit: fc.constantFrom(
      'H',
      'R',
      '令和',
      '平成',
      '年度',
      '実績',
      '目標',
      '１',
      '2',
      '，',
      ',',
      '.',
      '．',
      '％',
      '人',
      '以上',
      '未満',
      '△',
      '▲',
      '－',
      '（',
      '）',
      '累計',
      '万',
      '億',
      '千円',
      '\u0000',
      '\t',
      '\r',
      '\n',
      '\ud800',
      '\udfff',
    ),
    maxLength: 60,
  }),
);

/** Writes a digit string full-width, half-width, or mixed ("3３6") as a seeded choice per character. */
function widen(text: string, pattern: boolean[]): string {
  return [...text]
    .map((ch, i) =>
      pattern[i % Math.max(1, pattern.length)] && /[0-9.,%]/.test(ch)
        ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0)
        : ch,
    )
    .join('');
}

function withThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const COMPARATORS = [
  ['以上', '>='],
  ['以下', '<='],
  ['未満', '<'],
  ['', null],
] as const;
const UNITS = ['人', '回', '件', '%', '講座', '箇所', ''] as const;

describe('value reader properties', () => {
  it('parseValue never throws and keeps the raw text, on any string', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const parsed = parseValue(text);
        expect(parsed.raw).toBe(text);
        expect(parsed.value === null || Number.isFinite(parsed.value)).toBe(true);
      }),
      RUNS,
    );
  });

  it('parseHeader, parseFiscalYear and parseJapaneseDate never throw on any string', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const header = parseHeader(text);
        expect(header.raw).toBe(text);
        expect(header.year === null || Number.isInteger(header.year)).toBe(true);
        parseFiscalYear(text);
        parseJapaneseDate(text);
      }),
      RUNS,
    );
  });

  it('reads a huge string in bounded time', () => {
    const huge = '１，２３４人以上'.repeat(20_000) + '\ud800'.repeat(1000) + 'H29年度'.repeat(5000);
    const started = performance.now();
    parseValue(huge);
    parseHeader(huge);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('reads full-width, half-width and mixed-width writings of a value the same', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999 }),
        fc.constantFrom(...UNITS),
        fc.constantFrom(...COMPARATORS),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        (n, unit, [word], pattern) => {
          const half = `${withThousands(String(n))}${unit}${word}`;
          const mixed = widen(half, pattern);
          const { raw: _a, ...expected } = parseValue(half);
          const { raw: _b, ...actual } = parseValue(mixed);
          expect(actual).toEqual(expected);
          expect(parseValue(toHalfWidth(mixed)).value).toBe(expected.value);
        },
      ),
      RUNS,
    );
  });

  it('reads a formatted number back as the same number, with separators, width, unit, sign and comparator', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999_999 }),
        fc.integer({ min: 0, max: 2 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(...UNITS),
        fc.constantFrom(...COMPARATORS),
        fc.boolean(),
        (whole, decimals, negative, separators, unit, [word, comparator], full) => {
          const value = (negative ? -1 : 1) * (whole / 10 ** decimals);
          const digits = Math.abs(value).toFixed(decimals);
          const [int = '', frac] = digits.split('.');
          let text = `${negative ? '△' : ''}${separators ? withThousands(int) : int}${frac ? `.${frac}` : ''}${unit}${word}`;
          if (full) text = widen(text, [true]);
          const parsed = parseValue(text);
          expect(parsed.value).toBeCloseTo(value, 9);
          expect(parsed.comparator).toBe(comparator);
          expect(parsed.unit).toBe(unit === '' ? null : unit);
          expect(parsed.blank).toBe(false);
        },
      ),
      RUNS,
    );
  });

  it('reads era and Western year headers of the same fiscal year alike', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom('実績', '目標', '結果'),
        fc.boolean(),
        (heisei, kind, full) => {
          const era = `${full ? 'Ｈ' : 'H'}${full ? widen(String(heisei), [true]) : heisei}${kind}`;
          const western = `${1988 + heisei}${kind}`;
          const a = parseHeader(era);
          const b = parseHeader(western);
          expect(a.year).toBe(1988 + heisei);
          expect({ year: a.year, kind: a.kind }).toEqual({ year: b.year, kind: b.kind });
        },
      ),
      RUNS,
    );
  });
});
