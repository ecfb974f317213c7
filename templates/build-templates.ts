// `npm run templates`: writes the blank form of every family variant that declares a template layout.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { templateEntries } from './registry.ts';

/** The fiscal year the committed templates are laid out for (令和8年度); `mokuhyo template` makes any other. */
export const TEMPLATE_FISCAL_YEAR = 2026;

const here = dirname(fileURLToPath(import.meta.url));

/** Writes templates/<family>-<variant>.xlsx for every variant with a blank form; returns the paths. */
export async function buildTemplates(outDir: string = here, fiscalYear = TEMPLATE_FISCAL_YEAR): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const entry of templateEntries()) {
    const path = join(outDir, `${entry.family.id}-${entry.variant.id}.xlsx`);
    await writeFile(path, await entry.build(fiscalYear));
    written.push(path);
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const path of await buildTemplates()) console.log(relative(process.cwd(), path));
}
