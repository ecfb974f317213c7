import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect } from 'vitest';
import type { SheetRecord } from '../../shared/model/record.ts';
import { extractFile } from '../../worker/ingest/extract-file.ts';

/** A temporary folder for the test file, removed afterwards; call the returned function for its path. */
export function useTempDir(prefix: string): () => string {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}

/** Every sheet extracted from a workbook that must be readable. */
export async function readSheets(path: string): Promise<SheetRecord[]> {
  const { record } = await extractFile(path);
  expect(record.error).toBeNull();
  return record.sheets;
}

/** The one sheet of a single-sheet workbook. */
export async function readSheet(path: string): Promise<SheetRecord> {
  const sheets = await readSheets(path);
  expect(sheets).toHaveLength(1);
  return sheets[0]!;
}

/** Writes a copy of `source` with `edit` applied to its worksheets (all, or from `from` on) and returns its path. */
export async function relaidCopy(
  source: string,
  edit: (ws: ExcelJS.Worksheet) => void,
  out: string,
  from = 0,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(source);
  for (const ws of wb.worksheets.slice(from)) edit(ws);
  await writeFile(out, Buffer.from(await wb.xlsx.writeBuffer()));
  return out;
}
