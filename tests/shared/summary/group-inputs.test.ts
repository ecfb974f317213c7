import { describe, expect, it } from 'vitest';
import type { SheetRecord } from '../../../shared/model/record.ts';
import { bodyMatches, bodyOfSheet, groupSubmissions } from '../../../shared/summary/group-inputs.ts';
import { groupLabel, planSummaries } from '../../../shared/summary/group-plan.ts';
import { buildSummary, type SubmissionInput } from '../../../shared/summary/index.ts';
import { measure, submission as fixture, value } from './summary-fixtures.ts';

/** A division sheet of the 組織目標 form as the extractor reads it: 所属 (department) names the body. */
function division(name: string, department: string, fiscalYear: number | null, sheet = name): SheetRecord {
  return {
    sheet,
    family: 'org-goals',
    organization: name,
    fiscalYear,
    variant: 'division',
    findings: [],
    measures: [
      measure(`${name}の指標`, [value(fiscalYear ?? 2020, 'target', '10'), value(fiscalYear ?? 2020, 'result', '12')]),
    ],
    fields: { department: { value: department, cell: 'B2' }, division: { value: name, cell: 'E2' } },
  };
}

function wardSheet(ward: string, fiscalYear: number): SheetRecord {
  return {
    sheet: `${ward}組織目標`,
    family: 'org-goals',
    organization: ward,
    fiscalYear,
    variant: 'ward',
    measures: [],
    findings: [],
    fields: { organization: { value: ward, cell: 'B2' } },
    items: { priorities: [{ no: '1', text: '重点' }] },
  };
}

function plan(fiscalYear: number): SheetRecord {
  return {
    sheet: '西区計画',
    family: 'action-plan',
    organization: '西区',
    fiscalYear,
    variant: 'plan',
    measures: [],
    findings: [],
    fields: { ward: { value: '西区', cell: 'A1' } },
  };
}

function statement(org: string, fiscalYear: number): SheetRecord {
  return {
    sheet: '方針書',
    family: 'policy-statement',
    organization: org,
    fiscalYear,
    variant: 'statement',
    measures: [],
    findings: [],
    fields: { organization: { value: org, cell: 'G2' } },
  };
}

function planMeasure(fiscalYear: number): SheetRecord {
  return {
    sheet: '施策35',
    family: 'plan-measures',
    organization: '広聴・広報の充実',
    fiscalYear,
    variant: 'measure',
    measures: [],
    findings: [],
    fields: { measure: { value: '広聴・広報の充実', cell: 'A3' } },
  };
}

/** A submission whose file is named as given. */
const submission = (file: string, sheets: SheetRecord[], extra: Partial<SubmissionInput> = {}): SubmissionInput =>
  fixture(file, sheets, { file, ...extra });

const unreadable = (id: string): SubmissionInput =>
  submission(id, [], {
    status: 'unreadable',
    error: { code: 'legacy-xls', message: '古い Excel 形式（.xls）のファイルです。' },
  });

describe('bodyOfSheet', () => {
  it('reads the body each form names: ward, department (役所 dropped), organisation; none for a 施策シート', () => {
    expect(bodyOfSheet(division('健康福祉課', '秋葉区役所', 2020))).toBe('秋葉区');
    expect(bodyOfSheet(wardSheet('秋葉区', 2020))).toBe('秋葉区');
    expect(bodyOfSheet(plan(2021))).toBe('西区');
    expect(bodyOfSheet(statement('まちづくり推進部\u3000増田地域局', 2020))).toBe('まちづくり推進部 増田地域局');
    expect(bodyOfSheet(planMeasure(2025))).toBeNull();
  });

  it('matches what a coordinator types against a body', () => {
    const masuda = { key: 'まちづくり推進部増田地域局', body: 'まちづくり推進部 増田地域局' };
    expect(bodyMatches(masuda, '増田地域局')).toBe(true);
    expect(bodyMatches(masuda, 'まちづくり推進部 増田地域局')).toBe(true);
    expect(bodyMatches({ key: '秋葉区', body: '秋葉区' }, '秋葉区役所')).toBe(true);
    expect(bodyMatches({ key: '秋葉区', body: '秋葉区' }, '新潟市秋葉区役所')).toBe(true);
    expect(bodyMatches({ key: '須坂市', body: '須坂市' }, '須坂市役所')).toBe(true);
    expect(bodyMatches({ key: '秋葉区', body: '秋葉区' }, '西区')).toBe(false);
  });
});

describe('groupSubmissions', () => {
  it('never puts two bodies or two years in one group', () => {
    const subs = [
      submission('kenko-2020', [division('健康福祉課', '秋葉区役所', 2020)]),
      submission('kenko-2021', [division('健康福祉課', '秋葉区役所', 2021)]),
      submission('ward', [wardSheet('秋葉区', 2020)]),
      submission('nishi', [plan(2021)]),
      submission('kita', [division('総務課', '北区役所', 2020)]),
      unreadable('old.xls'),
    ];
    subs.push(submission('chiiki', [division('地域総務課', '新潟市秋葉区役所', 2020)]));
    const { groups, loose } = groupSubmissions(subs);
    expect(groups.map(groupLabel)).toEqual([
      '北区 令和2年度',
      '秋葉区 令和2年度',
      '秋葉区 令和3年度',
      '西区 令和3年度',
    ]);
    expect(groups[1]!.submissions.map((s) => s.id)).toEqual(['kenko-2020', 'ward', 'chiiki']);
    expect(loose.map((s) => s.id)).toEqual(['old.xls']);
  });

  it('splits one workbook holding two years into both groups, with only its own sheets in each', () => {
    const both = submission('both', [
      division('健康福祉課', '秋葉区役所', 2020, 'R2'),
      division('健康福祉課', '秋葉区役所', 2021, 'R3'),
    ]);
    const { groups } = groupSubmissions([both]);
    expect(groups.map((g) => [g.fiscalYear, g.submissions[0]!.sheets.map((s) => s.sheet)])).toEqual([
      [2020, ['R2']],
      [2021, ['R3']],
    ]);
  });

  it("gives a sheet without a year its body's only year, and keeps it apart when the body has several", () => {
    const one = groupSubmissions([
      submission('a', [division('健康福祉課', '秋葉区役所', 2020)]),
      submission('b', [division('産業振興課', '秋葉区役所', null)]),
    ]);
    expect(one.groups.map(groupLabel)).toEqual(['秋葉区 令和2年度']);
    const two = groupSubmissions([
      submission('a', [division('健康福祉課', '秋葉区役所', 2020)]),
      submission('c', [division('健康福祉課', '秋葉区役所', 2021)]),
      submission('b', [division('産業振興課', '秋葉区役所', null)]),
    ]);
    expect(two.groups.map(groupLabel)).toEqual(['秋葉区 令和2年度', '秋葉区 令和3年度', '秋葉区 年度不明']);
  });

  it('gives a sheet naming no body the body its workbook names', () => {
    const blank = division('産業振興課', '', 2020);
    const { groups } = groupSubmissions([submission('akiha', [wardSheet('秋葉区', 2020), blank])]);
    expect(groups.map(groupLabel)).toEqual(['秋葉区 令和2年度']);
    expect(groups[0]!.submissions[0]!.sheets).toHaveLength(2);
  });

  it('summarises the sheets that name no body apart, as 団体名不明', () => {
    const { groups } = groupSubmissions([
      submission('suzaka', [planMeasure(2025)]),
      submission('kenko', [division('健康福祉課', '秋葉区役所', 2025)]),
    ]);
    expect(groups.map(groupLabel)).toEqual(['秋葉区 令和7年度', '団体名不明 令和7年度']);
  });
});

describe('planSummaries', () => {
  const inbox = [
    submission('in/kenko.xlsx', [division('健康福祉課', '秋葉区役所', 2020)]),
    submission('in/kenko-r1.xlsx', [division('健康福祉課', '秋葉区役所', 2019)]),
    submission('in/ward.xlsx', [wardSheet('秋葉区', 2020)]),
    submission('in/nishi.xlsx', [plan(2021)]),
    unreadable('in/old.xls'),
    unreadable('elsewhere/broken.xlsx'),
  ];
  const config = [{ id: 'akiha', name: '秋葉区', fiscalYear: 2020, divisions: ['健康福祉課', '産業振興課'] }];

  it('writes one summary per body and year, each with the unreadable files of its folder', () => {
    const { plans, unplaced, excluded } = planSummaries(inbox, { body: null, fiscalYear: null }, config);
    expect(plans.map((p) => groupLabel(p.group))).toEqual(['秋葉区 令和元年度', '秋葉区 令和2年度', '西区 令和3年度']);
    expect(plans[1]!.submissions.map((s) => s.id)).toEqual(['in/kenko.xlsx', 'in/ward.xlsx', 'in/old.xls']);
    expect(plans[1]!.previous.map((s) => s.id)).toEqual(['in/kenko-r1.xlsx']);
    expect(plans[1]!.expectedDivisions).toEqual(['健康福祉課', '産業振興課']);
    expect(plans[0]!.expectedDivisions).toEqual([]);
    expect(unplaced.map((s) => s.id)).toEqual(['elsewhere/broken.xlsx']);
    expect(excluded).toEqual([]);
  });

  it('with --ward and --fiscal-year writes that one, lists the rest as 対象外 with the reason, and keeps every unreadable file', () => {
    const { plans, excluded } = planSummaries(inbox, { body: 'akiha', fiscalYear: 2020 }, config);
    expect(plans).toHaveLength(1);
    expect(plans[0]!.submissions.map((s) => s.id)).toEqual([
      'in/kenko.xlsx',
      'in/ward.xlsx',
      'in/old.xls',
      'elsewhere/broken.xlsx',
    ]);
    expect(excluded).toEqual([
      {
        file: 'in/kenko-r1.xlsx',
        sheet: '健康福祉課',
        body: '秋葉区',
        fiscalYear: 2019,
        reason: '前年度（令和元年度）の提出です（前年度との比較にだけ使います）',
      },
      {
        file: 'in/nishi.xlsx',
        sheet: '西区計画',
        body: '西区',
        fiscalYear: 2021,
        reason: '対象（秋葉区 令和2年度）と異なる団体・年度（西区 令和3年度）です',
      },
    ]);
    const model = buildSummary(plans[0]!.submissions, {
      ward: '秋葉区',
      fiscalYear: 2020,
      expectedDivisions: plans[0]!.expectedDivisions,
      generatedAt: '2020-05-01T00:00:00Z',
      excluded: plans[0]!.excluded,
      previous: plans[0]!.previous,
    });
    expect(model.excluded).toHaveLength(2);
    expect(model.missingDivisions).toEqual(['産業振興課']);
    expect(model.tables.flatMap((t) => t.rows.map((r) => r.fiscalYear))).toEqual([2020]);
  });

  it("makes a file named after a configured division that holds another body's or another year's sheet that division's 差戻し", () => {
    const statement: SheetRecord = {
      sheet: '方針書',
      family: 'policy-statement',
      organization: 'まちづくり推進部 増田地域局',
      fiscalYear: 2020,
      variant: 'statement',
      measures: [],
      findings: [],
      fields: { organization: { value: 'まちづくり推進部 増田地域局', cell: 'G2' } },
      items: { priorities: [{ no: '1', outcome: '地域づくり' }] },
    };
    const wrong = [
      submission('in/kenko.xlsx', [division('健康福祉課', '秋葉区役所', 2020)]),
      submission('in/産業振興課.xlsx', [division('地域課', '北区役所', 2015)]),
      submission('in/建設課.xlsx', [statement]),
      submission('in/区民課.xlsx', [division('区民課', '秋葉区役所', 2021)]),
      submission('in/健康福祉課_R1.xlsx', [division('健康福祉課', '秋葉区役所', 2019)]),
    ];
    const wards = [{ ...config[0]!, divisions: ['健康福祉課', '産業振興課', '建設課', '区民課'] }];
    const { plans } = planSummaries(wrong, { body: 'akiha', fiscalYear: 2020 }, wards);
    const model = buildSummary(plans[0]!.submissions, {
      ward: '秋葉区',
      fiscalYear: 2020,
      expectedDivisions: plans[0]!.expectedDivisions,
      generatedAt: '2020-05-01T00:00:00Z',
    });
    expect(model.ledger.divisions.map((r) => [r.division, r.status, r.reason])).toEqual([
      ['健康福祉課', '受理', null],
      ['産業振興課', '差戻し', '北区・平成27年度のシートです（この取りまとめは秋葉区・令和2年度）。'],
      ['建設課', '差戻し', 'シートの組織名「まちづくり推進部 増田地域局」が、提出した課「建設課」と一致しません。'],
      ['区民課', '差戻し', '令和3年度のシートです（この取りまとめは令和2年度）。'],
    ]);
    // Last year's file stays the year-over-year comparison.
    expect(plans[0]!.previous.map((s) => s.id)).toEqual(['in/健康福祉課_R1.xlsx']);
  });

  it('decides the same whatever the order the files are given in, and whatever other divisions sent', () => {
    const dated = (sheet: SheetRecord, date: string): SheetRecord => ({
      ...sheet,
      fields: { ...sheet.fields, createdOn: { value: date, cell: 'J2' } },
    });
    const own = submission(
      'in/産業振興課_目標シート.xlsx',
      [dated(division('産業振興課', '秋葉区役所', 2020), '令和2年4月1日')],
      {
        mtime: '2021-04-20T01:03:00Z',
      },
    );
    const kita = submission('in/産業振興課_自己評価.xlsx', [division('地域課', '北区役所', 2015)], {
      mtime: '2021-04-20T01:08:00Z',
    });
    const other = submission('in/総務課.xlsx', [dated(division('総務課', '秋葉区役所', 2020), '令和2年3月1日')], {
      mtime: '2021-04-20T01:10:00Z',
    });
    const wards = [{ ...config[0]!, divisions: ['産業振興課', '総務課'] }];
    const ledgerOf = (files: SubmissionInput[]) => {
      const { plans } = planSummaries(files, { body: 'akiha', fiscalYear: 2020 }, wards);
      return buildSummary(plans[0]!.submissions, {
        ward: '秋葉区',
        fiscalYear: 2020,
        expectedDivisions: plans[0]!.expectedDivisions,
        generatedAt: '2020-05-01T00:00:00Z',
      }).ledger.divisions.map((r) => [r.division, r.status, r.submission, r.counted]);
    };
    const expected = [
      ['産業振興課', '差戻し', 'in/産業振興課_自己評価.xlsx', 'in/産業振興課_目標シート.xlsx'],
      ['総務課', '受理', 'in/総務課.xlsx', 'in/総務課.xlsx'],
    ];
    for (const order of [
      [own, kita, other],
      [other, kita, own],
      [kita, own, other],
      [kita, other, own],
    ])
      expect(ledgerOf(order)).toEqual(expected);
    expect(ledgerOf([own, kita])).toEqual([expected[0], ['総務課', '未提出', null, null]]);
  });

  it('never claims a ward’s own file for another configured ward that has a division of the same name', () => {
    const wards = [
      { id: 'akiha', name: '秋葉区', fiscalYear: 2020, divisions: ['地域総務課'] },
      { id: 'kita', name: '北区', fiscalYear: 2020, divisions: ['地域総務課'] },
    ];
    const files = [
      submission('in/地域総務課_目標シート.xlsx', [division('地域総務課', '秋葉区役所', 2020)]),
      submission('in/kita-ward.xlsx', [wardSheet('北区', 2020)]),
    ];
    const { plans } = planSummaries(files, { body: null, fiscalYear: null }, wards);
    expect(plans.map((p) => [groupLabel(p.group), p.submissions.map((s) => s.id)])).toEqual([
      ['北区 令和2年度', ['in/kita-ward.xlsx']],
      ['秋葉区 令和2年度', ['in/地域総務課_目標シート.xlsx']],
    ]);
  });

  it('gives a configured ward with no submission its summary of 未提出 divisions, and nothing for an unknown one', () => {
    expect(
      planSummaries(inbox, { body: '秋葉区', fiscalYear: 2022 }, [{ ...config[0]!, fiscalYear: 2022 }]).plans.map((p) =>
        groupLabel(p.group),
      ),
    ).toEqual(['秋葉区 令和4年度']);
    expect(planSummaries(inbox, { body: '東区', fiscalYear: null }, config).plans).toEqual([]);
  });
});
