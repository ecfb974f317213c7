import { ruleName } from '../../shared/messages/index.ts';
import { eraFiscalYear } from '../../shared/values/index.ts';
import type { SummaryModel } from '../../shared/summary/index.ts';
import { XlsxBook } from '../xlsx/xlsx-book.ts';
import { familyPlan } from './family-sheet.ts';
import { fileNameOnly, reasonNaming, type FileNamer } from './file-names.ts';
import { jst, SEVERITY_LABELS, STATE_LABELS } from './labels.ts';
import { overviewPlan } from './overview-sheet.ts';
import { writeSheet, type PlannedRow, type SheetPlan } from './sheet-plan.ts';
import { HEADER_STYLE, JUDGED, sheetName, TITLE } from './sheet-style.ts';
import { statementPlan } from './statement-sheet.ts';

export interface WriteSummaryOptions {
  /**
   * How a submitted file is named on 概要, 検証結果 and 提出状況 (consolidate: the path below the input folder,
   * `inputFileNamer`); by default its name alone. Never a full local or server path.
   */
  fileName?: FileNamer;
}

/**
 * The summary as .xlsx bytes: 概要 (the one-page dashboard with its chart), one sheet per form, the
 * 方針書's priorities, 検証結果 and 提出状況 — rows are written and deflated sheet by sheet.
 */
export async function writeSummary(model: SummaryModel, options: WriteSummaryOptions = {}): Promise<Buffer> {
  const name = options.fileName ?? fileNameOnly;
  const book = new XlsxBook({ creator: 'mokuhyo', created: new Date(model.generatedAt) });
  const taken = new Set<string>();
  const title = titleOf(model);
  writeSheet(book, overviewPlan(sheetName('概要', taken), model, title, name));
  for (const table of model.tables) {
    // A large ward's tables are long: let timers and I/O (lock renewals in a queue worker) run between sheets.
    await new Promise((done) => setImmediate(done));
    writeSheet(book, familyPlan(sheetName(table.title, taken), table, model, title));
  }
  if (model.statements.length > 0) writeSheet(book, statementPlan(sheetName('方針書', taken), model, title));
  writeSheet(book, findings(sheetName('検証結果', taken), model, title, name));
  writeSheet(book, statuses(sheetName('提出状況', taken), model, title, name));
  return book.finish();
}

/** "秋葉区 2020年度（令和2年度） 目標シート集計". */
export function titleOf(model: SummaryModel): string {
  return `${model.ward ?? '（区名未設定）'} ${yearsOf(model)} 目標シート集計`.replace(/\s+/g, ' ').trim();
}

function yearsOf(model: SummaryModel): string {
  const years = model.fiscalYear !== null ? [model.fiscalYear] : model.fiscalYears;
  if (years.length === 1) return `${years[0]}年度（${eraFiscalYear(years[0]!)}）`;
  return years.length ? `${years.join('・')}年度` : '';
}

function header(labels: readonly string[]): PlannedRow {
  return labels.map((value) => ({ value, style: HEADER_STYLE }));
}

function findings(name: string, model: SummaryModel, title: string, fileName: FileNamer): SheetPlan {
  const stateOf = new Map(model.statuses.filter((s) => s.file).map((s) => [s.file!, STATE_LABELS[s.state]]));
  const labels = ['課', '重大度', '内容', 'ファイル', '扱い', 'シート', 'セル', 'チェック項目'];
  function* rows(): Generator<readonly [number, PlannedRow]> {
    yield [1, [{ value: `検証結果（${title}）`, style: TITLE, overflow: true }]];
    yield [2, header(labels)];
    if (model.findings.length === 0) yield [3, [{ value: '集計した提出に指摘事項はありません。', overflow: true }]];
    let r = 3;
    const order = { error: 0, warning: 1, info: 2 } as const;
    for (const f of [...model.findings].sort((a, b) => order[a.finding.severity] - order[b.finding.severity])) {
      const severity = SEVERITY_LABELS[f.finding.severity];
      yield [
        r++,
        [
          { value: f.division ?? '' },
          {
            value: severity,
            ...(f.finding.severity === 'error'
              ? { style: JUDGED['not-achieved'] }
              : f.finding.severity === 'warning'
                ? { style: JUDGED.pending }
                : {}),
          },
          { value: f.finding.message },
          { value: fileName(f.file) },
          { value: stateOf.get(f.file) ?? '' },
          { value: f.sheet },
          { value: f.finding.cell ?? '' },
          // The check's Japanese name, as a person reads it (the code stays in the JSON).
          { value: ruleName(f.finding.code) },
        ],
      ];
    }
  }
  return {
    name,
    title,
    rows,
    fit: { fromRow: 2, max: 16 },
    clamp: { 1: [8, 12], 3: [40, 62], 4: [12, 18], 6: [8, 12], 8: [10, 14] },
    fixed: { 2: 7, 5: 9, 7: 6 },
    freezeRow: 3,
    titleRows: '1:2',
    autoFilter: { fromRow: 2, toRow: Math.max(2, 2 + model.findings.length), columns: labels.length },
  };
}

function sameBody(a: string | null, b: string | null): boolean {
  const key = (t: string | null) => (t ?? '').normalize('NFKC').replace(/\s+/g, '');
  return a !== null && b !== null && key(a) === key(b);
}

function statuses(name: string, model: SummaryModel, title: string, fileName: FileNamer): SheetPlan {
  const labels = ['課', '状態', '提出日時', 'ファイル', 'SHA-256', '理由'];
  const excluded = model.excluded ?? [];
  function* rows(): Generator<readonly [number, PlannedRow]> {
    yield [1, [{ value: `提出状況（${title}）`, style: TITLE, overflow: true }]];
    yield [2, header(labels)];
    let r = 3;
    for (const s of model.statuses) {
      const shade =
        s.state === 'used'
          ? JUDGED.achieved
          : s.state === 'missing'
            ? JUDGED.pending
            : s.state === 'unreadable'
              ? JUDGED.unreadable
              : s.state === 'rejected'
                ? JUDGED['not-achieved']
                : null;
      yield [
        r++,
        [
          { value: s.wardSheet ? `区の組織目標（${s.division ?? ''}）` : (s.division ?? '') },
          { value: STATE_LABELS[s.state], ...(shade ? { style: shade } : {}) },
          { value: jst(s.submittedAt) },
          { value: s.file === null ? '' : fileName(s.file) },
          { value: s.sha256 ?? '' },
          { value: reasonNaming(s.reason ?? '', s.file, fileName) },
        ],
      ];
    }
    for (const e of excluded) {
      // Another body's input is named by its file only: its body, sheets and figures stay out of this workbook
      // (the CLI's report names them). The same body's other year keeps its reason, which names the years.
      const own = sameBody(e.body, model.ward);
      const sheets = /（\d+ シート）$/.exec(e.reason)?.[0] ?? '';
      const stated = own
        ? e.reason
        : `${model.ward ? `対象の団体（${model.ward}）` : 'この集計の団体'}とは別の団体の提出です${sheets}`;
      const reason = own && e.sheet && !stated.includes(e.sheet) ? `${stated}（シート「${e.sheet}」）` : stated;
      yield [
        r++,
        [
          { value: own ? (e.body ?? '') : '' },
          { value: STATE_LABELS['out-of-scope'] },
          null,
          { value: fileName(e.file) },
          null,
          { value: reason },
        ],
      ];
    }
  }
  return {
    name,
    title,
    rows,
    fit: { fromRow: 2, max: 16 },
    // The SHA-256 (64 hex digits) in two lines, the time on one (游ゴシック digits are wider than the column unit).
    clamp: { 1: [8, 14], 4: [14, 30], 5: [38, 38], 6: [24, 50] },
    fixed: { 2: 11, 3: 18 },
    freezeRow: 3,
    titleRows: '1:2',
    autoFilter: { fromRow: 2, toRow: Math.max(2, 2 + model.statuses.length + excluded.length), columns: labels.length },
  };
}
