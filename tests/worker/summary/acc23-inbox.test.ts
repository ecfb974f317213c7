// The year-end inbox of the issue #23 acceptance pass, counted by hand: validate and consolidate read the
// compound target 「青パト月4回 区だよりによる実施団体の募集 年2回」 (地域総務課 K16) the same way, so the division
// is 受理 and its 未達成 counts.
import ExcelJS from 'exceljs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSummary } from '../../../shared/summary/index.ts';
import { ingestFile } from '../../../worker/summary/ingest-files.ts';
import { writeSummary } from '../../../worker/summary/write-summary.ts';

const INBOX = join(import.meta.dirname, '../../fixtures/acc23-inbox');

async function summary() {
  const files = (await readdir(INBOX)).filter((f) => f.endsWith('.xlsx')).map((f) => join(INBOX, f));
  const inputs = await Promise.all(files.map((file) => ingestFile(file)));
  const model = buildSummary(inputs, {
    ward: '秋葉区',
    fiscalYear: 2020,
    expectedDivisions: [],
    generatedAt: '2021-04-10T01:00:00.000Z',
  });
  return { inputs, model };
}

describe('issue #23 year-end inbox against the hand count', () => {
  it('accepts 地域総務課: its 未達成 at K16 agrees with the judgement on every part of the target', async () => {
    const { inputs } = await summary();
    const chiiki = inputs.find((i) => i.file.includes('地域総務課'))!;
    expect(chiiki.status).toBe('accepted');
  });

  it('counts 指標 13, 達成 8, 未達成 4, 要確認 1 (「実施中」), 未評価 0 and 66.7 % on 概要', async () => {
    const { model } = await summary();
    const row = (division: string) => model.overview.find((o) => o.division === division)!;
    const counts = (division: string) => {
      const c = row(division).counts;
      return [row(division).state, c.achieved, c['not-achieved'], c.review, c.pending];
    };
    expect(counts('地域総務課')).toEqual(['accepted', 4, 3, 0, 0]);
    // The tester counted 「実施中」 as 未評価; a result present but not a number is 要確認 (same 達成割合).
    expect(counts('健康福祉課')).toEqual(['accepted', 4, 1, 1, 0]);
    expect(row('産業振興課').state).toBe('rejected');
    expect(row('産業振興課').reason).toContain('令和3年2月30日');
    expect(model.overview.some((o) => o.state === 'unreadable' && (o.file ?? '').includes('建設課'))).toBe(true);
    expect(model.total.indicators).toBe(13);
    expect([model.total.counts.achieved, model.total.counts['not-achieved'], model.total.counts.review]).toEqual([
      8, 4, 1,
    ]);
    expect(model.total.counts.pending).toBe(0);
    expect(model.total.achievementRate?.toFixed(1)).toBe('66.7');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeSummary(model)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('概要')!;
    const total = ws.getColumn(1).values.findIndex((v) => v === '合計');
    const stored = (c: number) => (ws.getCell(total, c).value as { result?: unknown }).result;
    expect([4, 5, 6, 7].map(stored)).toEqual([13, 8, 4, 1]);
    expect(Number(stored(11)).toFixed(3)).toBe('0.667');
    expect(String((ws.getCell('A2').value as { result?: unknown }).result ?? ws.getCell('A2').value)).toContain(
      '指標の達成割合 66.7%',
    );
  });
});
