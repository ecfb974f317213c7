import { JUDGEMENT_LABELS, type SummaryModel } from '../../shared/summary/index.ts';

const CSV_HEADER = ['年度', '区', '課', '様式', 'No.', '目標／事業', '指標', '内容', '単位', '年度別の値', '目標', '結果', '判定', '判定根拠', '達成率(%)', 'ファイル', 'シート', 'セル'];

/** Neutralises text a spreadsheet would run as a formula (= + - @, tab, CR) by prefixing a quote. */
export function csvSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return `"${csvSafe(text).replace(/"/g, '""')}"`;
}

/** Every measure as open-data CSV (UTF-8 with BOM, CRLF), one row per measure. */
export function measuresCsv(model: SummaryModel): string {
  const lines = [CSV_HEADER.map(quote).join(',')];
  for (const table of model.tables) {
    for (const row of table.rows) {
      const values = table.columns.filter((c) => row.values[c.key]).map((c) => `${c.label}:${row.values[c.key]}`).join(' / ');
      const cells = [
        String(row.fiscalYear ?? ''), model.ward ?? '', row.division, table.family, row.group ?? '', row.goal ?? '', row.name, row.detail ?? '', row.unit ?? '',
        values, row.targetText ?? '', row.resultText ?? '', JUDGEMENT_LABELS[row.judgement.judgement], row.judgement.basis,
        row.judgement.rate === null ? '' : String(row.judgement.rate), row.provenance.file, row.provenance.sheet, row.provenance.cell,
      ];
      lines.push(cells.map(quote).join(','));
    }
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** Every measure as JSON, for open data and scripts. */
export function measuresJson(model: SummaryModel): string {
  const doc = {
    ward: model.ward,
    fiscalYear: model.fiscalYear,
    fiscalYears: model.fiscalYears,
    generatedAt: model.generatedAt,
    measures: model.tables.flatMap((t) =>
      t.rows.map((r) => ({
        family: t.family, fiscalYear: r.fiscalYear, division: r.division, group: r.group, goal: r.goal, name: r.name, detail: r.detail, unit: r.unit,
        values: Object.fromEntries(t.columns.filter((c) => c.key in r.values).map((c) => [c.label, r.values[c.key]])),
        target: r.targetText, result: r.resultText, judgement: r.judgement.judgement, judgementLabel: JUDGEMENT_LABELS[r.judgement.judgement],
        basis: r.judgement.basis, direction: r.judgement.direction, rate: r.judgement.rate, relist: r.relist,
        source: { file: r.provenance.file, sheet: r.provenance.sheet, cell: r.provenance.cell },
      })),
    ),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
