import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { RenderedFinding, Severity } from '../../shared/model/finding.ts';
import type { FileError, SheetRecord } from '../../shared/model/record.ts';
import { contentGrids } from '../../shared/extract/index.ts';
import { checkGrid, type Phase } from '../../shared/rules/index.ts';
import { pathProblem } from '../ingest/collect-files.ts';
import { fileErrorOf } from '../ingest/extract-file.ts';
import { readWorkbookFile, type WorkbookLimits } from '../xlsx/index.ts';
import { collectInputs, outputPlace, reasonOf, reportProblems } from './cli-files.ts';
import type { Command } from './command.ts';
import { noteWriting, noteWritten } from './interrupt.ts';
import { CommandError } from './option-error.ts';
import { refuseForeignFile } from './own-outputs.ts';

const USAGE = `使い方: mokuhyo validate [--json] [--annotate <出力.xlsx|フォルダ>] [--phase planning|evaluation] <ファイル.xlsx|フォルダ>...

  シートを経験のある取りまとめ担当と同じ目で検証し、直すべき点をセルごとに表示します。
  フォルダは下の階層も含めて中のファイルをすべて読みます（ブックでないファイルは理由とともに
  「読み込めません」と表示します）。

  --json                 結果を JSON で出力します
  --annotate <出力>      指摘箇所に色とメモを付けたコピーを書き出します（元のファイルは変更しません）。
                         .xlsx のファイル名（入力が 1 ファイルのとき）か、フォルダを指定します。
                         フォルダは無ければ作り、コピーは元と同じファイル名で書き出します。
  --phase <段階>         planning（計画）/ evaluation（評価）。「計画」「評価」とも書けます。
                         省略時は様式ごとの目印（評価日など）で判定します。
  --max-bytes <n>        読み込むファイルの上限バイト数（環境変数 MOKUHYO_MAX_BYTES）
  --max-inflated-bytes <n>  展開後の上限バイト数（MOKUHYO_MAX_INFLATED_BYTES）
  --max-cells <n>        セル数の上限（MOKUHYO_MAX_CELLS）

終了コード: 0 エラーなし / 1 エラーの指摘あり / 2 読み込めないファイル・見つからないパス・書き出せない出力・使い方の誤り
           70 内部エラー（表示された内容を開発担当に報告してください） / 130・143 Ctrl+C・終了の指示で中断
`;

const LIMIT_OPTIONS = [
  ['max-bytes', 'MOKUHYO_MAX_BYTES', 'maxBytes'],
  ['max-inflated-bytes', 'MOKUHYO_MAX_INFLATED_BYTES', 'maxInflatedBytes'],
  ['max-cells', 'MOKUHYO_MAX_CELLS', 'maxCells'],
] as const;

/** A sheet's record in the validate output: the extract record with findings filled, plus the phase used. */
type ValidatedSheet = SheetRecord & { phase: Phase };

interface ValidatedFile {
  file: string;
  error: FileError | null;
  sheets: ValidatedSheet[];
  annotated?: string;
}

/** `mokuhyo validate`: findings per sheet as JSON or a readable Japanese list; exit 0 / 1 (errors) / 2 (unreadable). */
export const validateCommand: Command = async (args) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      annotate: { type: 'string' },
      phase: { type: 'string' },
      'max-bytes': { type: 'string' },
      'max-inflated-bytes': { type: 'string' },
      'max-cells': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      // Not an option of validate: answered with the one that does what -o does elsewhere.
      out: { type: 'string', short: 'o' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (values.out !== undefined)
    throw new CommandError(
      `validate に -o はありません。指摘を書き込んだコピーは --annotate ${values.out} で書き出せます。`,
      { showUsage: true },
    );
  const phase = phaseOption(values.phase);
  const limits = limitsOf(values);
  const { files, problems } = await collectInputs(positionals, '検証する');
  const targets = values.annotate ? await annotateTargets(files, values.annotate) : new Map<string, string>();

  // exceljs (≈ 0.3 s to load) only when a copy is written: a plain validate starts in a fraction of that.
  const annotateFile = targets.size > 0 ? (await import('../annotate/index.ts')).annotateFile : null;
  const results: ValidatedFile[] = [];
  let annotateFailed = false;
  for (const file of files) {
    const result = await validateFile(file, limits, phase);
    const target = targets.get(file);
    if (target && annotateFile && !result.error) {
      const fresh = !existsSync(target);
      noteWriting(target);
      try {
        await annotateFile(
          file,
          target,
          result.sheets.map((s) => ({ sheet: s.sheet, findings: s.findings })),
        );
        result.annotated = target;
        noteWritten(target, fresh);
      } catch (err) {
        noteWritten(target, false);
        annotateFailed = true;
        const reason = reasonOf(err, dirname(target)) ?? (err instanceof Error ? err.message : String(err));
        process.stderr.write(
          `mokuhyo validate: ${file} の注釈付きコピーを「${target}」に書き出せませんでした（${reason}）。\n`,
        );
      }
    }
    results.push(result);
  }

  if (values.json) process.stdout.write(JSON.stringify({ files: results }, null, 2) + '\n');
  else process.stdout.write(renderText(results) + '\n');
  reportProblems('validate', problems);
  if (annotateFailed || problems.length > 0 || results.some((r) => r.error)) return 2;
  return results.some((r) => r.sheets.some((s) => s.findings.some((f) => f.severity === 'error'))) ? 1 : 0;
};

/** Reads one workbook and checks every sheet; an unreadable file becomes its error, never an exception. */
export async function validateFile(
  file: string,
  limits: Partial<WorkbookLimits>,
  phase: Phase | undefined,
): Promise<ValidatedFile> {
  const problem = pathProblem(file);
  if (problem) return { file, error: problem, sheets: [] };
  try {
    const { grids } = await readWorkbookFile(file, { limits });
    const sheets = contentGrids(grids).map((grid) => {
      const check = checkGrid(grid, phase ? { phase } : {});
      return { ...check.record, phase: check.phase };
    });
    return { file, error: null, sheets };
  } catch (err) {
    return { file, error: fileErrorOf(err, file), sheets: [] };
  }
}

function phaseOption(value: string | undefined): Phase | undefined {
  if (value === undefined) return undefined;
  if (value === 'planning' || value === '計画') return 'planning';
  if (value === 'evaluation' || value === '評価') return 'evaluation';
  throw new CommandError(`--phase には planning（計画）か evaluation（評価）を指定してください（指定: ${value}）。`);
}

/** Limits from flags, else from MOKUHYO_MAX_* variables, else the reader's safe defaults. */
function limitsOf(values: Record<string, unknown>): Partial<WorkbookLimits> {
  const limits: Partial<WorkbookLimits> = {};
  for (const [flag, env, key] of LIMIT_OPTIONS) {
    const raw = (values[flag] as string | undefined) ?? process.env[env];
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n <= 0)
      throw new CommandError(`--${flag}（${env}）には正の整数を指定してください（指定: ${raw}）。`);
    limits[key] = n;
  }
  return limits;
}

/**
 * Where each annotated copy goes: an .xlsx name is the copy of the one file validated; a folder (created
 * when missing) receives each copy under its original file name. The original is never overwritten.
 */
async function annotateTargets(files: readonly string[], out: string): Promise<Map<string, string>> {
  const place = await outputPlace(out, ['.xlsx'], '注釈付きコピーの出力先');
  const targets = new Map<string, string>();
  if (place.kind === 'file') {
    if (files.length > 1)
      throw new CommandError(
        `${files.length} 個のファイルを検証するときは、--annotate にはフォルダを指定してください（指定: ${out}）。`,
      );
    targets.set(files[0]!, place.path);
  } else {
    const used = new Set<string>();
    // Workbooks name their copies first, so "kenko.csv" beside "kenko.xlsx" never takes the copy's name.
    const workbooksFirst = [...files].sort((a, b) => Number(!/\.xls[xm]$/i.test(a)) - Number(!/\.xls[xm]$/i.test(b)));
    for (const file of workbooksFirst) {
      const stem = basename(file, extname(file));
      let name = `${stem}.xlsx`;
      for (let n = 2; used.has(name); n++) name = `${stem}-${n}.xlsx`;
      used.add(name);
      targets.set(file, join(place.path, name));
    }
  }
  const inputs = new Set(files.map((f) => resolve(f)));
  for (const [file, target] of targets) {
    if (resolve(file) === resolve(target))
      throw new CommandError(
        `注釈付きコピーの出力先が元のファイル（${file}）と同じです。別の名前かフォルダを指定してください。`,
      );
    if (inputs.has(resolve(target)))
      throw new CommandError(
        `注釈付きコピーの出力先「${target}」は検証するファイルの一つです。上書きしないよう、別の名前か別のフォルダを指定してください。`,
      );
    await refuseForeignFile(target, 'annotated', '注釈付きコピーの出力先');
  }
  return targets;
}

const GAP = '\u3000';
const SEVERITY_JA: Readonly<Record<Severity, string>> = { error: 'エラー', warning: '警告', info: '情報' };

function renderText(files: readonly ValidatedFile[]): string {
  const blocks = files.map((f) => {
    if (f.error) return `■ ${f.file}\n  読み込めません（${f.error.code}）: ${f.error.message}`;
    const sheets = f.sheets.map(renderSheet).join('\n');
    const copy = f.annotated ? `\n  注釈付きコピー: ${f.annotated}` : '';
    return `■ ${f.file}\n${sheets || '  シートがありません'}${copy}`;
  });
  const all = files.flatMap((f) => f.sheets.flatMap((s) => s.findings));
  const unreadable = files.filter((f) => f.error).length;
  const total = `合計: ${files.length} ファイル${GAP}${countLine(all)}${unreadable ? `${GAP}読み込めないファイル ${unreadable} 件` : ''}`;
  return `${blocks.join('\n\n')}\n\n${total}`;
}

function countLine(findings: readonly RenderedFinding[]): string {
  const n = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return `エラー ${n('error')} 件${GAP}警告 ${n('warning')} 件${GAP}情報 ${n('info')} 件`;
}

function renderSheet(sheet: ValidatedSheet): string {
  if (!sheet.family) return `  シート「${sheet.sheet}」: 既知の様式ではないため検証していません`;
  const phase = sheet.phase === 'evaluation' ? '評価' : '計画';
  const head = `  シート「${sheet.sheet}」（${sheet.organization ?? '組織不明'}・${phase}段階）: ${countLine(sheet.findings)}`;
  if (sheet.findings.length === 0) return `${head}\n    問題は見つかりませんでした。`;
  const lines = sheet.findings.map(
    (f) => `    [${SEVERITY_JA[f.severity]}] ${(f.cell ?? '－').padEnd(6)} ${messageAfterCell(f.message, f.cell)}`,
  );
  return `${head}\n${lines.join('\n')}`;
}

/**
 * The sentence without the address it starts with, since the address has its own column (as the add-in's
 * list does): 「D15 の指標名…」→「指標名…」, 「J23：取組…」→「取組…」, 「H12（指標・R2目標）の…」→「指標・R2目標 の…」.
 */
function messageAfterCell(message: string, cell: string | null): string {
  if (!cell || !message.startsWith(cell)) return message;
  const rest = message
    .slice(cell.length)
    .replace(/^\s*の\s*/, '')
    .replace(/^\s*（([^（）]*)）/, '$1 ')
    .replace(/^\s*[:：]\s*/, '')
    .trimStart();
  return rest || message;
}
