import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook, UnreadableWorkbookError } from '../../../worker/xlsx/index.ts';
import { readZipEntries } from '../../helpers/zip-reader.ts';
import { zip } from '../../helpers/zip-writer.ts';

describe('readWorkbook on damaged workbooks', () => {
  let valid: Buffer;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('健康福祉課');
    ws.getCell('A1').value = '組織目標';
    ws.mergeCells('A1:C1');
    for (let r = 2; r <= 30; r++) ws.getRow(r).values = [`指標${r}`, r, { formula: `B${r}*2`, result: r * 2 }];
    valid = Buffer.from(await wb.xlsx.writeBuffer());
  });

  it('either reads or rejects with UnreadableWorkbookError when bytes are flipped or cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (flips, cut) => {
          const bytes = Buffer.from(valid);
          for (const [pos, xor] of flips) bytes[pos % bytes.length]! ^= xor;
          const input = cut === undefined ? bytes : bytes.subarray(0, cut % bytes.length);
          const outcome = await readWorkbook(input).then(
            () => 'read',
            (e: unknown) => e,
          );
          if (outcome !== 'read') expect(outcome).toBeInstanceOf(UnreadableWorkbookError);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('either reads or rejects with UnreadableWorkbookError when the XML inside is damaged', async () => {
    const parts = await readZipEntries(valid);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.nat(),
        fc.constantFrom('', '<', '>', '"', '&', 'x', '</c>', '<c r="A1">'),
        fc.boolean(),
        async (which, pos, insert, cut) => {
          const target = which % parts.length;
          const damaged = parts.map((p, i) => {
            if (i !== target) return p;
            const at = pos % (p.content.length + 1);
            const tail = cut ? Buffer.alloc(0) : p.content.subarray(at + 1);
            return { name: p.name, content: Buffer.concat([p.content.subarray(0, at), Buffer.from(insert), tail]) };
          });
          const outcome = await readWorkbook(zip(damaged)).then(
            () => 'read',
            (e: unknown) => e,
          );
          if (outcome !== 'read') expect(outcome).toBeInstanceOf(UnreadableWorkbookError);
        },
      ),
      { numRuns: 150 },
    );
  });
});
