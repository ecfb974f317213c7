import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSoffice, resaveWithLibreOffice } from './libreoffice.ts';

const kenko = fileURLToPath(new URL('../../seeds/org-goals/akiha-2020-kenko-fukushi.xlsx', import.meta.url));
const soffice = await findSoffice();

describe.skipIf(!soffice)('resaveWithLibreOffice', () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'mokuhyo-lo-test-'));
  });
  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('writes an xlsx that keeps the cells and merges', async () => {
    const out = await resaveWithLibreOffice(kenko, outDir);
    expect(out).toBe(join(outDir, 'akiha-2020-kenko-fukushi.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out ?? '');
    const ws = wb.getWorksheet('健康福祉課');
    expect(['D12', 'G12', 'H12'].map((a) => ws?.getCell(a).value)).toEqual([
      'つながる支援ファイル利用者数（人）',
      87,
      100,
    ]);
    expect(ws?.model.merges).toEqual(expect.arrayContaining(['A12:A14', 'D9:J9']));
  });
});
