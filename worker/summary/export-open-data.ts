import { familyById } from '../../shared/families/index.ts';
import { fileNameOnly } from './file-names.ts';
import { parseValue, type HeaderKind } from '../../shared/values/index.ts';
import {
  divisionOf,
  isWardSheet,
  judgeMeasure,
  noSingleFigure,
  JUDGEMENT_LABELS,
  keepLatest,
  type Judgement,
  type SubmissionInput,
} from '../../shared/summary/index.ts';

/** One measure's value of one year, as open data (docs/api.md, `consolidate --csv/--json`). */
export interface OpenDataRow {
  body: string | null;
  fiscalYear: number | null;
  division: string;
  family: string;
  familyTitle: string;
  group: string | null;
  goal: string | null;
  measure: string;
  detail: string | null;
  year: number | null;
  kind: HeaderKind;
  /** The number read from the cell, in the base unit (1.2万人 → 12000); null when blank or qualitative. */
  value: number | null;
  unit: string | null;
  comparator: string | null;
  cumulative: boolean;
  blank: boolean;
  /** The cell's text as written. */
  text: string;
  judgement: Judgement;
  file: string;
  sheet: string;
  cell: string;
}

/** The inputs of one summary, for its open-data rows. */
export interface OpenDataSource {
  body: string | null;
  fiscalYear: number | null;
  submissions: readonly SubmissionInput[];
  /**
   * The ledger's counted version of each row (submission id → division): the figures the summary uses, even an
   * older 受理 version when the latest was sent back. Without it, each division's latest accepted sheet.
   */
  counted?: ReadonlyMap<string, readonly string[]>;
  /** How a file is named (consolidate: the path below the input folder); by default its name alone. */
  fileName?: (file: string) => string;
}

const KIND_LABELS: Record<HeaderKind, string> = {
  actual: '実績',
  target: '目標',
  result: '結果',
  baseline: '現状値',
  plan: '計画',
};

/** Every value of every measure the summary counts (the latest accepted submission per division), one row each. */
export function openDataRows(source: OpenDataSource): OpenDataRow[] {
  const rows: OpenDataRow[] = [];
  const counted = source.counted;
  const published = counted
    ? source.submissions.flatMap((submission) => {
        const rows = counted.get(submission.id) ?? [];
        // A file counted for one row is that row's; a file counted for several (one sheet a division) goes by sheet.
        return rows.length === 0
          ? []
          : submission.sheets.map((sheet) => {
              const own = divisionOf(submission, sheet);
              return { submission, sheet, division: rows.length === 1 || !rows.includes(own) ? rows[0]! : own };
            });
      })
    : keepLatest(source.submissions, () => true);
  for (const kept of published) {
    // Only accepted sheets are published: a file sent back for its errors is kept by keepLatest to show 差戻し.
    if (kept.submission.status !== 'accepted' || isWardSheet(kept.sheet) || !kept.sheet.family) continue;
    const family = kept.sheet.family;
    const fiscalYear = kept.sheet.fiscalYear ?? source.fiscalYear;
    for (const m of kept.sheet.measures) {
      const judgement = judgeMeasure(m, fiscalYear).judgement;
      for (const v of m.values) {
        // Older records carry no unit or 累計 of their own: read them from the text as written.
        const parsed = v.unit === undefined || v.cumulative === undefined ? parseValue(v.raw) : null;
        rows.push({
          body: source.body,
          fiscalYear,
          division: kept.division,
          family,
          familyTitle: familyById(family)?.title ?? family,
          group: m.group,
          goal: m.fields?.['goal'] ?? null,
          measure: m.name,
          detail: m.detail,
          year: v.year,
          kind: v.kind,
          // Several quantities in one cell, or a change against another year (前年度比10%増): 値 is empty and
          // 記載どおり carries the text, as the summary's cell shows it.
          value: v.blank || noSingleFigure(v) ? null : v.value,
          unit: v.unit ?? parsed?.unit ?? m.unit,
          comparator: v.comparator,
          cumulative: v.cumulative ?? parsed?.cumulative ?? false,
          blank: v.blank,
          text: v.raw,
          judgement,
          // The file's name (below the input folder at most): open data never carries a local or server path.
          file: (source.fileName ?? fileNameOnly)(kept.submission.file),
          sheet: kept.sheet.sheet,
          cell: v.cell,
        });
      }
    }
  }
  return rows;
}

/** The CSV's columns: Japanese header, and the cell of a row. */
const CSV_COLUMNS: [string, (r: OpenDataRow) => string | number | null][] = [
  ['団体', (r) => r.body],
  ['年度', (r) => r.fiscalYear],
  ['課', (r) => r.division],
  ['様式', (r) => r.family],
  ['様式名', (r) => r.familyTitle],
  ['No.', (r) => r.group],
  ['目標', (r) => r.goal],
  ['指標', (r) => r.measure],
  ['内容', (r) => r.detail],
  ['値の年度', (r) => r.year],
  ['種類', (r) => KIND_LABELS[r.kind]],
  ['値', (r) => r.value],
  ['単位', (r) => r.unit],
  ['比較', (r) => r.comparator],
  ['累計', (r) => (r.cumulative ? '累計' : null)],
  ['記載どおり', (r) => r.text],
  ['判定', (r) => JUDGEMENT_LABELS[r.judgement]],
  ['ファイル', (r) => r.file],
  ['シート', (r) => r.sheet],
  ['セル', (r) => r.cell],
];

/** Neutralises text a spreadsheet would run as a formula (= + - @, tab, CR) by prefixing a quote. */
export function csvSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A number as a plain CSV field (no separators, never quoted); text quoted and guarded; null empty. */
function field(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return `"${csvSafe(value).replace(/"/g, '""')}"`;
}

/** Open data as CSV: one row per measure and year value, UTF-8 with BOM, CRLF. */
export function openDataCsv(rows: readonly OpenDataRow[]): string {
  const lines = [CSV_COLUMNS.map(([name]) => field(name)).join(',')];
  for (const row of rows) lines.push(CSV_COLUMNS.map(([, cell]) => field(cell(row))).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** Open data as JSON: the same rows with the summaries they belong to (UTF-8 without BOM, as JSON parsers expect). */
export function openDataJson(
  rows: readonly OpenDataRow[],
  summaries: readonly { body: string | null; fiscalYear: number | null; file: string }[],
  generatedAt: string,
): string {
  const doc = {
    generatedAt,
    summaries,
    rows: rows.map((r) => ({ ...r, kindLabel: KIND_LABELS[r.kind], judgementLabel: JUDGEMENT_LABELS[r.judgement] })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
