import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import type { Phase } from '../../shared/rules/index.ts';
import { bodyMatches } from '../../shared/summary/group-inputs.ts';
import type { Ledger } from '../../shared/ledger/types.ts';
import { groupLabel, planSummaries, type ExpectedBody, type SummaryPlans } from '../../shared/summary/group-plan.ts';
import { parseFiscalYear } from '../../shared/values/index.ts';
import { collectInputs } from '../ingest/collect-files.ts';
import { defaultThreads } from '../ingest/parallel-ingest.ts';
import {
  buildPlannedSummary,
  ingestInbox,
  summaryPaths,
  type ConsolidateTimings,
} from '../summary/consolidate-files.ts';
import { openDataCsv, openDataJson, openDataRows } from '../summary/export-open-data.ts';
import { fileNameOnly, inputFileNamer } from '../summary/file-names.ts';
import { writeSummary } from '../summary/write-summary.ts';
import {
  missingPathMessage,
  outputPlace,
  probeOutput,
  resolveOutput,
  typedFiscalYear,
  writeOutput,
} from './cli-files.ts';
import type { Command } from './command.ts';
import { CommandError } from './option-error.ts';
import { isOwnOutput, refuseForeignFile } from './own-outputs.ts';
import { nothingToSummarise, runReport, summaryLine, timingLine, type WrittenSummary } from './consolidate-report.ts';

const USAGE = `使い方: mokuhyo consolidate <ファイル.xlsx|フォルダ>... -o <集計.xlsx|フォルダ> [オプション]

  提出されたシートを団体（区など）と年度ごとに集計し、集計ブックを書き出します。
  入力に複数の団体・年度があれば、-o のフォルダに「団体_年度_集計.xlsx」を 1 つずつ書き出します。

  -o <出力>               集計ブック（.xlsx）のファイル名か、フォルダ（無ければ作ります）。
                          ファイル名なら、集計が 1 つのときはその名前で書き出します。複数のときは同じフォルダに
                          団体・年度ごとの名前で書き出し、その名前になるのは MOKUHYO_CONFIG の区の集計だけです。
                          フォルダ（既存のフォルダ、末尾が / の名前、拡張子のない名前）なら、その中に
                          団体・年度ごとの名前で書き出します。
  --ward <区名|区ID>      この団体だけを集計します（ほかは「対象外」として理由とともに記載）
  --fiscal-year <年度>    この年度だけを集計します（2020、R2、令和2年度 のいずれの書き方でも可）
  --csv <出力.csv>        オープンデータ（指標・年度の値ごとに 1 行、UTF-8 BOM 付き）
  --json <出力.json>      同じ内容の JSON
  --phase <段階>          planning（計画）/ evaluation（評価）。省略時は評価日の有無で判定します
  --threads <N>           読み込みに使うスレッド数
  --timings               処理時間の内訳を標準エラーに表示します

  フォルダは下の階層も含めて中のファイルをすべて読みます。ブックとして読めないファイル（.xls、.csv など）は
  理由とともに「読込不可」として集計ブックの提出状況に載せます。
  環境変数 MOKUHYO_CONFIG の設定ファイルに区と課（wards）があれば、提出のない課を「未提出」として載せます。

終了コード: 0 集計ブックを書き出した / 2 集計できるものがない・見つからないパス・書き出せない出力・使い方の誤り
           70 内部エラー（表示された内容を開発担当に報告してください） / 130・143 Ctrl+C・終了の指示で中断
`;

/** `mokuhyo consolidate`: embedded mode, no Redis — every file in, one summary per body and fiscal year out. */
export const consolidateCommand: Command = async (args) => {
  // Option mistakes throw: the command line answers them in Japanese, exit 2 (main.ts).
  const parsed = parseArgs({
    args,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      ward: { type: 'string' },
      'fiscal-year': { type: 'string' },
      csv: { type: 'string' },
      json: { type: 'string' },
      phase: { type: 'string' },
      threads: { type: 'string' },
      timings: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length === 0)
    throw new CommandError(
      `集計するファイルかフォルダを指定してください（例: mokuhyo consolidate 提出フォルダ -o out/summary.xlsx）。`,
    );
  if (!values.output) {
    // "consolidate 提出 out.xlsx": the output written as one more input.
    const last = positionals.length > 1 ? positionals[positionals.length - 1]! : null;
    const hint =
      last && /\.xlsx$/i.test(last) && !existsSync(last)
        ? `「${last}」が出力先なら -o ${last} と書いてください`
        : '例: -o out/summary.xlsx';
    throw new CommandError(`-o で集計ブックの書き出し先を指定してください（${hint}）。`);
  }
  const fiscalYear = values['fiscal-year'] === undefined ? null : fiscalYearOption(values['fiscal-year']);
  const ward = values.ward?.trim() || null;
  if (values.phase && values.phase !== 'planning' && values.phase !== 'evaluation')
    throw new CommandError('--phase は planning か evaluation です。');
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1))
    throw new CommandError('--threads には 1 以上の整数を書いてください。');

  // Inputs listed and outputs checked before any file is read: a typo should not cost a whole run.
  const collected = await collectInputs(positionals);
  if (collected.missing.length > 0)
    throw new CommandError((await Promise.all(collected.missing.map(missingPathMessage))).join('\n'));
  const output = await summaryOutput(values.output);
  const csv =
    values.csv === undefined
      ? null
      : await resolveOutput(values.csv, ['.csv'], '集計_オープンデータ.csv', '--csv の出力ファイル');
  const json =
    values.json === undefined
      ? null
      : await resolveOutput(values.json, ['.json'], '集計_オープンデータ.json', '--json の出力ファイル');
  // A summary folder inside the inbox: the summaries of an earlier run are outputs, not submissions.
  const ownOutputs: string[] = [];
  for (const f of collected.files) if (await isEarlierOutput(f, positionals, output, [csv, json])) ownOutputs.push(f);
  const inputs = { ...collected, files: collected.files.filter((f) => !ownOutputs.includes(f)) };
  for (const f of ownOutputs)
    process.stderr.write(`mokuhyo consolidate: 「${f}」は出力先にある集計結果のため、入力にしません。\n`);
  if (inputs.files.length === 0)
    throw new CommandError(
      [
        ...inputs.emptyFolders.map((p) => `フォルダ「${p}」にファイルがありません。`),
        ...(ownOutputs.length > 0 ? ['集計結果のほかに読むファイルがありません。'] : []),
      ].join('\n'),
    );
  for (const p of inputs.emptyFolders)
    process.stderr.write(`mokuhyo consolidate: フォルダ「${p}」にファイルがありません。\n`);
  refuseOverwritingInput(inputs.files, [output.file, csv, json]);
  await refuseForeignOutputs(output.file ? [output.file] : [], csv, json);

  const bodies = await configuredBodies();
  const started = performance.now();
  const submissions = await ingestInbox(inputs.files, {
    outDir: output.folder,
    ...(values.phase ? { phase: values.phase as Phase } : {}),
    onProgress: progressBar(),
    threads: threads ?? defaultThreads(inputs.files.length),
  });
  const timings: ConsolidateTimings = { ingestMs: performance.now() - started, buildMs: 0, writeMs: 0 };
  if (submissions.every((s) => s.status === 'unreadable')) {
    throw new CommandError(
      `読み込めるブックがありません（${submissions.length} ファイルすべて読込不可）:\n${submissions.map((s) => `  ✗ ${s.file}: ${s.error?.message ?? ''}`).join('\n')}`,
    );
  }
  const planned = planSummaries(submissions, { body: ward, fiscalYear }, bodies);
  if (planned.plans.length === 0)
    throw new CommandError(nothingToSummarise(planned, ward, values['fiscal-year'] ?? null, submissions));
  const paths = summaryPaths(planned.plans, output, configuredWardPlan(planned, bodies));
  refuseOverwritingInput(inputs.files, paths);

  const now = new Date();
  // Files are named below the folder they were found in (旧版/…), never by a full path, in print and in open data.
  const shownFile = inputFileNamer(positionals);
  await refuseForeignOutputs(paths, csv, json);
  // Every place must take its file before the first is replaced: exit 2 leaves the earlier outputs as they were.
  for (const path of paths) await probeOutput(path, '集計ブック');
  if (csv) await probeOutput(csv, '--csv の出力ファイル');
  if (json) await probeOutput(json, '--json の出力ファイル');
  const written: WrittenSummary[] = [];
  for (const [i, plan] of planned.plans.entries()) {
    const t0 = performance.now();
    const model = buildPlannedSummary(plan, now);
    const t1 = performance.now();
    await writeOutput(paths[i]!, await writeSummary(model, { fileName: shownFile }), '集計ブック');
    timings.buildMs += t1 - t0;
    timings.writeMs += performance.now() - t1;
    written.push({ path: paths[i]!, line: summaryLine(groupLabel(plan.group), model), model });
  }
  // Measured before the exports, which --timings leaves out: the phases of the summaries themselves.
  const finished = performance.now();
  const exported: string[] = [];
  if (csv || json) {
    // The figures each summary counts (the ledger's counted versions), so open data and the workbook agree.
    const rows = planned.plans.flatMap((p, i) =>
      openDataRows({
        body: p.group.body,
        fiscalYear: p.group.fiscalYear,
        submissions: p.submissions,
        counted: countedVersions(written[i]!.model.ledger),
        fileName: shownFile,
      }),
    );
    if (csv) {
      await writeOutput(csv, Buffer.from(openDataCsv(rows), 'utf8'), '--csv の出力ファイル');
      exported.push(`オープンデータ（CSV）を書き出しました: ${csv}（${rows.length} 行）`);
    }
    if (json) {
      const summaries = planned.plans.map((p, i) => ({
        body: p.group.body,
        fiscalYear: p.group.fiscalYear,
        // The summary as the JSON file reaches it (its name when beside it): open data names no folder of this machine.
        file: besideJson(json, paths[i]!),
      }));
      await writeOutput(
        json,
        Buffer.from(openDataJson(rows, summaries, now.toISOString()), 'utf8'),
        '--json の出力ファイル',
      );
      exported.push(`オープンデータ（JSON）を書き出しました: ${json}（${rows.length} 行）`);
    }
  }
  if (values.timings) process.stderr.write(`${timingLine(finished, inputs.files.length, timings)}\n`);
  process.stdout.write(runReport(written, planned, submissions, exported));
  return 0;
};

/** `--fiscal-year` as typed: 2020, R2, r2, 令和2年度, Ｒ２, FY2020 → 2020. */
export function fiscalYearOption(text: string): number {
  const year = typedFiscalYear(text);
  if (year === null)
    throw new CommandError(
      `--fiscal-year の「${text}」を年度として読めません。2020、R2、令和2年度 のように書いてください。`,
    );
  return year;
}

/** Where summaries go: `-o` as a folder (existing, ending in /, or without extension), or a .xlsx file whose folder also takes the others. */
async function summaryOutput(path: string): Promise<{ folder: string; file: string | null }> {
  const place = await outputPlace(path, ['.xlsx'], '集計ブックの出力先');
  return place.kind === 'folder'
    ? { folder: place.path, file: null }
    : { folder: dirname(place.path), file: place.path };
}

/**
 * Among several summaries, the one of the ward MOKUHYO_CONFIG names (when it names exactly one, and the input
 * holds that ward's configured year): it takes the `-o` name, the others are written beside it.
 */
function configuredWardPlan(planned: SummaryPlans, bodies: readonly ExpectedBody[]): number | null {
  if (bodies.length !== 1) return null;
  const only = bodies[0]!;
  const mine = planned.plans
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => p.group.body !== null && bodyMatches(p.group, only.name));
  if (only.fiscalYear !== null) return mine.find(({ p }) => p.group.fiscalYear === only.fiscalYear)?.i ?? null;
  // A config without a year: the ward's year with the most files, the later on a tie.
  mine.sort(
    (a, b) =>
      b.p.submissions.length - a.p.submissions.length || (b.p.group.fiscalYear ?? 0) - (a.p.group.fiscalYear ?? 0),
  );
  return mine[0]?.i ?? null;
}

/**
 * A file found in a folder (not named on the command line) that an earlier run of this command wrote where
 * this one writes: -o, --csv, --json, or a 〈団体〉_〈年度〉_集計.xlsx beside -o — recognised by its content, so
 * a submission that merely sits at the -o path stays an input (and the run is refused, never overwrites it).
 */
async function isEarlierOutput(
  file: string,
  named: readonly string[],
  output: { folder: string; file: string | null },
  exports: readonly (string | null)[],
): Promise<boolean> {
  const path = resolve(file);
  if (named.some((n) => resolve(n) === path)) return false;
  const [csv, json] = exports;
  if (csv && resolve(csv) === path) return isOwnOutput(path, 'open-data-csv');
  if (json && resolve(json) === path) return isOwnOutput(path, 'open-data-json');
  const atOutput = output.file !== null && resolve(output.file) === path;
  if (!atOutput && !(dirname(path) === resolve(output.folder) && /_集計\.xlsx$/.test(path))) return false;
  return isOwnOutput(path, 'summary');
}

/** Never over a file mokuhyo did not write: each summary, --csv and --json may replace only its own earlier output. */
async function refuseForeignOutputs(summaries: readonly string[], csv: string | null, json: string | null) {
  for (const path of summaries) await refuseForeignFile(path, 'summary', '集計ブックの出力先');
  if (csv) await refuseForeignFile(csv, 'open-data-csv', '--csv の出力ファイル');
  if (json) await refuseForeignFile(json, 'open-data-json', '--json の出力ファイル');
}

function refuseOverwritingInput(files: readonly string[], outputs: readonly (string | null)[]): void {
  const inputs = new Set(files.map((f) => resolve(f)));
  for (const out of outputs) {
    if (out && inputs.has(resolve(out)))
      throw new CommandError(
        `出力先「${out}」は入力ファイルの一つです。上書きしないよう、別の名前か別のフォルダを指定してください。`,
      );
  }
}

/** The wards MOKUHYO_CONFIG names, with their divisions; none without a config. Tokens are not needed here. */
async function configuredBodies(): Promise<ExpectedBody[]> {
  if (!process.env['MOKUHYO_CONFIG']) return [];
  // Loaded only with a config file: the schema library is not on the start-up path of a plain run.
  const { loadConfig, ConfigError } = await import('../config/index.ts');
  try {
    return loadConfig().wards.map((w) => ({
      id: w.id,
      name: w.name,
      fiscalYear: w.fiscalYear,
      divisions: w.divisions,
    }));
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    // Wards and their divisions are enough here: a file the server would refuse for its tokens or a ward
    // without fiscalYear still says which divisions to expect.
    const wards = wardsOnly(process.env['MOKUHYO_CONFIG']);
    if (wards) return wards;
    throw new CommandError(err.message);
  }
}

/** The wards of a config file read on their own (name, divisions, optional id and year); null when they do not read. */
function wardsOnly(file: string): ExpectedBody[] | null {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  const wards = (raw as { wards?: unknown } | null)?.wards;
  if (!Array.isArray(wards) || wards.length === 0) return null;
  const bodies: ExpectedBody[] = [];
  for (const w of wards as Record<string, unknown>[]) {
    const { name, id, divisions, fiscalYear } = w ?? {};
    if (
      typeof name !== 'string' ||
      name.trim() === '' ||
      !Array.isArray(divisions) ||
      !divisions.every((d) => typeof d === 'string')
    )
      return null;
    const year =
      typeof fiscalYear === 'number' ? fiscalYear : typeof fiscalYear === 'string' ? parseFiscalYear(fiscalYear) : null;
    if (fiscalYear !== undefined && fiscalYear !== null && year === null) return null;
    bodies.push({ id: typeof id === 'string' ? id : name, name, fiscalYear: year, divisions: divisions as string[] });
  }
  return bodies;
}

function progressBar(): ((done: number, total: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done, total) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(
      `\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`,
    );
  };
}

/** Submission id → the divisions whose figures it gives (the rows that count it). */
function countedVersions(ledger: Ledger): Map<string, string[]> {
  const counted = new Map<string, string[]>();
  for (const row of [...ledger.divisions, ...ledger.unattributed])
    if (row.counted !== null) counted.set(row.counted, [...(counted.get(row.counted) ?? []), row.division]);
  return counted;
}

/** A summary's path relative to the JSON document's folder when below it, else its name alone: never a full path. */
function besideJson(json: string, summary: string): string {
  const below = relative(dirname(resolve(json)), resolve(summary));
  return below && !below.startsWith('..') && !isAbsolute(below) ? below.split(sep).join('/') : fileNameOnly(summary);
}
