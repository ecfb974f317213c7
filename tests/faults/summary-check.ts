// Reads the ward summary the way a coordinator gets it (HTTP download) and checks it is complete.
import ExcelJS from 'exceljs';
import { sleep, TOKENS } from './cluster.ts';

export interface SummaryView {
  /** 提出状況 rows: [課, 状態, 提出日時, ファイル, SHA-256, 理由]. */
  statuses: string[][];
  /** Rows of the 組織目標管理シート table (below its header). */
  measures: string[][];
}

const text = (v: ExcelJS.CellValue): string =>
  v === null || v === undefined ? '' : typeof v === 'object' && 'text' in v ? String(v.text) : String(v);

function rowsOf(ws: ExcelJS.Worksheet | undefined, from: number): string[][] {
  const rows: string[][] = [];
  ws?.eachRow((row, n) => {
    if (n >= from) rows.push((row.values as ExcelJS.CellValue[]).slice(1).map(text));
  });
  return rows;
}

export async function readSummary(bytes: Buffer): Promise<SummaryView> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const family = wb.worksheets.find((ws) => ws.name.startsWith('組織目標'));
  return { statuses: rowsOf(wb.getWorksheet('提出状況'), 3), measures: rowsOf(family, 3) };
}

export async function downloadSummary(base: string): Promise<Buffer | null> {
  const res = await fetch(`${base}/api/summaries/akiha/2020`, { headers: { authorization: `Bearer ${TOKENS.akiha}` } });
  return res.status === 200 ? Buffer.from(await res.arrayBuffer()) : null;
}

/** The label the queue's summary gives a submission in 提出状況. */
export const fileLabel = (id: string): string => `提出 ${id.slice(0, 8)}`;

/**
 * Waits for a summary that lists every id exactly once in 提出状況 (the automatic, debounced build):
 * a summary that misses a finished submission never completes and fails the test.
 */
export async function completeSummary(base: string, ids: string[], ms = 120_000): Promise<SummaryView> {
  const end = Date.now() + ms;
  let last: SummaryView | null = null;
  for (;;) {
    const bytes = await downloadSummary(base);
    if (bytes) {
      last = await readSummary(bytes);
      const files = last.statuses.map((r) => r[3] ?? '');
      if (ids.every((id) => files.filter((f) => f.startsWith(fileLabel(id))).length === 1)) return last;
    }
    if (Date.now() > end) {
      const listed = new Set(last?.statuses.map((r) => (r[3] ?? '').slice(3, 11)) ?? []);
      throw new Error(
        `summary incomplete: ${ids.filter((id) => !listed.has(id.slice(0, 8))).length} of ${ids.length} submissions missing`,
      );
    }
    await sleep(500);
  }
}
