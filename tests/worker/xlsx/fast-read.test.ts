import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fastReadGrids } from '../../../worker/xlsx/fast-read.ts';
import { inspectPackage, readWorkbook } from '../../../worker/xlsx/index.ts';
import { corpusWorkbook } from '../../../bench/corpus.ts';

const root = new URL('../../../', import.meta.url).pathname;
const seedFiles = ['seeds', 'tests/fixtures']
  .flatMap((dir) => walk(join(root, dir)))
  .filter((f) => !f.includes('/error.'));
const hostileFiles = walk(join(root, 'tests/fixtures')).filter((f) => f.includes('/error.'));

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.xlsx') ? [join(dir, e.name)] : [],
  );
}

const budget = () => ({
  used: 0,
  max: 1e9,
  exceeded: (): never => {
    throw new Error('budget');
  },
});

describe('fastReadGrids', () => {
  it.each(seedFiles.map((f) => [f.slice(root.length), f]))('reads %s exactly as exceljs does', async (_name, file) => {
    const bytes = readFileSync(file);
    expect(await readWorkbook(bytes)).toEqual(await readWorkbook(bytes, { fast: false }));
  });

  it.each(hostileFiles.map((f) => [f.slice(root.length), f]))(
    'refuses %s with the same error as exceljs',
    async (_name, file) => {
      const bytes = readFileSync(file);
      const code = (p: Promise<unknown>) =>
        p.then(
          () => 'read',
          (err: { code?: string }) => err.code ?? String(err),
        );
      expect(await code(readWorkbook(bytes))).toBe(await code(readWorkbook(bytes, { fast: false })));
    },
  );

  it('takes the fast path for the seed workbooks exceljs wrote', async () => {
    const { parts } = await inspectPackage(readFileSync(join(root, 'seeds/org-goals/akiha-2020-kenko-fukushi.xlsx')));
    expect(fastReadGrids(parts, budget())?.grids.length).toBe(1);
  });

  it('reads re-laid-out, full-width and other-family corpus workbooks exactly as exceljs does', async () => {
    for (let i = 0; i < 40; i++) {
      const bytes = await corpusWorkbook(i);
      expect(await readWorkbook(bytes), `corpus workbook ${i}`).toEqual(await readWorkbook(bytes, { fast: false }));
    }
  });

  it('reads plain formulas itself and leaves shared formulas and hyperlinks to exceljs', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = async (fill: (ws: import('exceljs').Worksheet) => void) => {
      const wb = new ExcelJS.Workbook();
      fill(wb.addWorksheet('式'));
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const plain = await book((ws) => {
      ws.getCell('A1').value = 1;
      ws.getCell('A2').value = { formula: 'A1*2', result: 2 };
    });
    expect(fastReadGrids((await inspectPackage(plain)).parts, budget())?.grids[0]?.rows[1]?.[0]).toMatchObject({
      formula: 'A1*2',
      value: 2,
    });
    const shared = await book((ws) => {
      ws.getCell('A1').value = 1;
      ws.getCell('B1').value = { formula: 'A1*2', result: 2, shareType: 'shared', ref: 'B1:B2' } as never;
      ws.getCell('B2').value = { sharedFormula: 'B1', result: 4 } as never;
    });
    const linked = await book((ws) => {
      ws.getCell('A1').value = { text: '市のサイト', hyperlink: 'https://example.jp/' };
    });
    for (const bytes of [shared, linked]) {
      expect(fastReadGrids((await inspectPackage(bytes)).parts, budget())).toBeNull();
      expect(await readWorkbook(bytes)).toEqual(await readWorkbook(bytes, { fast: false }));
    }
  });
});
