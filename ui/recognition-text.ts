import type { Recognition } from '../shared/ledger/types.ts';
import { eraFiscalYear } from '../shared/values/format-year.ts';

/** What a check read from one sheet, as label–value pairs both the console and the add-in list. */
export function recognitionFacts(r: Recognition): { label: string; value: string }[] {
  const facts = [
    { label: '様式', value: r.familyTitle ?? '（不明）' },
    { label: '団体', value: r.body ?? '（記載なし）' },
    { label: '年度', value: r.fiscalYear === null ? '（記載なし）' : eraFiscalYear(r.fiscalYear) },
  ];
  if (r.divisionSheet) facts.push({ label: '課', value: r.division ?? '（記載なし）' });
  facts.push(
    r.wardSheet ? { label: '重点目標', value: `${r.priorities} 件` } : { label: '指標', value: `${r.indicators} 件` },
  );
  return facts;
}

/** "秋葉区 令和2年度 健康福祉課": the collection a check compares the sheet with. */
export function collectingText(c: { ward: string; fiscalYearLabel: string; division: string | null }): string {
  return [c.ward, c.fiscalYearLabel, c.division ?? '区の組織目標'].join('\u3000');
}
