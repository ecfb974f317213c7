/** Comparators a target can carry: 以上 >=, 超 >, 以下 <=, 未満 <, 維持 >=. */
export type Comparator = '>=' | '>' | '<=' | '<';

/** A cell value as staff typed it, read into its parts (see `parse value` in docs/api.md). */
export interface ParsedValue {
  raw: string;
  value: number | null;
  unit: string | null;
  comparator: Comparator | null;
  year: number | null;
  cumulative: boolean;
  blank: boolean;
}

export type HeaderKind = 'actual' | 'target' | 'result' | 'baseline' | 'plan';

/** A column header such as "Ｈ29実績" or "目標値（2025年）" read into year + kind. */
export interface ParsedHeader {
  raw: string;
  year: number | null;
  kind: HeaderKind | null;
}

/** A calendar date read from 和暦 or Western text ("令和2年4月1日", "2020/4/1"). */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}
