import { describe, expect, it } from 'vitest';
import { judgeSubmission } from '../../../shared/ledger/judge-submission.ts';
import { organizationKey, sameOrganization, namesOtherBody } from '../../../shared/ledger/organization.ts';
import type { LedgerScope, ReadOutcome } from '../../../shared/ledger/types.ts';
import type { SheetRecord } from '../../../shared/model/record.ts';
import { decideSubmission } from '../../../worker/queue/decide-submission.ts';
import { divisionSheet, measure, value, wardSheet } from '../summary/summary-fixtures.ts';

const SCOPE: LedgerScope = { ward: '秋葉区', fiscalYear: 2020, divisions: ['地域総務課', '健康福祉課', '産業振興課'] };
const WARD = { id: 'akiha', name: '秋葉区', fiscalYear: 2020, divisions: ['地域総務課', '健康福祉課', '産業振興課'] };
const KENKO = { role: 'submitter' as const, division: '健康福祉課' };
const COORDINATOR = { role: 'coordinator' as const, division: null };

function filled(organization: string, fiscalYear = 2020): SheetRecord {
  const sheet = divisionSheet(organization, [measure('開催回数', [value(fiscalYear, 'target', '10')])], fiscalYear);
  return {
    ...sheet,
    fields: {
      department: { value: '秋葉区役所', cell: 'C3' },
      division: { value: organization, cell: 'C4' },
      fiscalYear: { value: `${fiscalYear}年度`, cell: 'B1' },
    },
  };
}
const read = (...sheets: SheetRecord[]): ReadOutcome => ({ status: 'accepted', error: null, sheets });

describe('the decision on one submission', () => {
  it('matches 組織名 the way staff write it: full-width, spaces, the ward in front, 課 or 室', () => {
    for (const written of ['健康福祉課', '健康福祉室', '健康福祉', ' 健康福祉 課 ', '健康　福祉課', '秋葉区健康福祉課'])
      expect(sameOrganization(written, '健康福祉課', '秋葉区'), written).toBe(true);
    expect(sameOrganization('ＩＣＴ推進課', 'ICT推進課')).toBe(true);
    for (const other of ['地域総務課', '健康課', '福祉課', '健康福祉部', '秋葉区'])
      expect(sameOrganization(other, '健康福祉課', '秋葉区'), other).toBe(false);
    expect(organizationKey('秋葉区', '秋葉区')).toBe('秋葉区');
  });

  it('tells another body only when the sheet names a municipal body of its own', () => {
    expect(namesOtherBody('北区', '秋葉区')).toBe(true);
    expect(namesOtherBody('須坂市', '秋葉区')).toBe(true);
    for (const same of ['秋葉区', '秋葉区役所', '新潟市秋葉区', '秋 葉区', null])
      expect(namesOtherBody(same, '秋葉区'), String(same)).toBe(false);
    // A department or an office may belong to the body collecting: never called another body.
    expect(namesOtherBody('健康福祉部', '秋葉区')).toBe(false);
    expect(namesOtherBody('まちづくり推進部 増田地域局', '秋葉区')).toBe(false);
  });

  it('accepts the division its own filled-in sheet of this ward and year', () => {
    const judged = judgeSubmission(read(filled('健康福祉室')), SCOPE, KENKO);
    expect(judged.verdicts).toEqual([
      {
        slot: { kind: 'division', division: '健康福祉課' },
        status: '受理',
        code: null,
        reason: null,
        sheets: ['健康福祉室'],
      },
    ]);
    expect(judged.recognised[0]).toMatchObject({
      family: 'org-goals',
      familyTitle: '組織目標管理シート',
      body: '秋葉区',
      fiscalYear: 2020,
      division: '健康福祉室',
      indicators: 1,
      wardSheet: false,
    });
  });

  it("sends back another ward's sheet of another year, saying exactly which", () => {
    const kita = {
      ...filled('健康福祉課', 2015),
      fields: { ...filled('健康福祉課', 2015).fields, department: { value: '北区役所', cell: 'C3' } },
    };
    const judged = judgeSubmission(read(kita), SCOPE, KENKO);
    expect(judged.status).toBe('差戻し');
    expect(judged.verdicts[0]).toMatchObject({
      status: '差戻し',
      code: 'other-body',
      reason: '北区・平成27年度のシートです（この取りまとめは秋葉区・令和2年度）。',
    });
    expect(judged.sheets[0]!.findings.map((f) => [f.code, f.cell])).toEqual([
      ['submission/other-body', 'C3'],
      ['submission/other-year', 'B1'],
    ]);
  });

  it('sends back a blank form as 記入がありません, also when the console pre-filled its name and year', () => {
    const blank = { ...filled('健康福祉課'), measures: [] };
    expect(judgeSubmission(read(blank), SCOPE, KENKO).verdicts[0]).toMatchObject({
      status: '差戻し',
      code: 'blank',
      reason: '記入がありません（様式のままのシートです）。',
    });
    const emptyWard = wardSheet([]);
    expect(judgeSubmission(read(emptyWard), SCOPE, COORDINATOR).verdicts[0]).toMatchObject({
      slot: { kind: 'ward' },
      status: '差戻し',
      code: 'blank',
    });
  });

  it("keeps the ward's sheet to the coordinator (or the division the config names), in the ward's own row", () => {
    const ward = wardSheet(['重点1']);
    expect(judgeSubmission(read(ward), SCOPE, COORDINATOR).verdicts[0]).toMatchObject({
      slot: { kind: 'ward' },
      status: '受理',
    });
    // 確認 tells how many 重点目標 it read, not 0 指標.
    expect(judgeSubmission(read(ward), SCOPE, COORDINATOR).recognised[0]).toMatchObject({
      wardSheet: true,
      priorities: 1,
    });
    expect(judgeSubmission(read(ward), SCOPE, KENKO).verdicts[0]).toMatchObject({
      slot: { kind: 'division', division: '健康福祉課' },
      status: '差戻し',
      code: 'ward-sheet',
    });
    expect(judgeSubmission(read(ward), { ...SCOPE, wardSheetDivision: '健康福祉課' }, KENKO).verdicts[0]).toMatchObject(
      { slot: { kind: 'ward' }, status: '受理' },
    );
    // The ward sheet of another ward is another body's sheet.
    const kita = {
      ...wardSheet(['重点1']),
      organization: '北区',
      fields: { organization: { value: '北区', cell: 'B2' } },
    };
    expect(judgeSubmission(read(kita), SCOPE, COORDINATOR).verdicts[0]).toMatchObject({
      status: '差戻し',
      reason: '北区のシートです（この取りまとめは秋葉区）。',
    });
    // The coordinator submits the ward's sheet, not a division's.
    expect(judgeSubmission(read(filled('健康福祉課')), SCOPE, COORDINATOR).verdicts[0]).toMatchObject({
      slot: { kind: 'ward' },
      status: '差戻し',
      code: 'ward-sheet',
    });
  });

  it("sends back another division's sheet, naming whose it is", () => {
    const judged = judgeSubmission(read(filled('健康福祉課')), SCOPE, { role: 'submitter', division: '地域総務課' });
    const [finding] = judged.sheets[0]!.findings;
    expect(finding).toMatchObject({ severity: 'error', code: 'identity.division-mismatch', cell: 'C4' });
    expect(finding!.message).toBe(
      'シートの組織名「健康福祉課」が、提出した課「地域総務課」と一致しません。健康福祉課のシートは健康福祉課が提出します。自分の課のシートを提出してください。',
    );
    expect(judged.verdicts[0]!.reason).toBe('シートの組織名「健康福祉課」が、提出した課「地域総務課」と一致しません。');
  });

  it("treats a 方針書 as its division's own: another office's is sent back, one written with its department in front is accepted", () => {
    const statement = (organization: string): SheetRecord => ({
      sheet: '方針書',
      family: 'policy-statement',
      organization,
      fiscalYear: 2020,
      variant: 'statement',
      measures: [],
      findings: [],
      fields: { organization: { value: organization, cell: 'G2' } },
      items: { priorities: [{ no: '1', outcome: '地域づくり活動の推進' }] },
    });
    const kensetsu = { role: 'submitter' as const, division: '建設課' };
    const scope = { ...SCOPE, divisions: [...SCOPE.divisions, '建設課'] };
    expect(judgeSubmission(read(statement('まちづくり推進部 増田地域局')), scope, kensetsu).verdicts[0]).toMatchObject({
      status: '差戻し',
      reason: 'シートの組織名「まちづくり推進部 増田地域局」が、提出した課「建設課」と一致しません。',
    });
    expect(judgeSubmission(read(statement('まちづくり推進部 建設課')), scope, kensetsu).verdicts[0]!.status).toBe(
      '受理',
    );
    expect(judgeSubmission(read(statement('建設課')), scope, COORDINATOR).verdicts[0]).toMatchObject({
      status: '差戻し',
      code: 'ward-sheet',
    });
    expect(judgeSubmission(read(statement('建設課')), scope, kensetsu).recognised[0]).toMatchObject({
      division: '建設課',
      divisionSheet: true,
    });
  });

  it('gives validation errors as the reason with the first one said, and unreadable files as 読込不可', () => {
    const error = {
      severity: 'error' as const,
      code: 'x',
      cell: 'H12',
      message: 'H12 の「結果」が空欄です。必ず記入してください。',
    };
    const bad = { ...filled('健康福祉課'), findings: [error, error] };
    expect(judgeSubmission(read(bad), SCOPE, KENKO).verdicts[0]!.reason).toBe(
      '検証でエラーが 2 件見つかりました（H12 の「結果」が空欄です ほか 1 件）。',
    );
    const broken: ReadOutcome = {
      status: 'unreadable',
      error: { code: 'not-zip', message: 'ブックではありません。' },
      sheets: [],
    };
    expect(judgeSubmission(broken, SCOPE, KENKO).verdicts[0]).toMatchObject({
      slot: { kind: 'division', division: '健康福祉課' },
      status: '読込不可',
      reason: 'ブックではありません。',
    });
  });

  it('without a sender, fills each division its sheets name, the ward row with the ward sheet, and a file name as a last resort', () => {
    const judged = judgeSubmission(read(filled('健康福祉課'), filled('地域総務課'), wardSheet(['重点1'])), SCOPE, null);
    expect(judged.verdicts.map((v) => [v.slot, v.status])).toEqual([
      [{ kind: 'division', division: '健康福祉課' }, '受理'],
      [{ kind: 'division', division: '地域総務課' }, '受理'],
      [{ kind: 'ward' }, '受理'],
    ]);
    const xls: ReadOutcome = {
      status: 'unreadable',
      error: { code: 'legacy-xls', message: '.xls です。' },
      sheets: [],
    };
    expect(judgeSubmission(xls, SCOPE, null, 'inbox/産業振興課_R2.xls').verdicts[0]!.slot).toEqual({
      kind: 'division',
      division: '産業振興課',
    });
    const lock: ReadOutcome = {
      status: 'unreadable',
      error: { code: 'lock-file', message: '一時ファイル' },
      sheets: [],
    };
    expect(judgeSubmission(lock, SCOPE, null, 'inbox/~$産業振興課.xlsx').verdicts[0]!.slot).toEqual({
      kind: 'unattributed',
    });
  });

  it('with no divisions expected, files an unreadable file under the division its name is (区民生活課.xlsx), else leaves it unattributed', () => {
    const open: LedgerScope = { ward: '東区', fiscalYear: 2022, divisions: [] };
    const text: ReadOutcome = { status: 'unreadable', error: { code: 'not-zip', message: 'CSV です。' }, sheets: [] };
    expect(judgeSubmission(text, open, null, 'in/区民生活課.xlsx').verdicts[0]!.slot).toEqual({
      kind: 'division',
      division: '区民生活課',
    });
    expect(judgeSubmission(text, open, null, 'in/東区_地域課_R4.xlsx').verdicts[0]!.slot).toEqual({
      kind: 'division',
      division: '地域課',
    });
    expect(judgeSubmission(text, open, null, 'in/report_2022.xlsx').verdicts[0]!.slot).toEqual({
      kind: 'unattributed',
    });
    // With a list, only a division on it names the row, as before.
    expect(judgeSubmission(text, SCOPE, null, 'in/区民生活課.xlsx').verdicts[0]!.slot).toEqual({
      kind: 'unattributed',
    });
  });

  it('flags the same content from another division of the ward as a warning for the coordinator', () => {
    const same = [
      { id: 'a', ward: 'akiha', fiscalYear: 2020, division: '健康福祉課' },
      { id: 'b', ward: 'akiha', fiscalYear: 2020, division: '産業振興課' },
      { id: 'c', ward: 'nishi', fiscalYear: 2020, division: '地域課' },
    ];
    const judged = decideSubmission(
      read(filled('健康福祉課')),
      WARD,
      { division: '健康福祉課', role: 'submitter' },
      same,
    );
    expect(judged.status).toBe('受理');
    const warning = judged.sheets[0]!.findings.find((f) => f.code === 'identity.duplicate-content');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toContain('産業振興課');
    expect(warning?.message).not.toContain('地域課');
  });
});
