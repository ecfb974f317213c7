import type { FamilySpec } from '../../shared/families/spec.ts';
import { a1 } from '../../shared/grid/address.ts';
import type { Grid } from '../../shared/grid/grid.ts';
import type { Finding } from '../../shared/model/finding.ts';
import { checkGrid, type SheetCheck } from '../../shared/rules/index.ts';
import { key, NO_FILL, WorkbookModel } from './fake-excel/model.ts';

/** A sheet of `rows` data rows; every 7th row's C cell reads NG (an error), every 5th's D cell 要確認 (a warning). */
export function workbookWithRows(rows: number, apiVersion = '1.18'): WorkbookModel {
  const model = new WorkbookModel(apiVersion);
  const sheet = model.addSheet('健康福祉課');
  const put = (r: number, c: number, value: string | number) =>
    sheet.cells.set(key(r, c), { value, numberFormat: 'General', fill: { ...NO_FILL } });
  ['No.', '指標', '判定', '確認'].forEach((h, c) => put(0, c, h));
  for (let r = 1; r <= rows; r++) {
    put(r, 0, r);
    put(r, 1, `指標${r}`);
    put(r, 2, r % 7 === 0 ? 'NG' : 'OK');
    put(r, 3, r % 5 === 0 ? '要確認' : '済');
  }
  return model;
}

const TEST_FAMILY = {
  id: 'org-goals',
  title: 'テスト様式',
  templateVersion: '1',
  variants: [],
} as unknown as FamilySpec;

/** A checker with rules the test can see: NG cells are errors, 要確認 cells warnings. */
export function markerCheck(grid: Grid): SheetCheck {
  const base = checkGrid(grid);
  const findings: Finding[] = [];
  grid.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell?.text === 'NG')
        findings.push({ code: 'test.ng', severity: 'error', cell: a1(r, c), params: { message: '値が不正です' } });
      if (cell?.text === '要確認')
        findings.push({
          code: 'test.check',
          severity: 'warning',
          cell: a1(r, c),
          params: { message: '確認してください' },
        });
    }),
  );
  return { ...base, extraction: { ...base.extraction, family: TEST_FAMILY }, findings };
}
