import { describe, expect, it } from 'vitest';
import { buildSummary } from '../../../shared/summary/index.ts';
import { overviewPlan } from '../../../worker/summary/overview-sheet.ts';
import { submission } from '../../shared/summary/summary-fixtures.ts';

describe('概要 備考', () => {
  it('gives the ledger’s reason word for word, as the console and 提出状況 do', () => {
    const broken = submission('建設課', [], {
      status: 'unreadable',
      error: { code: 'corrupt', message: 'ファイルが途中で切れています。もう一度保存して提出してください。' },
    });
    const short = submission('区民生活課', [], {
      status: 'unreadable',
      error: { code: 'legacy-xls', message: '古い Excel 形式（.xls）のファイルです。' },
    });
    const model = buildSummary([broken, short], {
      ward: '秋葉区',
      fiscalYear: 2020,
      expectedDivisions: ['建設課', '区民生活課'],
      generatedAt: '2021-04-10T01:00:00Z',
    });
    const notes = [...overviewPlan('概要', model, '秋葉区').rows()].map(([, cells]) => cells.at(-1)?.value).map(String);
    expect(notes).toContain('ファイルが途中で切れています。もう一度保存して提出してください。');
    expect(notes).toContain('古い Excel 形式（.xls）のファイルです。');
    for (const row of model.ledger.divisions) expect(notes).toContain(row.reason);
  });
});
