// `npm run corpus`: writes every workbook of the variety corpus to tests/corpus/<family>/<file>, from the
// TypeScript descriptions beside them (the committed workbooks are for people and for rendering a summary).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { caseWorkbook } from './corpus-case.ts';
import { CORPUS_CASES } from './index.ts';

const root = dirname(fileURLToPath(import.meta.url));
for (const c of CORPUS_CASES) {
  const path = join(root, c.family, c.file);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, await caseWorkbook(c));
  console.log(relative(process.cwd(), path));
}
