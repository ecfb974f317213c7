import { describe, expect, it } from 'vitest';
import { checkSummary, failureSummary } from '../../addin/src/use-cases/check-summary.ts';
import { checkActiveSheet } from '../../addin/src/use-cases/check-active-sheet.ts';
import { FakeExcel } from './fake-excel/fake-excel.ts';
import { FakeExcelError } from './fake-excel/context.ts';
import { WorkbookModel } from './fake-excel/model.ts';
import { markerCheck, workbookWithRows } from './fixtures.ts';

describe("checkSummary (the ribbon command's answer)", () => {
  it('counts what the check found and says where to read it', async () => {
    const view = await checkActiveSheet({ excel: new FakeExcel(workbookWithRows(10)).host(), check: markerCheck });
    expect(checkSummary(view)).toEqual({
      title: 'チェックしました',
      body: 'エラー 1件、警告 2件、情報 0件が見つかりました。色を付けたセルのメモで内容を確認できます。一覧はホーム タブの［目標シート］で開けます。',
    });
  });

  it('says when a sheet is not a form rather than that nothing was found', async () => {
    const model = new WorkbookModel('1.18');
    model.addSheet('メモ');
    const view = await checkActiveSheet({ excel: new FakeExcel(model).host() });
    expect(checkSummary(view).title).toBe('様式を認識できません');
  });

  it('explains a failure in Japanese', () => {
    expect(failureSummary(new FakeExcelError('AccessDenied', 'denied')).body).toContain('保護');
  });
});
