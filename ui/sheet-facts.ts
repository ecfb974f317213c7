import type { SheetRecord } from '../shared/model/record.ts';
import { bodyOfSheet, UNKNOWN_BODY } from '../shared/summary/group-inputs.ts';
import { fiscalYearText } from './finding-text.ts';

/** One thing a check recognised on a sheet, as a label and its value. */
export interface SheetFact {
  label: string;
  value: string;
}

/**
 * What a check recognised on a sheet — the form, the body it reports to, the division, the fiscal year and
 * how many indicators — in the words the summary workbook and the web console use (様式, 団体, 課, 年度,
 * 指標; 団体名不明 when the sheet names no body). A body's own sheet (区の組織目標, 方針書) names an
 * organisation rather than a 課.
 */
export function sheetFacts(record: SheetRecord, form: { family: string; variant: string | null }): SheetFact[] {
  return [
    { label: '様式', value: form.variant ?? form.family },
    { label: '団体', value: bodyOfSheet(record) ?? UNKNOWN_BODY },
    { label: record.variant === 'division' ? '課' : '組織', value: record.organization ?? '—' },
    { label: '年度', value: fiscalYearText(record.fiscalYear) },
    { label: '指標', value: `${record.measures.length}件` },
  ];
}
