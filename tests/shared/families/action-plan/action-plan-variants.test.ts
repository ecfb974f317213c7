import { describe, expect, it } from 'vitest';
import { extractSheet } from '../../../../shared/extract/index.ts';
import { FAMILIES } from '../../../../shared/families/index.ts';
import type { Grid } from '../../../../shared/grid/index.ts';
import { toHalfWidth } from '../../../../shared/values/index.ts';
import { gridFrom } from '../../../helpers/grid-builder.ts';
import { insertColumns, insertRows, mapText, toFullWidth, unmerge } from '../../../helpers/grid-relayout.ts';

type Row = (string | number | null)[];

/** A small plan sheet: title, pillar, ◆ policy, (1) measure, bullet, two-row header and three projects. */
function planSheet(
  header: { cols: string[]; years: string[]; band: string | null },
  body: Row[],
  merges: string[] = [],
): Grid {
  const top: Row[] = [
    ['南区 区ビジョンまちづくり計画 第5次実施計画'],
    ['計画期間', '令和5年度～令和6年度'],
    [],
    ['Ⅱ 学びと文化のまち'],
    ['◆学び合う環境づくり'],
    ['(1)多様な学びの場'],
    ['・公民館で学習の場を提供します。'],
  ];
  const [no, name, summary, content, actual, division] = header.cols;
  const h1: Row = [
    no!,
    name!,
    summary!,
    content!,
    actual!,
    header.band ?? header.years[0]!,
    header.band ? null : header.years[1]!,
    division!,
  ];
  const h2: Row = header.band ? [null, null, null, null, null, ...header.years, null] : [];
  const rows = header.band ? [...top, h1, h2, ...body] : [...top, h1, ...body];
  return gridFrom('柱2', rows, merges);
}

const STANDARD = {
  cols: ['事業番号', '事業名', '事業概要', '事業内容', 'R4実績', '担当課'],
  years: ['R5', 'R6'],
  band: '工程・数値目標',
};
const BODY: Row[] = [
  [
    '1',
    '家庭教育振興事業',
    '家庭教育学級を開きます。',
    '家庭教育学級の開催',
    '21事業',
    '16事業',
    '16事業',
    '中央公民館',
  ],
  [null, null, null, '発達障がいに関する講座', '3回', '4回', '4回', 'こども課'],
  ['2', '図書館整備事業', '郷土資料を充実します。', '郷土資料の購入', '4,994冊', '5,100冊', '5,200冊', '中央図書館'],
  [
    '(再)',
    '家庭教育振興事業',
    '家庭教育学級を開きます。',
    '家庭教育学級の開催',
    '21事業',
    '16事業',
    '16事業',
    '中央公民館',
  ],
];
const MERGES = ['A8:A9', 'B8:B9', 'C8:C9', 'D8:D9', 'E8:E9', 'F8:G8', 'H8:H9', 'A10:A11', 'B10:B11', 'C10:C11'];

const digestOf = (grid: Grid) => {
  const { record } = extractSheet(grid, FAMILIES);
  return {
    family: record.family,
    organization: record.organization,
    fiscalYear: record.fiscalYear,
    rows: record.measures.map((m) => [
      m.group,
      m.name,
      m.detail,
      m.fields?.['division'],
      toHalfWidth(m.fields?.['measure'] ?? ''),
      m.fields?.['relistOf'] ?? null,
      m.values.map((v) => `${v.year}${v.kind}:${v.value}`).join(' '),
    ]),
  };
};

const EXPECTED = {
  family: 'action-plan',
  organization: '南区',
  fiscalYear: 2023,
  rows: [
    [
      '1',
      '家庭教育振興事業',
      '家庭教育学級の開催',
      '中央公民館',
      '(1)多様な学びの場',
      null,
      '2022actual:21 2023target:16 2024target:16',
    ],
    [
      '1',
      '家庭教育振興事業',
      '発達障がいに関する講座',
      'こども課',
      '(1)多様な学びの場',
      null,
      '2022actual:3 2023target:4 2024target:4',
    ],
    [
      '2',
      '図書館整備事業',
      '郷土資料の購入',
      '中央図書館',
      '(1)多様な学びの場',
      null,
      '2022actual:4994 2023target:5100 2024target:5200',
    ],
    [
      '(再)',
      '家庭教育振興事業',
      '家庭教育学級の開催',
      '中央公民館',
      '(1)多様な学びの場',
      '1',
      '2022actual:21 2023target:16 2024target:16',
    ],
  ],
};

describe('action-plan variants staff type', () => {
  it('follows the plan period in the year headers (R4 actual, R5–R6 targets)', () => {
    expect(digestOf(planSheet(STANDARD, BODY, MERGES))).toEqual(EXPECTED);
  });

  it.each([
    [
      '事業No., 事業名称, 事業の概要, 取組内容, 所管課',
      ['事業No.', '事業名称', '事業の概要', '取組内容', 'R4実績', '所管課'],
    ],
    ['No., 事業, 概要, 内容, 担当', ['No.', '事業', '概要', '内容', '令和4年度実績', '担当']],
    ['番号 and 担当課名', ['番号', '事業名', '事業概要', '事業内容', 'R4年度実績', '担当課名']],
  ])('accepts the header words %s', (_, cols) => {
    expect(digestOf(planSheet({ ...STANDARD, cols }, BODY, MERGES))).toEqual(EXPECTED);
  });

  it('reads targets written as R5目標 / R6目標 without a band header', () => {
    const grid = planSheet({ ...STANDARD, years: ['R5目標', 'R6目標'], band: null }, BODY, [
      'A9:A10',
      'B9:B10',
      'C9:C10',
    ]);
    expect(digestOf(grid)).toEqual(EXPECTED);
  });

  it('reads a year-only header row without a band as targets', () => {
    const grid = planSheet({ ...STANDARD, years: ['R5', 'R6'], band: null }, BODY, ['A9:A10', 'B9:B10', 'C9:C10']);
    expect(digestOf(grid)).toEqual(EXPECTED);
  });

  it('reads the band header 工程・数値目標（単位） and full-width era years', () => {
    const grid = mapText(planSheet({ ...STANDARD, band: '工程・数値目標（単位）' }, BODY, MERGES), (t) =>
      toFullWidth(t),
    );
    expect(digestOf(grid)).toEqual(EXPECTED);
  });

  it.each(['blank', 'repeat'] as const)('reads the sheet with its merges undone (%s)', (mode) => {
    expect(digestOf(unmerge(planSheet(STANDARD, BODY, MERGES), mode))).toEqual(EXPECTED);
  });

  it('reads the sheet with rows and a column inserted', () => {
    const grid = insertColumns(insertRows(planSheet(STANDARD, BODY, MERGES), 3, 2), 2, 1, { row: 9, text: '備考' });
    expect(digestOf(grid)).toEqual(EXPECTED);
  });

  it('leaves relistOf null when the (再) project is not on the sheet', () => {
    const body = BODY.map((r) => (r[0] === '(再)' ? ['(再)', '区長への手紙', ...r.slice(2)] : r));
    const { record } = extractSheet(planSheet(STANDARD, body, MERGES), FAMILIES);
    expect(record.measures.at(-1)?.fields).toMatchObject({ relist: 'true', relistOf: null });
  });

  it('links a project whose 事業名 carries the (再) mark', () => {
    const body = BODY.map((r) => (r[0] === '(再)' ? ['3', '（再）家庭教育振興事業', ...r.slice(2)] : r));
    const { record } = extractSheet(planSheet(STANDARD, body, MERGES), FAMILIES);
    expect(record.measures.at(-1)).toMatchObject({ group: '3', fields: { relist: 'true', relistOf: '1' } });
  });

  it('reads 事業番号 written as codes (Ⅱ-1-1) without taking them for headings', () => {
    const body = BODY.map((r) =>
      r[0] === '1' ? ['Ⅱ-1-1', ...r.slice(1)] : r[0] === '2' ? ['Ⅱ-1-2', ...r.slice(1)] : r,
    );
    const { record } = extractSheet(planSheet(STANDARD, body, MERGES), FAMILIES);
    expect(record.measures.map((m) => [m.group, m.fields?.['pillar']])).toEqual([
      ['Ⅱ-1-1', 'Ⅱ 学びと文化のまち'],
      ['Ⅱ-1-1', 'Ⅱ 学びと文化のまち'],
      ['Ⅱ-1-2', 'Ⅱ 学びと文化のまち'],
      ['(再)', 'Ⅱ 学びと文化のまち'],
    ]);
  });

  it('takes the ward from a 区名 field when the title does not name it', () => {
    const grid = mapText(planSheet(STANDARD, BODY, MERGES), (t) =>
      t === '南区 区ビジョンまちづくり計画 第5次実施計画'
        ? '区ビジョンまちづくり計画 第5次実施計画'
        : t === '計画期間'
          ? '区名'
          : t === '令和5年度～令和6年度'
            ? '南区'
            : t,
    );
    expect(extractSheet(grid, FAMILIES).record).toMatchObject({
      family: 'action-plan',
      organization: '南区',
      fiscalYear: 2023,
    });
  });

  it('takes Latin pillar numerals and 柱 headings as pillars', () => {
    const grid = mapText(planSheet(STANDARD, BODY, MERGES), (t) =>
      t === 'Ⅱ 学びと文化のまち' ? 'II 学びと文化のまち' : t,
    );
    expect(extractSheet(grid, FAMILIES).record.measures[0]?.fields?.['pillar']).toBe('II 学びと文化のまち');
    const other = mapText(planSheet(STANDARD, BODY, MERGES), (t) =>
      t === 'Ⅱ 学びと文化のまち' ? '柱2 学びと文化のまち' : t,
    );
    expect(extractSheet(other, FAMILIES).record.measures[0]?.fields?.['pillar']).toBe('柱2 学びと文化のまち');
  });

  it('does not claim a sheet without 事業名 and 事業内容', () => {
    const grid = gridFrom('施策', [
      ['成果指標'],
      ['番号', '指標名', '現状値（年度）', '目標値（2025年）', '担当課'],
      ['1', '満足度', '86.5（2019）', '90.0', '市民課'],
    ]);
    expect(extractSheet(grid, FAMILIES).record.family).not.toBe('action-plan');
  });
});

describe('action-plan kept as one table for the whole plan', () => {
  const rows: Row[] = [
    ['西区 区ビジョンまちづくり計画 第4次実施計画'],
    ['事業番号', '事業名', '事業概要', '事業内容', 'R2実績', '工程・数値目標', null, '担当課'],
    [null, null, null, null, null, 'R3', 'R4', null],
    ['Ⅰ 安心なまち'],
    ['◆支え合うまちづくり'],
    ['地域の中で人と人とのつながりを大切にします。'],
    ['(1)子育て'],
    ['・子育て支援の輪を広げます。'],
    ['1', '子育て支援事業', '講座を開きます。', '講座の実施', '16講座', '20講座', '20講座', '健康福祉課'],
    ['Ⅱ 学びのまち'],
    ['◆学び合う環境づくり'],
    ['(1)学びの場'],
    ['1', '家庭教育振興事業', '家庭教育学級を開きます。', '家庭教育学級の開催', '21事業', '16事業', '16事業', '公民館'],
  ];
  const merges = [
    'A2:A3',
    'B2:B3',
    'C2:C3',
    'D2:D3',
    'E2:E3',
    'F2:G2',
    'H2:H3',
    'A4:H4',
    'A5:H5',
    'A6:H6',
    'A7:H7',
    'A8:H8',
    'A10:H10',
    'A11:H11',
    'A12:H12',
  ];
  const expected = [
    ['1', '子育て支援事業', 'Ⅰ 安心なまち', '◆支え合うまちづくり', '(1)子育て'],
    ['1', '家庭教育振興事業', 'Ⅱ 学びのまち', '◆学び合う環境づくり', '(1)学びの場'],
  ];
  const read = (grid: Grid) =>
    extractSheet(grid, FAMILIES).record.measures.map((m) => [
      m.group,
      m.name,
      m.fields?.['pillar'],
      m.fields?.['policy'],
      m.fields?.['measure'],
    ]);

  it('reads the projects under headings written as lines inside the table', () => {
    expect(read(gridFrom('実施計画', rows, merges))).toEqual(expected);
  });

  it.each(['blank', 'repeat'] as const)('reads them with the merges undone (%s)', (mode) => {
    expect(read(unmerge(gridFrom('実施計画', rows, merges), mode))).toEqual(expected);
  });
});
