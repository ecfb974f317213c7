// 総合計画 施策シート as other cities keep it (many publish one sheet per 施策 with 成果指標 and プロセス指標);
// the content is invented in their manner.
import type { CorpusCase } from '../corpus-case.ts';
import { measureSheet, type MeasureLayout, type MeasureSheet } from './layout.ts';

const publicity: MeasureSheet = {
  goal: '基本目標７　市民とともにつくる持続可能なまち',
  basicPolicy: '基本施策１３　未来志向型の行政経営を行うまちづくり',
  measure: '施策３５　広聴・広報の充実',
  vision: '市民の声が市政に届き、必要な情報が必要な人に届いています。',
  outcomes: [
    {
      kind: '市民意識指標',
      name: '広報紙を読んでいる人の割合（％）',
      baseline: ['82.0（2019）', 82, 2019],
      target: ['90.0', 90],
    },
    {
      kind: '統計指標',
      name: 'SNSのフォロワー数（人）',
      baseline: ['7,200（2020）', 7200, 2020],
      target: ['10,000', 10000],
    },
  ],
  actions: [
    { item: '広聴の充実', content: '◇ 市長との対話集会の開催' },
    { item: '広報の充実', content: '◇ 見やすいホームページの作成' },
  ],
  process: [
    { name: 'ホームページの閲覧数（件）', baseline: ['820,000（2019）', 820000, 2019], target: ['900,000', 900000] },
  ],
  division: '政策推進課',
};

const waste: MeasureSheet = {
  goal: '基本目標４　自然と共生するまち',
  basicPolicy: '基本施策８　循環型社会の形成',
  measure: '施策２１　ごみの減量と資源化',
  vision: 'ごみが減り、資源が循環しています。',
  outcomes: [
    {
      kind: '統計指標',
      name: '一人一日当たりのごみ排出量（g）',
      baseline: ['452（2019）', 452, 2019],
      target: ['420以下', 420],
    },
    { kind: '統計指標', name: 'リサイクル率（％）', baseline: ['21.5（2019）', 21.5, 2019], target: ['25.0', 25] },
  ],
  actions: [{ item: '分別の徹底', content: '◇ 分別アプリの普及' }],
  process: [{ name: '生ごみ処理機の補助件数（件）', baseline: ['35（2019）', 35, 2019], target: ['50', 50] }],
  division: '環境課',
};

const health: MeasureSheet = {
  goal: '基本目標２　健やかに暮らせるまち',
  basicPolicy: '基本施策３　健康づくりの推進',
  measure: '施策６　生活習慣病の予防',
  vision: '市民が自分の健康に関心を持ち、健診を受けています。',
  outcomes: [
    { kind: '統計指標', name: '特定健診受診率（％）', baseline: ['41.2（2020）', 41.2, 2020], target: ['60.0', 60] },
  ],
  actions: [
    { item: '受診勧奨', content: '◇ 未受診者への個別通知' },
    { item: '健康教育', content: '◇ 出前講座の開催' },
  ],
  process: [
    { name: '出前講座の開催回数（回）', baseline: ['24（2020）', 24, 2020], target: ['40', 40] },
    { name: '個別通知の発送数（件）', baseline: ['5,100（2020）', 5100, 2020], target: ['6,000', 6000] },
  ],
  division: '健康づくり課',
};

const SEED_HEADERS: MeasureLayout['headers'] = {
  kind: '指標の種類',
  name: '指標名',
  baseline: '現状値（年度）',
  target: '目標値（2025年）',
};

function plan(
  file: string,
  mutations: string[],
  body: string | null,
  layout: MeasureLayout,
  content: MeasureSheet,
): CorpusCase {
  const { sheet, expect } = measureSheet(layout, content, body);
  return { family: 'plan-measures', file, mutations, sheets: [sheet], expect: [expect] };
}

const seedLike = (city: string, sheet: string): MeasureLayout => ({
  sheet,
  targetYear: 2025,
  title: `${city}総合計画\u3000施策シート`,
  headers: SEED_HEADERS,
  outcomeTitle: '【成果指標】',
  processTitle: '【プロセス指標】',
});

export const planMeasuresCases: CorpusCase[] = [
  plan('nakano-shisaku35.xlsx', ['seed layout'], '中野市', seedLike('中野市', '施策35'), publicity),
  plan('chikuma-21.xlsx', ['lower-is-better target 420以下'], '千曲市', seedLike('千曲市', '施策21'), waste),
  plan(
    'iiyama-2030-6.xlsx',
    ['target year 2030', 'headers 基準値 / 目標値（R12）'],
    '飯山市',
    {
      ...seedLike('飯山市', '施策6'),
      targetYear: 2030,
      headers: { kind: '指標の種類', name: '指標名', baseline: '基準値（年度）', target: '目標値（R12）' },
    },
    health,
  ),
  plan(
    'komoro-shisaku.xlsx',
    ['no 指標の種類 column', '成果指標 without brackets'],
    '小諸市',
    {
      ...seedLike('小諸市', '施策35'),
      headers: { ...SEED_HEADERS, kind: null },
      outcomeTitle: '成果指標',
      processTitle: 'プロセス指標',
    },
    publicity,
  ),
  plan(
    'tomi-21.xlsx',
    ['block moved right', 'division on a line of its own'],
    '東御市',
    { ...seedLike('東御市', '施策21'), left: 1, divisionLine: true },
    waste,
  ),
  plan(
    'azumino-2027.xlsx',
    ['target year 2027 headed 目標値（R9年度）', '現状値（R2）'],
    '安曇野市',
    {
      ...seedLike('安曇野市', 'Sheet1'),
      targetYear: 2027,
      headers: { kind: '指標の種類', name: '指標名', baseline: '現状値（年度）', target: '目標値（R9年度）' },
    },
    health,
  ),
  plan(
    'ina-sogokeikaku-35.xlsx',
    ['titles with ◆ and 【】 mixed', '指標名（単位） header'],
    '伊那市',
    {
      ...seedLike('伊那市', '施策35'),
      headers: { ...SEED_HEADERS, name: '指標名（単位）' },
      outcomeTitle: '◆成果指標',
      processTitle: '◆プロセス指標',
    },
    publicity,
  ),
  plan(
    'suwa-21-gomi.xlsx',
    ['目標値（2025年度）', '現状値（基準年度）'],
    '諏訪市',
    {
      ...seedLike('諏訪市', '施策21'),
      headers: { ...SEED_HEADERS, baseline: '現状値（基準年度）', target: '目標値（2025年度）' },
    },
    waste,
  ),
  plan('okaya-6.xlsx', ['title 第5次総合計画 施策シート'], '岡谷市', { ...seedLike('岡谷市第5次', '施策6') }, health),
  plan(
    'saku-35.xlsx',
    ['sheet named after the measure', 'Western target year in the header only'],
    '佐久市',
    { ...seedLike('佐久市', '広聴・広報'), headers: { ...SEED_HEADERS, target: '2025年目標' } },
    publicity,
  ),
];
