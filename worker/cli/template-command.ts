import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { templateEntries } from '../../templates/registry.ts';
import type { Command } from './main.ts';

/** `mokuhyo template <family> [--variant id] [--fiscal-year 2026] -o out.xlsx`: a blank form for any year. */
export const templateCommand: Command = async (args) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { variant: { type: 'string' }, 'fiscal-year': { type: 'string' }, out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(usage());
    return 0;
  }
  const entries = templateEntries().filter((e) => e.family.id === positionals[0]);
  if (entries.length === 0 || !values.out) {
    process.stderr.write(usage());
    return 2;
  }
  const entry = values.variant ? entries.find((e) => e.variant.id === values.variant) : entries[0];
  if (!entry) {
    process.stderr.write(`様式 ${positionals[0]} に種類「${values.variant ?? ''}」のひな形はありません。\n${usage()}`);
    return 2;
  }
  const { family, variant } = entry;
  const fiscalYear = values['fiscal-year'] ? Number(values['fiscal-year']) : currentFiscalYear(new Date());
  if (!Number.isInteger(fiscalYear) || fiscalYear < 1990 || fiscalYear > 2100) {
    process.stderr.write(`年度は西暦で指定してください（例: --fiscal-year 2026）: ${values['fiscal-year']}\n`);
    return 2;
  }
  await writeFile(values.out, await entry.build(fiscalYear));
  const title = variant.title.includes(family.title) ? variant.title : `${family.title}（${variant.title}）`;
  process.stdout.write(`${values.out}: ${title} ${fiscalYear}年度\n`);
  return 0;
};

function usage(): string {
  const byFamily = new Map<string, string[]>();
  for (const e of templateEntries()) byFamily.set(`${e.family.id}（${e.family.title}）`, [...(byFamily.get(`${e.family.id}（${e.family.title}）`) ?? []), e.variant.id]);
  const list = [...byFamily].map(([family, variants]) => `  ${family}: ${variants.join(', ')}`).join('\n');
  return `使い方: mokuhyo template <様式> [--variant 種類] [--fiscal-year 年度] -o 出力.xlsx\n様式:\n${list}\n`;
}

/** April starts the Japanese fiscal year. */
function currentFiscalYear(now: Date): number {
  return now.getMonth() >= 3 ? now.getFullYear() : now.getFullYear() - 1;
}
