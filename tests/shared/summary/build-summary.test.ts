import { describe, expect, it } from 'vitest';
import { buildSummary } from '../../../shared/summary/index.ts';
import { divisionSheet, measure, submission, value, wardSheet } from './summary-fixtures.ts';

const OPTIONS = { ward: '秋葉区', fiscalYear: 2020, expectedDivisions: ['健康福祉課', '産業振興課', '地域総務課'], generatedAt: '2020-04-30T00:00:00.000Z' };

function kenko(result: string, goal = '福祉の推進') {
  return divisionSheet('健康福祉課', [measure('開催回数', [value(2019, 'actual', '9'), value(2020, 'target', '10'), value(2020, 'result', result)], goal)]);
}

describe('buildSummary', () => {
  it('keeps the latest submission per division by submission time', () => {
    const older = submission('a', [kenko('12')], { submittedAt: '2020-05-01T00:00:00Z' });
    const newer = submission('b', [kenko('8')], { submittedAt: '2020-05-02T00:00:00Z' });
    const model = buildSummary([newer, older], OPTIONS);
    expect(model.tables[0]?.rows.map((r) => r.resultText)).toEqual(['8']);
    expect(model.divisions[0]).toMatchObject({ division: '健康福祉課', indicators: 1, achievementRate: 0 });
    expect(model.statuses.find((s) => s.file === 'a.xlsx')?.state).toBe('superseded');
  });

  it('shows a (再) re-listed project in the table but counts it once', () => {
    const original = measure('子育て支援事業', [value(2021, 'target', '10'), value(2021, 'result', '12')]);
    const relisted: typeof original = { ...original, group: '(再)1', fields: { ...original.fields, relist: 'true', relistOf: '1' } };
    const summary = buildSummary([submission('a', [divisionSheet('健康福祉課', [original, relisted], 2021)])], { ward: null, fiscalYear: 2021, expectedDivisions: [], generatedAt: '2021-06-01T00:00:00Z' });
    expect(summary.tables[0]!.rows.map((r) => [r.group, r.relist])).toEqual([['1', false], ['(再)1', true]]);
    expect(summary.divisions[0]).toMatchObject({ indicators: 1, goals: 1 });
    expect(summary.divisions[0]!.counts.achieved).toBe(1);
  });

  it('falls back to file mtime when submission times are absent', () => {
    const older = submission('a', [kenko('12')], { mtime: '2020-05-03T00:00:00Z' });
    const newer = submission('b', [kenko('8')], { mtime: '2020-05-01T00:00:00Z' });
    expect(buildSummary([older, newer], OPTIONS).tables[0]?.rows[0]?.resultText).toBe('12');
  });

  it('lists missing divisions and unreadable files with their reason', () => {
    const bad = submission('broken', [], { status: 'unreadable', error: { code: 'not-zip', message: 'Excel ブック（.xlsx）ではありません。' } });
    const model = buildSummary([submission('a', [kenko('12')]), bad], OPTIONS);
    expect(model.missingDivisions).toEqual(['産業振興課', '地域総務課']);
    expect(model.statuses.filter((s) => s.state === 'missing').map((s) => s.division)).toEqual(['産業振興課', '地域総務課']);
    expect(model.statuses.find((s) => s.file === 'broken.xlsx')).toMatchObject({ state: 'unreadable', reason: 'Excel ブック（.xlsx）ではありません。' });
  });

  it('leaves sheets of another fiscal year out of scope', () => {
    const old = submission('old', [divisionSheet('産業振興課', [measure('x', [value(2019, 'target', '1')])], 2019)]);
    const model = buildSummary([submission('a', [kenko('12')]), old], OPTIONS);
    expect(model.divisions.map((d) => d.division)).toEqual(['健康福祉課']);
    expect(model.statuses.find((s) => s.file === 'old.xlsx')?.state).toBe('out-of-scope');
  });

  it('puts year columns other than the judged target and result into the table', () => {
    const table = buildSummary([submission('a', [kenko('12')])], OPTIONS).tables[0];
    expect(table?.columns.map((c) => c.label)).toEqual(['R1実績']);
    expect([table?.targetLabel, table?.resultLabel]).toEqual(['R2目標', 'R2結果']);
    expect(table?.rows[0]?.values).toEqual({ '2019:actual': '9' });
    expect(table?.rows[0]?.figures['2019:actual']).toMatchObject({ value: 9, format: '0', note: null });
  });

  it('says the ward roll-up cannot be derived when no goal names its 重点目標', () => {
    const model = buildSummary([submission('w', [wardSheet(['まちづくり', '福祉'])]), submission('a', [kenko('12')])], OPTIONS);
    expect(model.wardRollup?.achievedCount).toBeNull();
    expect(model.wardRollup?.note).toContain('集計できません');
    expect(model.divisions.map((d) => d.division)).toEqual(['健康福祉課']);
  });

  it('rolls division results up into the 重点目標 they name', () => {
    const model = buildSummary([submission('w', [wardSheet(['まちづくり', '福祉'])]), submission('a', [kenko('12', '【重点目標２】福祉の推進')])], OPTIONS);
    expect(model.wardRollup?.priorities.map((p) => p.achieved)).toEqual([null, true]);
    expect(model.wardRollup?.achievedCount).toBe(1);
  });
});

describe('buildSummary with sheets of other forms', () => {
  it('does not take a priorities list of another variant for the ward sheet', () => {
    const statement = { ...wardSheet(['方針']), variant: 'statement', organization: '増田地域局', family: 'policy-statement' as const };
    const model = buildSummary([submission('s', [statement]), submission('a', [kenko('12')])], { ...OPTIONS, ward: null });
    expect(model.wardRollup).toBeNull();
    expect(model.ward).toBeNull();
  });
});
