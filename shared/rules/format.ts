// Small formatting helpers for finding params: what the message shows of a long label or a year.

/** Cuts a label for a message: one line, at most `max` characters, "…" when cut. */
export function short(text: string, max = 30): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** The era year staff write in headers: 2019 → "R1", 2017 → "H29", 2020 → "R2". */
export function eraYear(year: number): string {
  if (year >= 2019) return `R${year - 2018}`;
  if (year >= 1989) return `H${year - 1988}`;
  return String(year);
}

/** The 0-based row of an A1 address, or -1. */
export function rowOfCell(cell: string): number {
  const m = /^\$?[A-Za-z]{1,3}\$?(\d+)$/.exec(cell);
  return m ? Number(m[1]) - 1 : -1;
}

/** The era year as written in prose: 2020 → "令和2", 2019 → "令和元", 2018 → "平成30". */
export function eraName(year: number): string {
  if (year >= 2019) return year === 2019 ? '令和元' : `令和${year - 2018}`;
  if (year >= 1989) return year === 1989 ? '平成元' : `平成${year - 1988}`;
  return String(year);
}
