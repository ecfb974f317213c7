// Workbooks the fault suite submits: the three Akiha division seeds and a workbook with no known form.
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, TOKENS } from './cluster.ts';

export interface Submission {
  token: string;
  bytes: Buffer;
  /** The final status the queue must reach. */
  expect: 'accepted' | 'rejected';
}

export async function seedSubmissions(): Promise<Submission[]> {
  const seed = (f: string) => readFile(join(ROOT, 'seeds/org-goals', f));
  const noForm = new ExcelJS.Workbook();
  noForm.addWorksheet('メモ').addRows([['買い物リスト'], ['牛乳', 2], ['=1+1', '@SUM(A1)']]);
  return [
    { token: TOKENS.kenko, bytes: await seed('akiha-2020-kenko-fukushi.xlsx'), expect: 'accepted' },
    { token: TOKENS.chiiki, bytes: await seed('akiha-2020-chiiki-somu.xlsx'), expect: 'accepted' },
    { token: TOKENS.sangyo, bytes: await seed('akiha-2020-sangyo-shinko.xlsx'), expect: 'accepted' },
    { token: TOKENS.sangyo, bytes: Buffer.from(await noForm.xlsx.writeBuffer()), expect: 'rejected' },
  ];
}

/** True when the long fault and load runs were asked for (CI sets it). */
export const LONG = process.env['MOKUHYO_LONG_TESTS'] === '1';
