import { groupLabel, type SummaryPlans } from '../../shared/summary/group-plan.ts';
import type { SubmissionInput } from '../../shared/summary/index.ts';
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

/** stdout of a run: each summary with its counts, then 読込不可, 差戻し and 対象外 files, the exports and a 合計 line. */
export function runReport(
  written: readonly { path: string; line: string }[],
  planned: SummaryPlans,
  submissions: readonly SubmissionInput[],
  exported: readonly string[],
): string {
  const lines: string[] = [];
  for (const w of written) lines.push(`集計を書き出しました: ${w.path}`, w.line);
  const unplaced = new Set(planned.unplaced);
  // A file of a group the selection left out (--ward, --fiscal-year) is 対象外 only, not also 差戻し or 受理.
  const summarised = new Set(planned.plans.flatMap((p) => p.submissions));
  const excludedFiles = new Set(planned.excluded.map((e) => e.file));
  const counted = submissions.filter((s) => summarised.has(s) || !excludedFiles.has(s.file));
  for (const [status, title] of [
    ['unreadable', '読込不可'],
    ['rejected', '差戻し'],
  ] as const) {
    const listed = counted.filter((s) => s.status === status && !unplaced.has(s));
    if (listed.length === 0) continue;
    lines.push(`${title} ${listed.length} 件（集計ブックの提出状況にも記載）:`);
    for (const s of listed) lines.push(`  ✗ ${s.file}: ${s.error?.message ?? ''}`);
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
    for (const e of planned.excluded) lines.push(`  - ${e.file}${e.sheet ? `（${e.sheet}）` : ''}: ${e.reason}`);
  }
  lines.push(...exported);
  const count = (status: SubmissionInput['status']) => counted.filter((s) => s.status === status).length;
  lines.push(
    `合計: 集計 ${written.length} 件、ファイル ${submissions.length}（受理 ${count('accepted')}、差戻し ${count('rejected')}、読込不可 ${count('unreadable')}、対象外 ${new Set(planned.excluded.map((e) => e.file)).size}）`,
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
