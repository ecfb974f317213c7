import { parseArgs } from 'node:util';
import { eraFiscalYear } from '../../shared/values/index.ts';
import { templateEntries, type TemplateEntry } from '../../templates/registry.ts';
import { resolveOutput, typedFiscalYear, writeOutput } from './cli-files.ts';
import { refuseForeignFile } from './own-outputs.ts';
import type { Command } from './command.ts';
import { CommandError } from './option-error.ts';

/** `mokuhyo template <family> [--variant id] [--fiscal-year 2026|R8] -o out.xlsx|folder`: a blank form for any year. */
export const templateCommand: Command = async (args) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      variant: { type: 'string' },
      'fiscal-year': { type: 'string' },
      out: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(usage());
    return 0;
  }
  const [familyId, ...extra] = positionals;
  if (familyId === undefined) throw new CommandError(`様式を指定してください。\n${formList()}`, { showUsage: true });
  if (extra.length > 0) {
    const variant = templateEntries().find(
      (e) => (e.family.id === familyId || e.family.title === familyId) && e.variant.id === extra[0],
    );
    throw new CommandError(
      variant
        ? `種類は --variant で指定してください（例: mokuhyo template ${variant.family.id} --variant ${variant.variant.id} -o …）。`
        : `様式は 1 つだけ指定してください（余分な引数: ${extra.join(' ')}）。`,
      { showUsage: true },
    );
  }
  const entry = chooseEntry(familyId, values.variant);
  const fiscalYear = fiscalYearOption(values['fiscal-year']);
  if (!values.out)
    throw new CommandError(
      `出力先を -o で指定してください（例: -o ${entry.family.id}-${entry.variant.id}-${fiscalYear}.xlsx、またはフォルダ）。`,
      { showUsage: true },
    );
  const fileName = `${entry.family.id}-${entry.variant.id}-${fiscalYear}.xlsx`;
  const out = await resolveOutput(values.out, ['.xlsx'], fileName, '出力先');
  await refuseForeignFile(out, 'template', '出力先');
  await writeOutput(out, await entry.build(fiscalYear), '出力先');
  const { family, variant } = entry;
  const title = variant.title.includes(family.title)
    ? variant.title
    : family.title.includes(variant.title)
      ? family.title
      : `${family.title}（${variant.title}）`;
  process.stdout.write(`${out}: ${title} ${fiscalYear}年度（${eraFiscalYear(fiscalYear)}）\n`);
  return 0;
};

/** The family's blank form in the variant asked for (its first without --variant); unknown names list the valid ones. */
function chooseEntry(familyId: string, variantId: string | undefined): TemplateEntry {
  // The id, or the form's Japanese name as staff call it (組織目標管理シート, 方針書 …).
  const all = templateEntries();
  const byTitle = all.find((e) => e.variant.title === familyId);
  if (byTitle && variantId === undefined) return byTitle;
  const entries = all.filter((e) => e.family.id === familyId || e.family.title === familyId);
  if (entries.length === 0)
    throw new CommandError(`様式「${familyId}」はありません。指定できる様式と種類（--variant）:\n${formList()}`);
  if (variantId === undefined) return entries[0]!;
  const entry = entries.find((e) => e.variant.id === variantId);
  if (!entry) {
    const valid = entries.map((e) => `${e.variant.id}（${e.variant.title}）`).join('、');
    throw new CommandError(
      `様式 ${entries[0]!.family.id} に種類「${variantId}」のひな形はありません。指定できる種類: ${valid}`,
    );
  }
  return entry;
}

/** 2026, R8, 令和8年度, FY2026 alike; the current fiscal year when omitted. */
function fiscalYearOption(text: string | undefined): number {
  if (text === undefined) return currentFiscalYear(new Date());
  const year = typedFiscalYear(text);
  if (year === null || year < 1990 || year > 2100) {
    throw new CommandError(`年度「${text}」を読み取れません。2026、R8、令和8年度 のように指定してください。`);
  }
  return year;
}

function formList(): string {
  const byFamily = new Map<string, string[]>();
  for (const e of templateEntries()) {
    const key = `${e.family.id}（${e.family.title}）`;
    byFamily.set(key, [...(byFamily.get(key) ?? []), e.variant.id]);
  }
  return [...byFamily].map(([family, variants]) => `  ${family}: ${variants.join(', ')}`).join('\n');
}

function usage(): string {
  return `使い方: mokuhyo template <様式> [--variant 種類] [--fiscal-year 年度] -o <出力.xlsx|フォルダ>

  様式の空のひな形を、指定した年度の見出し（例: 2026 年度なら R5実績 … R8目標 R8結果）で書き出します。

  <様式>                 下の一覧の英字の名前か、様式名（組織目標管理シート、方針書 など）
  --variant <種類>       様式の種類（省略時は最初の種類）
  --fiscal-year <年度>   2026、R8、令和8年度 のいずれの書き方でも指定できます（省略時は今年度）
  -o <出力>              .xlsx のファイル名か、フォルダ（無ければ作ります。ファイル名は
                         <様式>-<種類>-<年度>.xlsx）

様式: 種類
${formList()}
`;
}

/** April starts the Japanese fiscal year. */
function currentFiscalYear(now: Date): number {
  return now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
}
