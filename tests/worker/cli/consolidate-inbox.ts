// A year-end inbox of one ward as a coordinator really gets it: the ward's sheets, an older copy of one
// division, a division refused by validation, other bodies and years, a .xls, a .csv, a broken file and an
// Excel lock file. Built from the seed workbooks.
import ExcelJS from 'exceljs';
import { copyFile, mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const SEEDS = resolve(import.meta.dirname, '../../../seeds');

/** The divisions MOKUHYO_CONFIG expects of 秋葉区 in this inbox: 建設課 never submits. */
export const AKIHA_DIVISIONS = ['地域総務課', '健康福祉課', '産業振興課', '建設課'];

/** The year headers of a 令和2年度 sheet as the 令和元年度 sheet wrote them. */
const LAST_YEAR_HEADERS: Record<string, string> = {
  Ｈ29実績: 'Ｈ28実績',
  Ｈ30実績: 'Ｈ29実績',
  R1実績: 'Ｈ30実績',
  R2目標: 'R1目標',
  R2結果: 'R1結果',
};

async function edited(from: string, to: string, edit: (ws: ExcelJS.Worksheet) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(SEEDS, from));
  edit(wb.worksheets[0]!);
  await wb.xlsx.writeFile(to);
}

/** Writes the inbox into `dir` (its 秋葉区 files in dir/akiha, the others in dir/others). */
export async function buildInbox(dir: string): Promise<void> {
  const akiha = join(dir, 'akiha');
  const others = join(dir, 'others');
  await mkdir(join(akiha, '旧版'), { recursive: true });
  await mkdir(others, { recursive: true });
  await copyFile(join(SEEDS, 'org-goals/akiha-2020-ward.xlsx'), join(akiha, '秋葉区組織目標.xlsx'));
  await copyFile(join(SEEDS, 'org-goals/akiha-2020-chiiki-somu.xlsx'), join(akiha, '地域総務課.xlsx'));
  await copyFile(join(SEEDS, 'org-goals/akiha-2020-kenko-fukushi.xlsx'), join(akiha, '健康福祉課.xlsx'));
  // The older version of 健康福祉課: the newer file must win, this one listed as superseded.
  await edited('org-goals/akiha-2020-kenko-fukushi.xlsx', join(akiha, '旧版', '健康福祉課_4月版.xlsx'), (ws) => {
    ws.getCell('J3').value = '';
  });
  await utimes(join(akiha, '旧版', '健康福祉課_4月版.xlsx'), new Date('2020-04-02'), new Date('2020-04-02'));
  // 産業振興課 with a date that does not exist: refused by validation (差戻し).
  await edited('org-goals/akiha-2020-sangyo-shinko.xlsx', join(akiha, '産業振興課.xlsx'), (ws) => {
    ws.getCell('J2').value = '令和2年2月30日';
  });
  // Last year's 健康福祉課 (令和元年度): the same body's previous year.
  await edited('org-goals/akiha-2020-kenko-fukushi.xlsx', join(akiha, '健康福祉課_R1.xlsx'), (ws) => {
    ws.getCell('J1').value = '令和元年度';
    ws.getCell('J2').value = '平成31年4月1日';
    for (const row of ws.getRows(1, 40) ?? []) {
      row.eachCell((cell) => {
        if (typeof cell.value !== 'string') return;
        const shifted = LAST_YEAR_HEADERS[cell.value];
        if (shifted) cell.value = shifted;
      });
    }
  });
  await writeFile(
    join(akiha, '古い様式.xls'),
    Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(2048)]),
  );
  await writeFile(join(akiha, '集計メモ.csv'), '課,指標,値\r\n建設課,道路補修,12\r\n');
  await writeFile(
    join(akiha, '壊れた.xlsx'),
    (await readFile(join(SEEDS, 'org-goals/akiha-2020-chiiki-somu.xlsx'))).subarray(0, 900),
  );
  await writeFile(
    join(akiha, '~$健康福祉課.xlsx'),
    Buffer.from('\u0006yamada                                            ', 'latin1'),
  );
  await copyFile(join(SEEDS, 'action-plan/nishi-2021-2022.xlsx'), join(others, '西区実施計画.xlsx'));
  await copyFile(join(SEEDS, 'policy-statement/masuda-2020.xlsx'), join(others, '増田地域局方針書.xlsx'));
}
