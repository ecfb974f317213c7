import type { Measure, MeasureValue, SheetRecord } from '../../../shared/model/record.ts';
import { parseValue } from '../../../shared/values/index.ts';
import type { SubmissionInput } from '../../../shared/summary/index.ts';

/** A measure value as the extractor would read `raw` under a (year, kind) header. */
export function value(year: number, kind: MeasureValue['kind'], raw: string, cell = 'H1'): MeasureValue {
  const p = parseValue(raw);
  return { year, kind, raw, value: p.value, comparator: p.comparator, blank: p.blank, cell };
}

export function measure(name: string, values: MeasureValue[], goal: string | null = null, group = '1'): Measure {
  return { group, name, detail: null, unit: null, cell: 'D11', values, fields: { goal } };
}

export function divisionSheet(organization: string, measures: Measure[], fiscalYear = 2020): SheetRecord {
  return {
    sheet: organization,
    family: 'org-goals',
    organization,
    fiscalYear,
    measures,
    findings: [],
    variant: 'division',
  };
}

export function wardSheet(priorities: string[], achieved = ''): SheetRecord {
  return {
    sheet: '秋葉区組織目標',
    family: 'org-goals',
    organization: '秋葉区',
    fiscalYear: 2020,
    measures: [],
    findings: [],
    variant: 'ward',
    fields: {
      goalCount: { value: String(priorities.length), cell: 'E11' },
      achievedCount: { value: achieved, cell: 'G11' },
    },
    items: { priorities: priorities.map((text, i) => ({ no: String(i + 1), text })) },
  };
}

export function submission(id: string, sheets: SheetRecord[], extra: Partial<SubmissionInput> = {}): SubmissionInput {
  return {
    id,
    file: `${id}.xlsx`,
    sha256: null,
    submittedAt: null,
    mtime: null,
    division: null,
    status: 'accepted',
    error: null,
    sheets,
    ...extra,
  };
}
