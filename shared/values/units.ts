// Units (counters) written right after a number: "16講座", "435g", "50%", "14ヶ所".

/** Counters and measures seen in the forms, and common ones staff type; longest first when matched. */
const KNOWN_UNITS: readonly string[] = [
  // percent and ratios
  '%',
  'ポイント',
  'pt',
  '割',
  '倍',
  // people, households, organisations
  '人',
  '名',
  '世帯',
  '戸',
  '組',
  '団体',
  '社',
  '企業',
  '事業所',
  '自治会',
  '店舗',
  '者',
  // events, cases, activities
  '回',
  '件',
  '講座',
  '教室',
  '事業',
  '科目',
  'コース',
  'プログラム',
  '種類',
  '品目',
  '項目',
  '作品',
  // places and facilities
  '施設',
  '公民館',
  '図書館',
  '地区',
  '路線',
  '校',
  '園',
  '館',
  '箇所',
  'か所',
  'ヶ所',
  'カ所',
  'ケ所',
  'ヵ所',
  '区',
  '市',
  '町',
  '村',
  '都市',
  'か国',
  'カ国',
  // things
  '冊',
  '部',
  '株',
  '本',
  '枚',
  '台',
  '基',
  '棟',
  '個',
  '頭',
  '匹',
  '羽',
  '点',
  '票',
  '通',
  '席',
  '食',
  '泊',
  '便',
  '軒',
  // time
  '時間',
  '分',
  '秒',
  '日間',
  '日',
  '週間',
  '週',
  'か月',
  'ヶ月',
  'カ月',
  'ケ月',
  'ヵ月',
  'か年',
  'カ年',
  'ヶ年',
  'ヵ年',
  '年間',
  '年',
  '歳',
  // money
  '円',
  // measures
  'kWh',
  'kwh',
  'KWh',
  'kW',
  'kw',
  'KW',
  'km2',
  'km',
  'm2',
  'm3',
  '㎡',
  'm',
  'cm',
  'mm',
  'ha',
  'kg',
  'g',
  't',
  'ml',
  'L',
  'ℓ',
]
  .slice()
  .sort((a, b) => b.length - a.length);

const PERCENT_WORDS = ['パーセント', '%'];

// Japanese counter characters: kanji, katakana (incl. ヶ ヵ), iteration marks.
const COUNTER_RUN = /^[\u4e00-\u9fff\u30a0-\u30ff\u3005]{1,6}/;
// Words after a counter that say what was done with it, not what was counted: "16講座実施".
const TRAILING_WORDS =
  /(実施|開催|完成|達成|発行|設置|整備|参加|登録|支援|以上|以下|未満|以内|程度|増加|減少|増|減|超|内|中|目|前後)+$/;
const MAX_FALLBACK_LENGTH = 3;

/** A unit read at a position: its canonical text and where it ends. */
export interface UnitMatch {
  unit: string;
  end: number;
}

/**
 * Reads the unit written at `at` (one space allowed before it). Known counters come first; otherwise a
 * short run of kanji/katakana such as "小学校" counts, minus words like 実施 that follow the counter.
 */
export function readUnit(text: string, at: number): UnitMatch | null {
  const start = text[at] === ' ' ? at + 1 : at;
  const rest = text.slice(start);
  for (const word of PERCENT_WORDS) {
    if (rest.startsWith(word)) return { unit: '%', end: start + word.length };
  }
  for (const unit of KNOWN_UNITS) {
    if (rest.startsWith(unit) && !continuesAsciiWord(unit, rest[unit.length]))
      return { unit, end: start + unit.length };
  }
  const run = COUNTER_RUN.exec(rest)?.[0];
  if (run === undefined || /^[月年度]/.test(run)) return null;
  const counter = run.replace(TRAILING_WORDS, '');
  if (counter === '' || counter.length > MAX_FALLBACK_LENGTH) return null;
  return { unit: counter, end: start + counter.length };
}

/** "5G" or "3ml" versus "3m long": an ASCII unit must not run on into more letters. */
function continuesAsciiWord(unit: string, next: string | undefined): boolean {
  return /[A-Za-z]$/.test(unit) && next !== undefined && /[A-Za-z0-9]/.test(next);
}

/** Canonical form of a unit given by a caller ("％" → "%"), for comparing with what was read. */
export function canonicalUnit(unit: string): string {
  const t = unit.normalize('NFKC').trim();
  return t === 'パーセント' ? '%' : t;
}
