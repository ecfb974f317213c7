// 提出状況をダウンロード: the coordinator's status table as an .xlsx, in the same words as the screen
// (the status word, 期限超過, the reason, the 提出メモ), times in Japan time.
import type { DivisionRow, WardStatus } from './api-types.ts';
import { deadlineText } from './reminders.ts';
import { jstText } from '../storage/index.ts';

const WORD: Record<DivisionRow['status'], string> = {
  missing: '未提出',
  processing: '処理中',
  accepted: '受理',
  rejected: '差戻し',
  unreadable: '読込不可',
};

const HEADERS = ['課', '状況', '期限', '受付日時', 'ファイル', '理由', '提出メモ', 'エラー', '警告'];

function cells(row: DivisionRow, label = row.division): (string | number)[] {
  const checked = row.latest && (row.latest.status === 'accepted' || row.latest.status === 'rejected');
  return [
    row.expected ? label : `${label}（設定にない課）`,
    WORD[row.status],
    row.overdue ? '期限超過' : '',
    row.latest ? jstText(new Date(row.latest.receivedAt)) : '',
    row.latest?.fileName ?? '',
    row.reason ?? '',
    row.latest?.memo ?? '',
    checked ? row.latest!.errors : '',
    checked ? row.latest!.warnings : '',
  ];
}

/** The status list as a workbook: a title line, the counts, then one row per division (the ward sheet first). */
export async function statusWorkbook(status: WardStatus, now: Date = new Date()): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('提出状況', { views: [{ state: 'frozen', ySplit: 4 }] });
  const { ward, counts } = status;
  const deadline = status.deadline ? deadlineText(status.deadline) : '設定なし';
  sheet.addRow([`${ward.name} ${ward.fiscalYearLabel} 提出状況（${jstText(now)} 現在）`]).font = {
    bold: true,
    size: 14,
  };
  sheet.addRow([
    `提出期限: ${deadline}`,
    `提出 ${counts.submitted} / 全 ${counts.expected} 課`,
    `受理 ${counts.accepted}`,
    `差戻し ${counts.rejected}`,
    `読込不可 ${counts.unreadable}`,
    `処理中 ${counts.processing}`,
    `未提出 ${counts.missing}`,
    `期限超過 ${counts.overdue}`,
  ]);
  sheet.addRow([]);
  const head = sheet.addRow(HEADERS);
  head.font = { bold: true };
  head.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
    c.border = { bottom: { style: 'thin' } };
  });
  sheet.addRow(cells(status.wardSheet, `区の組織目標（${ward.name}）`));
  for (const row of status.rows) sheet.addRow(cells(row));
  const widths = [22, 10, 10, 18, 36, 50, 40, 8, 8];
  widths.forEach((w, i) => {
    const col = sheet.getColumn(i + 1);
    col.width = w;
    col.alignment = { vertical: 'top', wrapText: i >= 4 && i <= 6 };
  });
  sheet.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4, column: HEADERS.length } };
  sheet.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };
  return Buffer.from(await book.xlsx.writeBuffer());
}
