import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatNumber,
  generalNumber,
  isDateFormat,
  isoDate,
  roundHalfUp,
  serialToDate,
} from '../../../worker/xlsx/index.ts';
import { parseDefinedNames, parseSheetNames } from '../../../worker/xlsx/inspect-package.ts';

describe('formatNumber', () => {
  it.each([
    [1234.5, '#,##0', '1,235'],
    [1234.56, '#,##0.0', '1,234.6'],
    [-1234.56, '#,##0.0', '-1,234.6'],
    [2.25, '0.0', '2.3'],
    [1.005, '0.00', '1.01'],
    [0.5, '0%', '50%'],
    [0.1234, '0.0%', '12.3%'],
    [0.30000000000000004, 'General', '0.3'],
    [0.30000000000000004, undefined, '0.3'],
    [1e-7, undefined, '1e-7'],
    [-5, '#,##0;[Red]\\-#,##0', '-5'],
    [-5, '#,##0;"△"#,##0', '△5'],
    [0, '#,##0;-#,##0;"－"', '－'],
    [12, '#,##0_ ', '12 '],
    [1500, '[$¥-411]#,##0', '¥1,500'],
    [1500, '#,##0"人"', '1,500人'],
    [7, '000', '007'],
    [0.5, '#.##', '.5'],
  ])('formats %s with %s as %s', (value, fmt, text) => {
    expect(formatNumber(value, fmt)).toBe(text);
  });

  it('falls back to General for formats it does not know', () => {
    expect(formatNumber(1234.5, '0.00E+00')).toBe('1234.5');
    expect(formatNumber(0.75, '# ?/?')).toBe('0.75');
  });

  it('never shows float noise under General', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 4 }), (n, d) => {
        const v = n / 10 ** d;
        expect(generalNumber(v + 1e-12 * Math.sign(v))).not.toMatch(/\d{16}/);
        expect(Number(generalNumber(v))).toBe(v);
      }),
    );
  });

  it('rounds half away from zero on the decimal value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 3 }), (n, dec) => {
        const s = roundHalfUp(n / 1000, dec);
        expect(Math.abs(Number(s) - n / 1000)).toBeLessThanOrEqual(0.5 * 10 ** -dec + 1e-9);
        expect(s.split('.')[1]?.length ?? 0).toBe(dec);
      }),
    );
  });
});

describe('formatDate', () => {
  const d = (y: number, m: number, day: number, h = 0, mi = 0) => new Date(Date.UTC(y, m - 1, day, h, mi));

  it.each([
    [d(2020, 4, 1), '[$-411]ggge"年"m"月"d"日"', '令和2年4月1日'],
    [d(2019, 4, 30), 'ggge"年"m"月"d"日"', '平成31年4月30日'],
    [d(2019, 5, 1), '[$-ja-JP]ggge"年"m"月"d"日"', '令和1年5月1日'],
    [d(1989, 1, 7), '[$-411]ggge"年"', '昭和64年'],
    [d(2020, 4, 1), '[$-1030411]ggge\\年m\\月d\\日', '令和2年4月1日'],
    [d(2020, 4, 1), '[$-411]ge.m.d', 'R2.4.1'],
    [d(2020, 4, 1), 'yyyy"年"m"月"d"日"(aaa)', '2020年4月1日(水)'],
    [d(2020, 4, 1), 'mm-dd-yy', '2020/4/1'],
    [d(2020, 4, 1), undefined, '2020/4/1'],
    [d(2020, 4, 1, 9, 5), 'yyyy/m/d h:mm', '2020/4/1 9:05'],
    [d(2020, 4, 1, 9, 5), undefined, '2020/4/1 9:05'],
  ])('formats %s with %s as %s', (date, fmt, text) => {
    expect(formatDate(date, fmt)).toBe(text);
  });

  it('gives ISO values with a time only when there is one', () => {
    expect(isoDate(d(2020, 4, 1))).toBe('2020-04-01');
    expect(isoDate(d(2020, 4, 1, 13, 45))).toBe('2020-04-01T13:45:00');
    expect(isoDate(serialToDate(43922))).toBe('2020-04-01');
    expect(isoDate(serialToDate(42460, true))).toBe('2020-04-01');
  });

  it('recognises era formats exceljs misses and leaves number formats alone', () => {
    expect(isDateFormat('[$-411]ggge"年"')).toBe(true);
    expect(isDateFormat('General')).toBe(false);
    expect(isDateFormat('0.00E+00')).toBe(false);
    expect(isDateFormat('#,##0"円"')).toBe(false);
  });
});

describe('workbook.xml parsing', () => {
  const xml = `<?xml version="1.0"?><x:workbook xmlns:x="urn:main"><x:sheets>
    <x:sheet name="健康福祉課" sheetId="1" r:id="rId1"/><x:sheet name="A &amp; B" sheetId="2" r:id="rId2"/></x:sheets>
    <x:definedNames><x:definedName name="mokuhyo.template">&quot;org-goals@1&quot;</x:definedName>
    <x:definedName name="_xlnm.Print_Area" localSheetId="1">'A &amp; B'!$A$1:$C$3</x:definedName></x:definedNames></x:workbook>`;

  it('reads sheet names in order, with prefixes and entities', () => {
    expect(parseSheetNames(xml)).toEqual(['健康福祉課', 'A & B']);
  });

  it('reads defined names with their scope and raw text', () => {
    expect(parseDefinedNames(xml)).toEqual([
      { name: 'mokuhyo.template', localSheetId: null, text: '"org-goals@1"' },
      { name: '_xlnm.Print_Area', localSheetId: 1, text: "'A & B'!$A$1:$C$3" },
    ]);
  });
});
