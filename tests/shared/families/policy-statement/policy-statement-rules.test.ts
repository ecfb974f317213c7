import { describe, expect, it } from 'vitest';
import { checkGrid } from '../../../../shared/rules/index.ts';
import type { Phase } from '../../../../shared/rules/types.ts';
import { gridFrom } from '../../../helpers/grid-builder.ts';

type Row = (string | null)[];

const P1: Row[] = [
  ['（１）', '実現したい成果', '地域づくり活動の推進'],
  [null, '取組内容', '①センターを支援する'],
];
const P2: Row[] = [
  ['（２）', '実現したい成果', '施設の適正な維持管理'],
  [null, '取組内容', '①庁舎を案内する'],
];
const REPORT = '(1)地域づくり活動の推進\n・会議を開いた\n(2)施設の適正な維持管理\n・案内した';

/** A 方針書 from its 方針 lines, priority rows and the texts of sections 6–8. */
function sheet(
  policy = '・地域づくり活動の推進\n・施設の適正な維持管理',
  priorities: Row[] = [...P1, ...P2],
  reports: [string, string, string] = [REPORT, REPORT, REPORT],
): Row[] {
  return [
    ['令和２年度　増田地域局の方針書'],
    ['１．組織の使命（ありたい姿）'],
    ['愛着を持てる地域'],
    ['２．組織の抱える課題（現状）'],
    ['・支援が必要です。'],
    ['３．今年度の『スローガン』'],
    ['明るく元気な地域づくり'],
    ['４．今年度の方針'],
    [policy || null],
    ['５．今年度の重点取組項目'],
    ...priorities,
    ['６．方針に対する年度上期（4月～9月）の取組状況'],
    [reports[0] || null],
    ['７．年度下期（10月～3月）に向けた課題と取組方針'],
    [reports[1] || null],
    ['８．総括'],
    [reports[2] || null],
  ];
}

function findingsOf(rows: Row[], phase: Phase = 'evaluation'): { code: string; cell: string | null }[] {
  const { record, findings } = checkGrid(gridFrom('方針書', rows), { phase });
  expect(record.family).toBe('policy-statement');
  return findings.filter((f) => f.code.startsWith('policy-statement/')).map((f) => ({ code: f.code, cell: f.cell }));
}

describe('policy-statement rules', () => {
  it('finds nothing on a complete statement', () => {
    expect(findingsOf(sheet())).toEqual([]);
  });

  it('reports an empty section, and 6–8 only once the year is evaluated', () => {
    expect(findingsOf(sheet(undefined, undefined, [REPORT, '', REPORT]))).toEqual([
      { code: 'policy-statement/section-empty', cell: 'A18' },
    ]);
    expect(findingsOf(sheet(undefined, undefined, ['', '', '']), 'planning')).toEqual([]);
    expect(findingsOf(sheet('', undefined), 'planning')).toEqual([
      { code: 'policy-statement/section-empty', cell: 'A9' },
    ]);
  });

  it('reports a missing section heading', () => {
    const rows = sheet().filter((r) => r[0] !== '３．今年度の『スローガン』' && r[0] !== '明るく元気な地域づくり');
    expect(findingsOf(rows, 'planning')).toEqual([{ code: 'policy-statement/section-missing', cell: null }]);
  });

  it('reports a priority without 実現したい成果 or 取組内容', () => {
    const missingOutcome: Row[] = [
      ['（２）', '実現したい成果', null],
      [null, '取組内容', '①庁舎を案内する'],
    ];
    expect(findingsOf(sheet('・地域づくり活動の推進', [...P1, ...missingOutcome]), 'planning')).toEqual([
      { code: 'policy-statement/priority-outcome-missing', cell: 'B13' },
    ]);
    const missingActions: Row[] = [P2[0]!, [null, '取組内容', null]];
    expect(findingsOf(sheet(undefined, [...P1, ...missingActions]), 'planning')).toEqual([
      { code: 'policy-statement/priority-actions-missing', cell: 'B14' },
    ]);
  });

  it('takes the title beside a priority number for its 実現したい成果 when the label is missing', () => {
    const titled: Row[] = [['（１）地域づくり活動の推進'], [null, '取組内容', '①センターを支援する'], ...P2];
    expect(findingsOf(sheet(undefined, titled))).toEqual([]);
  });

  it('reports 方針 lines and priorities that do not match each other', () => {
    expect(findingsOf(sheet('・地域づくり活動の推進\n・観光の振興'), 'planning')).toEqual([
      { code: 'policy-statement/policy-mismatch', cell: 'A9' },
      { code: 'policy-statement/policy-mismatch', cell: 'C13' },
    ]);
  });

  it('reports a priority that 上期/下期/総括 do not report on, in evaluation only', () => {
    const partial = '(1)地域づくり活動の推進\n・会議を開いた';
    expect(findingsOf(sheet(undefined, undefined, [REPORT, partial, REPORT]))).toEqual([
      { code: 'policy-statement/report-missing', cell: 'A18' },
    ]);
    expect(findingsOf(sheet(undefined, undefined, [REPORT, partial, REPORT]), 'planning')).toEqual([]);
  });
});
