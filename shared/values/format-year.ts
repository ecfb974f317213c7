import type { HeaderKind } from './types.ts';

/** The short era notation staff write in headers: 2017 → "H29", 2019 → "R1", 2020 → "R2". */
export function eraAbbreviation(year: number): string {
  if (year >= 2019) return `R${year - 2018}`;
  if (year >= 1989) return `H${year - 1988}`;
  return `S${year - 1925}`;
}

/** The long era name for a fiscal year: 2020 → "令和2年度", 2019 → "令和元年度". */
export function eraFiscalYear(year: number): string {
  const [era, n] = year >= 2019 ? ['令和', year - 2018] : year >= 1989 ? ['平成', year - 1988] : ['昭和', year - 1925];
  return `${era}${n === 1 ? '元' : n}年度`;
}

const KIND_WORD: Record<HeaderKind, string> = {
  actual: '実績',
  target: '目標',
  result: '結果',
  baseline: '現状値',
  plan: '',
};

/** A year column header as a template writes it: ("era", 2020, "target") → "R2目標"; ("western", …) → "2020目標". */
export function formatYearHeader(year: number, kind: HeaderKind, notation: 'era' | 'western'): string {
  const y = notation === 'era' ? eraAbbreviation(year) : String(year);
  return `${y}${KIND_WORD[kind]}`;
}
