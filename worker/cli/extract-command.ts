import { parseArgs } from 'node:util';
import { familyById } from '../../shared/families/index.ts';
import type { FileRecord, SheetRecord } from '../../shared/model/record.ts';
import { extractFile } from '../ingest/extract-file.ts';
import { collectInputs, reportProblems } from './cli-files.ts';
import type { Command } from './command.ts';
import { CommandError } from './option-error.ts';
import { renderTable } from './text-table.ts';

const USAGE = `使い方: mokuhyo extract [--json] <ファイル.xlsx|フォルダ>...

  ブックを読み取り、シートごとに様式・組織・年度と、各指標の年度ごとの値とセルを表示します。
  フォルダは下の階層も含めて中のファイルをすべて読みます（ブックでないファイルは理由とともに
  「読み込めません」と表示します）。

  --json      結果を JSON で出力します（ファイルごとのシート・指標・値とセル。形式は docs/api.md の「mokuhyo extract --json」）

終了コード: 0 すべて読めた / 2 読めないファイル・見つからないパス・使い方の誤りあり
           70 内部エラー（表示された内容を開発担当に報告してください） / 130・143 Ctrl+C・終了の指示で中断
`;

/** `mokuhyo extract [--json] <file|folder>...`: what each workbook holds, as JSON or a readable table. */
export const extractCommand: Command = async (args) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    // -o is not an option of extract: answered with how to save what it prints.
    options: {
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      out: { type: 'string', short: 'o' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (values.out !== undefined)
    throw new CommandError(
      `extract は結果を画面（標準出力）に書きます。ファイルに保存するには mokuhyo extract --json … > ${values.out} のようにリダイレクトしてください。`,
      { showUsage: true },
    );
  const { files, problems } = await collectInputs(positionals, '読み取る');
  const records: FileRecord[] = [];
  for (const file of files) records.push((await extractFile(file)).record);
  if (values.json) process.stdout.write(JSON.stringify({ files: records }, null, 2) + '\n');
  else process.stdout.write(records.map(renderFile).join('\n\n') + '\n');
  reportProblems('extract', problems);
  return problems.length > 0 || records.some((r) => r.error) ? 2 : 0;
};

function renderFile(record: FileRecord): string {
  if (record.error) return `■ ${record.file}\n  読み込めません（${record.error.code}）: ${record.error.message}`;
  const sheets = record.sheets.map(renderSheet).join('\n\n');
  return `■ ${record.file}\n${sheets || '  シートがありません'}`;
}

function renderSheet(sheet: SheetRecord): string {
  if (!sheet.family) return `  シート「${sheet.sheet}」: 既知の様式ではありません`;
  const family = familyById(sheet.family);
  const variant = family?.variants.find((v) => v.id === sheet.variant);
  const head = [
    `  シート「${sheet.sheet}」: ${variant?.title ?? family?.title ?? sheet.family}`,
    `    組織: ${sheet.organization ?? '（不明）'}  年度: ${sheet.fiscalYear ?? '（不明）'}  指標: ${sheet.measures.length}件`,
  ];
  for (const [key, items] of Object.entries(sheet.items ?? {})) {
    if (key === 'groups') continue;
    for (const item of items) {
      if (!('no' in item) && !('text' in item)) continue; // list tables (主な取組内容, 各主体の役割) are in --json only
      head.push(
        `    ${`${item['no'] ?? ''} ${item['text'] ?? item['title'] ?? item['outcome'] ?? ''}`.replace(/\s+/g, ' ').slice(0, 70)}`,
      );
    }
  }
  if (sheet.measures.length === 0) return head.join('\n');
  const headers = sheet.measures[0]?.values.map((v) => v.header ?? `${v.year ?? ''}${v.kind}`) ?? [];
  const rows = [
    ['No.', '指標', '単位', ...headers],
    ...sheet.measures.map((m) => [
      m.group ?? '',
      m.name,
      m.unit ?? '',
      ...m.values.map((v) => (v.blank ? '－' : v.raw)),
    ]),
  ];
  const table = renderTable(rows, [4, 36, 6, ...headers.map(() => 14)]);
  return `${head.join('\n')}\n${table.replace(/^/gm, '    ')}`;
}
