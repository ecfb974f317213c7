import { groupLabel, type SummaryPlans } from '../../shared/summary/group-plan.ts';
import type { LedgerRow, LedgerStatus } from '../../shared/ledger/types.ts';
import type { SubmissionInput, SummaryModel } from '../../shared/summary/index.ts';
import type { ConsolidateTimings } from '../summary/consolidate-files.ts';

// What `mokuhyo consolidate` tells the coordinator: the summaries written, every file not used and why.

/** The message when the input holds nothing to summarise (or nothing the selection names). */
export function nothingToSummarise(
  planned: SummaryPlans,
  ward: string | null,
  fiscalYear: string | null,
  submissions: readonly SubmissionInput[],
): string {
  if (planned.groups.length === 0) {
    const files = submissions.map((s) => `  ✗ ${s.file}: ${s.error?.message ?? '既知の様式のシートがありません'}`);
    return `集計できるシート（組織目標管理シートなど既知の様式）がありません:\n${files.join('\n')}`;
  }
  const asked = [ward ? `--ward ${ward}` : '', fiscalYear ? `--fiscal-year ${fiscalYear}` : '']
    .filter(Boolean)
    .join(' ');
  return `${asked} に当たるシートがありません。入力にある団体・年度: ${planned.groups.map(groupLabel).join('、')}`;
}

/** One summary written, with the model it was written from. */
export interface WrittenSummary {
  path: string;
  line: string;
  model: SummaryModel;
}

/** A name as one line of the report: control characters (a newline in a file or cell name) shown escaped. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- exactly the characters that would break the report's lines
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : '?'));
}

const WORSE: Record<LedgerStatus, number> = { 受理: 0, 処理中: 1, 未提出: 1, 差戻し: 2, 読込不可: 3 };

/** The ledger of a summary, one line a row: the ward's own sheet (when it has one), then every division. */
export function ledgerLines(model: SummaryModel): string[] {
  const { ledger } = model;
  const line = (label: string, row: LedgerRow): string =>
    `  ・${printable(label)}: ${row.status}${row.reason ? ` — ${printable(row.reason)}` : ''}`;
  const lines = model.statuses.some((s) => s.wardSheet) ? [line('区の組織目標', ledger.wardSheet)] : [];
  // Files no division can be told from are listed under 読込不可 / 差戻し below, with their names.
  for (const row of ledger.divisions) lines.push(line(row.division, row));
  return lines;
}

/**
 * stdout of a run: each summary with its ledger (every division's word and reason, as the console and the
 * summary show them), then 読込不可, 差戻し and 対象外 files, the exports and a 合計 line.
 */
export function runReport(
  written: readonly WrittenSummary[],
  planned: SummaryPlans,
  submissions: readonly SubmissionInput[],
  exported: readonly string[],
): string {
  const lines: string[] = [];
  for (const w of written) lines.push(`集計を書き出しました: ${printable(w.path)}`, w.line, ...ledgerLines(w.model));
  // Each file's word as a whole, from the summaries it is in (the worse when it is in two).
  const outcome = new Map<string, { status: LedgerStatus; reason: string | null }>();
  for (const w of written) {
    for (const f of w.model.files) {
      const had = outcome.get(f.file);
      if (!had || WORSE[f.status] > WORSE[had.status]) outcome.set(f.file, { status: f.status, reason: f.reason });
    }
  }
  const unplaced = new Set(planned.unplaced);
  for (const [status, title] of [
    ['読込不可', '読込不可'],
    ['差戻し', '差戻し'],
  ] as const) {
    const listed = [...outcome].filter(([, o]) => o.status === status);
    if (listed.length === 0) continue;
    lines.push(`${title} ${listed.length} 件（集計ブックの提出状況にも記載）:`);
    for (const [file, o] of listed) lines.push(`  ✗ ${printable(file)}: ${printable(o.reason ?? '')}`);
  }
  if (unplaced.size > 0) {
    // With several summaries, a folder holding none of their files (build scripts, notes) is named here only.
    lines.push(
      `読込不可・様式なし ${unplaced.size} 件（どの集計とも別のフォルダのため、集計ブックには載せていません）:`,
    );
    for (const [folder, files] of byFolder(planned.unplaced)) {
      const reasons = new Set(files.map((s) => s.error?.message ?? ''));
      const reason =
        reasons.size === 1
          ? [...reasons][0]!
          : files.every((s) => s.status === 'unreadable')
            ? 'Excel ブック（.xlsx）として読めません。'
            : 'Excel ブックとして読めないか、既知の様式のシートがありません。';
      lines.push(
        `  ✗ ${folder}: ${files.map((s) => s.file.slice(folder.length)).join('、')}（${files.length} ファイル）— ${reason}`,
      );
    }
  }
  if (planned.excluded.length > 0) {
    lines.push(`対象外 ${planned.excluded.length} 件:`);
    for (const e of planned.excluded)
      lines.push(`  - ${printable(e.file)}${e.sheet ? `（${printable(e.sheet)}）` : ''}: ${e.reason}`);
  }
  lines.push(...exported);
  const excludedOnly = new Set(planned.excluded.map((e) => e.file).filter((f) => !outcome.has(f)));
  const count = (status: LedgerStatus) =>
    [...outcome.values()].filter((o) => o.status === status).length +
    planned.unplaced.filter((s) =>
      status === '読込不可' ? s.status === 'unreadable' : status === '差戻し' ? s.status === 'rejected' : false,
    ).length;
  lines.push(
    `合計: 集計 ${written.length} 件、ファイル ${submissions.length}（受理 ${count('受理')}、差戻し ${count('差戻し')}、読込不可 ${count('読込不可')}、対象外 ${excludedOnly.size}）`,
  );
  return `${lines.join('\n')}\n`;
}

/** Files by the folder they are in (the folder with its trailing separator), in order of first appearance. */
function byFolder(files: readonly SubmissionInput[]): Map<string, SubmissionInput[]> {
  const folders = new Map<string, SubmissionInput[]>();
  for (const s of files) {
    const folder = s.file.slice(0, Math.max(s.file.lastIndexOf('/'), s.file.lastIndexOf('\\')) + 1);
    folders.set(folder, [...(folders.get(folder) ?? []), s]);
  }
  return folders;
}

/**
 * Where the time went, for a coordinator asking why a run is slow: start-up (process start to the first file,
 * incl. listing the folders), then the three phases of the consolidation, in seconds.
 */
export function timingLine(finishedMs: number, files: number, t: ConsolidateTimings): string {
  const sec = (ms: number): string => (ms / 1000).toFixed(2);
  const startMs = finishedMs - t.ingestMs - t.buildMs - t.writeMs;
  return `処理時間: 起動 ${sec(startMs)} 秒、読み込み・検証 ${sec(t.ingestMs)} 秒（${files} ファイル）、集計 ${sec(t.buildMs)} 秒、書き出し ${sec(t.writeMs)} 秒、合計 ${sec(finishedMs)} 秒`;
}

/** The line under a summary written: the ledger's headline counts, the indicators and the files. */
export function summaryLine(label: string, model: SummaryModel): string {
  const c = model.ledger.counts;
  const rows = model.tables.reduce((n, t) => n + t.rows.length, 0);
  const submitted = model.ledger.expectedKnown ? `提出 ${c.submitted} ／ ${c.expected} 課` : `課 ${c.expected}`;
  const processing = c.処理中 > 0 ? `、処理中 ${c.処理中}` : '';
  const loose = model.ledger.unattributed.length;
  const unknown = loose > 0 ? `（うち課の分からないファイル ${loose}）` : '';
  return `  ${label}\u3000${submitted}（受理 ${c.受理}、差戻し ${c.差戻し}、読込不可 ${c.読込不可}${processing}、未提出 ${c.未提出}）\u3000指標 ${rows}\u3000ファイル ${model.files.length}${unknown}`;
}
