import { describe, expect, it } from 'vitest';
import { checkGrid } from '../../../../shared/rules/index.ts';
import { gridFrom } from '../../../helpers/grid-builder.ts';

/** An R4 division sheet laid out as another office keeps it, with the year headers given. */
function sheet(headers: string[]) {
  const values = ['120件', '110件', '100件', '100件以下', '98件'].slice(5 - headers.length);
  return gridFrom('組織目標', [
    ['組織目標管理シート', null, null, null, null, null, null, '年度', 'R4年度'],
    ['所属', '東区地域課', null, null, null, null, null, '作成日', '令和4年4月1日'],
    [],
    ['No.', '目標', '取組内容', '指標名', ...headers, '自己評価'],
    [1, '防犯', '防犯教室', '刑法犯認知件数', ...values, null],
  ]);
}

const yearErrors = (headers: string[]) =>
  checkGrid(sheet(headers))
    .record.findings.filter((f) => f.code === 'org-goals/year-header-mismatch')
    .map((f) => `${f.cell} ${f.message}`);

describe('org-goals year headers', () => {
  it('accepts 令和4年度目標 | 令和4年度実績: the year’s 実績 after its target is its result', () => {
    expect(yearErrors(['令和2年度実績', '令和3年度実績', '令和4年度目標', '令和4年度実績'])).toEqual([]);
  });

  it('accepts past years in order up to last year, one left out', () => {
    expect(yearErrors(['令和元年度実績', '令和3年度実績', '令和4年度目標', '令和4年度結果'])).toEqual([]);
  });

  it("still reports last year's headers left in place", () => {
    expect(yearErrors(['令和元年度実績', '令和2年度実績', '令和3年度目標', '令和3年度実績'])).toEqual([
      'E4 E4 の見出し「令和元年度実績」は令和4年度のシートと合いません。ここは「R2実績」のはずです。前年度のシートを写して作った場合は、見出しの年度を今年度に合わせて更新してください。',
      'F4 F4 の見出し「令和2年度実績」は令和4年度のシートと合いません。ここは「R3実績」のはずです。前年度のシートを写して作った場合は、見出しの年度を今年度に合わせて更新してください。',
      'G4 G4 の見出し「令和3年度目標」は令和4年度のシートと合いません。ここは「R4目標」のはずです。前年度のシートを写して作った場合は、見出しの年度を今年度に合わせて更新してください。',
      'H4 H4 の見出し「令和3年度実績」は令和4年度のシートと合いません。ここは「R4実績」のはずです。前年度のシートを写して作った場合は、見出しの年度を今年度に合わせて更新してください。',
    ]);
  });

  it('reports a past year out of order', () => {
    expect(yearErrors(['令和3年度実績', '令和2年度実績', '令和4年度目標', '令和4年度結果'])).toHaveLength(2);
  });
});
