import { toHalfWidth } from '../values/index.ts';

const KNOWN_UNITS = new Set([
  '人',
  '回',
  '件',
  '冊',
  '%',
  '円',
  '千円',
  '万円',
  '講座',
  '店舗',
  '世帯',
  '団体',
  '箇所',
  'か所',
  'カ所',
  '校',
  '日',
  '時間',
  '人日',
  't',
  'kg',
  'g',
  'kw',
  'kW',
  'kWh',
  'kwh',
  '事業',
  '本',
  '台',
  '戸',
  '社',
  '名',
  '組',
  '部',
  '枚',
  '号',
  'ha',
  'm',
  'km',
  '㎡',
  '点',
  '歳',
  '倍',
  '館',
  '施設',
  '地区',
  '箇所数',
]);

/** The unit named in an indicator label: "利用者数（人）" → 人, "地区懇談会開催回数〔回)" → 回; null if none. */
export function unitFromLabel(label: string): string | null {
  const text = toHalfWidth(label).replace(/\s+/g, '');
  const re = /[(（〔［[【]([^()（）〔〕［］[\]【】]{1,8})[)）〕］\]】]/g;
  let found: string | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const inner = m[1]!.replace(/^単位[:：]?/, '').replace(/％/g, '%');
    if (KNOWN_UNITS.has(inner)) found = inner;
    else if (found === null && inner.length <= 2 && !/\d/.test(inner)) found = inner;
  }
  return found;
}
