// A year-end inbox of one ward (秋葉区, 2020) built from the seed workbooks, as a coordinator receives it:
// results and 評価 typed in, an older planning copy of one division, one division whose 評価 contradicts
// its figures (an error: sent back), the ward sheet, an old .xls, a broken download, one division missing.
import ExcelJS from 'exceljs';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const SEEDS = join(import.meta.dirname, '../../../seeds/org-goals');

/** The divisions the ward expects: 建設課 sends nothing, 区民生活課 sends an .xls. */
export const EXPECTED = ['地域総務課', '健康福祉課', '産業振興課', '区民生活課', '建設課'];

type Cells = Record<string, string | number>;

async function fill(seed: string, path: string, cells: Cells, mtime: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(SEEDS, seed));
  const ws = wb.worksheets[0]!;
  for (const [ref, v] of Object.entries(cells)) ws.getCell(ref).value = v;
  await wb.xlsx.writeFile(path);
  await utimes(path, new Date(mtime), new Date(mtime));
}

/** Results in column I and 評価 in column K from row `first` down, and the 評価日. */
function results(first: number, values: (string | number)[], evaluations: string[]): Cells {
  const cells: Cells = { J4: '令和3年3月31日' };
  values.forEach((v, i) => {
    cells[`I${first + i}`] = v;
    cells[`K${first + i}`] = evaluations[i]!;
  });
  return cells;
}

/** Writes the inbox into `dir` and returns its files. */
export async function yearEndInbox(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  const add = (name: string): string => {
    const path = join(dir, name);
    files.push(path);
    return path;
  };
  await fill('akiha-2020-chiiki-somu.xlsx', add('地域総務課_R2_当初.xlsx'), {}, '2020-04-10T00:00:00Z');
  await fill(
    'akiha-2020-chiiki-somu.xlsx',
    add('地域総務課_R2_評価.xlsx'),
    results(
      11,
      [3, 2, 0, 6, 10, '青パト月4回実施\n募集記事 年2回掲載', 309876],
      ['達成', '達成', '未達成', '達成', '未達成', '達成', '達成'],
    ),
    '2021-04-05T00:00:00Z',
  );
  await fill(
    'akiha-2020-kenko-fukushi.xlsx',
    add('健康福祉課_R2_評価.xlsx'),
    results(11, [12, 95, 118, '1,720', 7, 19], ['達成', '未達成', '達成', '達成', '達成', '未達成']),
    '2021-04-06T00:00:00Z',
  );
  await fill(
    'akiha-2020-sangyo-shinko.xlsx',
    add('産業振興課_R2_評価.xlsx'),
    results(
      11,
      ['実施（参加者2,010人）', '実施', 'リニューアル完了', '連携事業4件', '3事業', 72, 3, 21],
      Array(8).fill('達成'),
    ),
    '2021-04-07T00:00:00Z',
  );
  await fill(
    'akiha-2020-ward.xlsx',
    add('秋葉区_R2_区の組織目標.xlsx'),
    { C10: '重点目標4項目のうち2項目を達成した。', G11: '2' },
    '2021-04-08T00:00:00Z',
  );
  await writeFile(
    add('区民生活課_R2.xls'),
    Buffer.from('d0cf11e0a1b11ae1000000000000000000000000000000003e000300feff0900', 'hex'),
  );
  await writeFile(add('添付ファイル.xlsx'), Buffer.from('PK\u0003\u0004 truncated download'));
  return files;
}
