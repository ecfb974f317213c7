import { describe, expect, it } from 'vitest';
import type { SubmissionInput } from '../../../shared/summary/index.ts';
import { openDataCsv, openDataJson, openDataRows } from '../../../worker/summary/export-open-data.ts';
import { divisionSheet, measure, submission, value } from '../../shared/summary/summary-fixtures.ts';

const HOSTILE = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];

function inputs(): SubmissionInput[] {
  const hostile = HOSTILE.map((name, i) =>
    measure(
      name,
      [value(2020, 'target', '10'), value(2020, 'result', String(5 + i))],
      '=cmd|"/c calc"!A1',
      String(i + 1),
    ),
  );
  return [
    submission('kenko', [
      divisionSheet('健康福祉課', [
        measure('認知症カフェ開催回数（回）', [
          value(2019, 'actual', '△1.5万', 'G11'),
          value(2020, 'target', '１，７００人以上', 'H11'),
          value(2020, 'result', '－', 'I11'),
        ]),
      ]),
    ]),
    submission('evil', [divisionSheet('=危険課', hostile)]),
    submission('sent-back', [divisionSheet('産業振興課', [measure('来場者数', [value(2020, 'target', '100')])])], {
      status: 'rejected',
      error: { code: 'validation', message: '検証でエラーが 1 件' },
    }),
  ];
}

describe('open data', () => {
  it('names the file by its name only, never by the path it was read from', () => {
    const sheet = divisionSheet('健康福祉課', [measure('開催回数', [value(2020, 'target', '10')])]);
    const sent = submission('kenko', [sheet], { file: '/srv/mokuhyo/inbox/akiha/健康福祉課_R2.xlsx' });
    const windows = submission('sangyo', [{ ...sheet, organization: '産業振興課' }], {
      file: 'C:\\共有\\R2\\産業振興課.xlsx',
    });
    const rows = openDataRows({ body: '秋葉区', fiscalYear: 2020, submissions: [sent, windows] });
    expect(rows.map((r) => r.file)).toEqual(['健康福祉課_R2.xlsx', '産業振興課.xlsx']);
  });

  it('gives one row per measure and year value, numbers plain, blanks empty, the text as written beside them', () => {
    const rows = openDataRows({ body: '秋葉区', fiscalYear: 2020, submissions: inputs() });
    const kenko = rows.filter((r) => r.division === '健康福祉課');
    expect(kenko.map((r) => [r.year, r.kind, r.value, r.comparator, r.blank, r.text, r.cell])).toEqual([
      [2019, 'actual', -15000, null, false, '△1.5万', 'G11'],
      [2020, 'target', 1700, '>=', false, '１，７００人以上', 'H11'],
      [2020, 'result', null, null, true, '－', 'I11'],
    ]);
    expect(rows.some((r) => r.division === '産業振興課')).toBe(false);
    const csv = openDataCsv(kenko);
    expect(csv.startsWith('\ufeff"団体","年度","課",')).toBe(true);
    expect(csv).toContain(',2019,"実績",-15000,');
    expect(csv).toContain(',2020,"目標",1700,"人",">=",,"１，７００人以上","未評価",');
    expect(csv).toContain(',2020,"結果",,');
    const doc = JSON.parse(
      openDataJson(kenko, [{ body: '秋葉区', fiscalYear: 2020, file: 'out/秋葉区.xlsx' }], '2020-05-01T00:00:00.000Z'),
    ) as { rows: { value: number | null; kindLabel: string }[] };
    expect(doc.rows.map((r) => [r.value, r.kindLabel])).toEqual([
      [-15000, '実績'],
      [1700, '目標'],
      [null, '結果'],
    ]);
  });

  it('leaves 値 empty for a cell of several quantities, as the summary does; 記載どおり carries them', () => {
    const compound = '青パト月4回\n区だよりによる実施団体の募集　年2回';
    const sheet = divisionSheet('地域総務課', [
      measure('「青パト」による防犯パトロールの実施回数', [
        value(2020, 'target', compound, 'H16'),
        value(2020, 'result', '青パト月4回\n区だよりによる実施団体の募集　年1回', 'I16'),
      ]),
      measure('開催回数', [value(2020, 'target', '10回', 'H11'), value(2020, 'result', '12', 'I11')]),
    ]);
    const rows = openDataRows({ body: '秋葉区', fiscalYear: 2020, submissions: [submission('chiiki', [sheet])] });
    expect(rows.map((r) => [r.cell, r.value, r.judgement])).toEqual([
      ['H16', null, 'not-achieved'],
      ['I16', null, 'not-achieved'],
      ['H11', 10, 'achieved'],
      ['I11', 12, 'achieved'],
    ]);
    expect(rows[0]!.text).toBe(compound);
    expect(openDataCsv(rows)).toContain(',2020,"目標",,');
  });

  it('leaves 値 empty for a target stated against another year (前年度比10%増), as the summary does', () => {
    const sheet = divisionSheet('地域総務課', [
      measure('自主防災訓練参加者数', [
        value(2019, 'actual', '1,000', 'G11'),
        value(2020, 'target', '前年度比10%増', 'H11'),
        value(2020, 'result', '1,150', 'I11'),
      ]),
    ]);
    const rows = openDataRows({ body: '秋葉区', fiscalYear: 2020, submissions: [submission('chiiki', [sheet])] });
    expect(rows.map((r) => [r.cell, r.value])).toEqual([
      ['G11', 1000],
      ['H11', null],
      ['I11', 1150],
    ]);
    expect(rows[1]!.text).toBe('前年度比10%増');
  });

  it('prefixes a quote to text a spreadsheet would run as a formula', () => {
    const csv = openDataCsv(openDataRows({ body: '秋葉区', fiscalYear: 2020, submissions: inputs() }));
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv).toContain(`"'+1+1"`);
    expect(csv).toContain(`"'@SUM(A1)"`);
    expect(csv).toContain(`"'=危険課"`);
    expect(csv).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(csv).not.toMatch(/(^|,)"[=+\-@\t\r]/m);
  });
});
