export type { CalendarDate, Comparator, HeaderKind, ParsedHeader, ParsedValue } from './types.ts';
export { normalizeText, toHalfWidth } from './normalize.ts';
export {
  daysInMonth,
  eraYearNumber,
  eraYearToWestern,
  fiscalYearOf,
  parseFiscalYear,
  parseJapaneseDate,
} from './era.ts';
export { findYearSpans, type YearSpan } from './year-spans.ts';
export { canonicalUnit } from './units.ts';
export { isNotFinal, parseValue, type ValueHint } from './parse-value.ts';
export { isYearHeader, parseHeader } from './parse-header.ts';
export { eraAbbreviation, eraFiscalYear, formatYearHeader } from './format-year.ts';
export { formatNumber } from './format-number.ts';
