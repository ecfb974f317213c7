// 区ビジョンまちづくり計画 実施計画 as the wards of one city keep it (Niigata City's eight wards each publish one
// for a two-year period); the projects are invented in their manner.
import type { CorpusCase } from '../corpus-case.ts';
import { planSheet, SEED_COLUMNS, type Measure, type PlanLayout } from './layout.ts';

const children: Measure[] = [
  {
    heading: '(1)子どもたちの健やかな育み',
    projects: [
      {
        no: '1',
        name: '子育て支援講座事業',
        summary: '子育てに不安を感じる親同士が学び合う講座を開きます。',
        rows: [
          {
            content: '親子講座の実施',
            actual: '12講座実施',
            target1: '15講座実施',
            target2: '15講座実施',
            division: '健康福祉課',
          },
          {
            content: 'オンライン講座の配信',
            actual: '(R3新規事業のため実績なし)',
            target1: '配信開始',
            target2: '配信継続',
            division: '地域課',
          },
        ],
      },
      {
        no: '2',
        name: '子育て情報配信事業',
        summary: 'SNSで月齢に応じた子育て情報を届けます。',
        rows: [
          {
            content: 'LINEによる情報配信',
            actual: '累計登録者数2,100人',
            target1: '累計登録者数2,600人',
            target2: '累計登録者数の増加',
            division: '健康福祉課',
          },
        ],
      },
    ],
  },
];

const safety: Measure[] = [
  {
    heading: '(2)安心・安全なまちづくり',
    projects: [
      {
        no: '3',
        name: '地域防犯活動支援事業',
        summary: '青色防犯パトロール団体の活動を支えます。',
        rows: [
          {
            content: '青パト講習会の開催',
            actual: '年2回',
            target1: '年3回',
            target2: '年3回',
            division: '地域総務課',
          },
        ],
      },
      {
        no: '4',
        name: '防災訓練支援事業',
        summary: '自主防災組織の訓練を支援します。',
        rows: [
          {
            content: '地域防災訓練の支援',
            actual: '18地域',
            target1: '20地域',
            target2: '全22地域',
            division: '総務課',
          },
          { content: '避難所運営訓練', actual: '実施', target1: '実施', target2: '実施', division: '健康福祉課' },
        ],
      },
    ],
  },
];

const town: Measure[] = [
  {
    heading: '(1)にぎわいのあるまちなかづくり',
    projects: [
      {
        no: '1',
        name: '商店街活性化事業',
        summary: '商店街のイベントを支援します。',
        rows: [
          {
            content: 'まちなかマルシェの開催',
            actual: '来場者3,200人',
            target1: '来場者4,000人',
            target2: '来場者4,500人',
            division: '産業振興課',
          },
        ],
      },
      {
        no: '2',
        name: '空き店舗活用事業',
        summary: '空き店舗への出店を後押しします。',
        rows: [
          { content: '出店者への家賃補助', actual: '3件', target1: '5件', target2: '5件', division: '産業振興課' },
        ],
      },
    ],
  },
];

const header = (ward: string, period: string) => [[`${ward} 区ビジョンまちづくり計画 実施計画`], ['計画期間', period]];

function plan(file: string, mutations: string[], body: string, layout: PlanLayout, measures: Measure[]): CorpusCase {
  const { sheet, expect } = planSheet(layout, measures, body);
  return { family: 'action-plan', file, mutations, sheets: [sheet], expect: [expect] };
}

const SEED_BAND = { years: ['R2実績', 'R3', 'R4'], band: '工程・数値目標' } satisfies Pick<
  PlanLayout,
  'years' | 'band'
>;

export const actionPlanCases: CorpusCase[] = [
  plan(
    'kita-jisshi-r3-r4.xlsx',
    ['seed layout: header under every measure, targets under a 工程・数値目標 band'],
    '北区',
    {
      sheet: 'Ⅰ 子ども',
      fiscalYear: 2021,
      header: header('北区', '令和3年度～令和4年度'),
      pillar: 'Ⅰ 人と人がつながるまち',
      policy: '◆子どもを育むまちづくり',
      ...SEED_COLUMNS,
      ...SEED_BAND,
      repeatHeader: true,
    },
    children,
  ),
  plan(
    'higashi-2021.xlsx',
    [
      'one header for the whole sheet',
      'targets headed R3目標 / R4目標 in one row',
      'project cells merged over their rows',
    ],
    '東区',
    {
      sheet: '実施計画',
      fiscalYear: 2021,
      header: header('東区', '令和3年度～令和4年度'),
      pillar: 'Ⅱ 安心・安全なまち',
      policy: '◆安心して暮らせるまちづくり',
      ...SEED_COLUMNS,
      years: ['R2実績', 'R3目標', 'R4目標'],
      repeatHeader: false,
      merged: true,
    },
    safety,
  ),
  plan(
    'chuo-jisshikeikaku-2022.xlsx',
    ['Western years (2021実績, 2022, 2023)', '計画期間 in Western years'],
    '中央区',
    {
      sheet: '中央区',
      fiscalYear: 2022,
      header: [['中央区 区ビジョンまちづくり計画 第5次実施計画'], ['計画期間', '2022年度～2023年度']],
      pillar: 'Ⅲ にぎわいのまち',
      policy: '◆まちなかの活性化',
      ...SEED_COLUMNS,
      years: ['2021実績', '2022', '2023'],
      band: '工程・数値目標',
      repeatHeader: true,
    },
    town,
  ),
  plan(
    'konan-r3.xlsx',
    ['headers reworded: No. / 事業名称 / 取組内容 / 所管課', 'extra 備考 column'],
    '江南区',
    {
      sheet: 'Sheet1',
      fiscalYear: 2021,
      header: header('江南区', 'R3年度～R4年度'),
      pillar: 'Ⅰ 人と人がつながるまち',
      policy: '◆子どもを育むまちづくり',
      columns: ['no', 'name', 'summary', 'content', 'years', 'division', 'extra'],
      captions: {
        no: 'No.',
        name: '事業名称',
        summary: '事業概要',
        content: '取組内容',
        division: '所管課',
        extra: '備考',
      },
      years: ['令和2年度実績', '令和3年度目標', '令和4年度目標'],
      repeatHeader: true,
    },
    children,
  ),
  plan(
    'akiha-jisshi.xlsx',
    ['ward only in the title, with its city', 'block moved right'],
    '秋葉区',
    {
      sheet: '計画',
      fiscalYear: 2021,
      left: 1,
      header: [['新潟市秋葉区 区ビジョンまちづくり計画 実施計画'], ['計画期間', '令和3年度～令和4年度']],
      pillar: 'Ⅱ 安心・安全なまち',
      policy: '◆安心して暮らせるまちづくり',
      ...SEED_COLUMNS,
      ...SEED_BAND,
      repeatHeader: true,
    },
    safety,
  ),
  plan(
    'minami-r4-r5.xlsx',
    ['next period (R4–R5)', 'division column before the years'],
    '南区',
    {
      sheet: 'Ⅲ',
      fiscalYear: 2022,
      header: header('南区', '令和4年度～令和5年度'),
      pillar: 'Ⅲ にぎわいのまち',
      policy: '◆まちなかの活性化',
      columns: ['no', 'name', 'summary', 'content', 'division', 'years'],
      captions: SEED_COLUMNS.captions,
      years: ['R3実績', 'R4', 'R5'],
      band: '工程・数値目標',
      repeatHeader: true,
    },
    town,
  ),
  plan(
    'nishi-r3-pillar2.xlsx',
    ['no 事業概要 column', '事業内容 headed 実施内容'],
    '西区',
    {
      sheet: 'Ⅱ 安心',
      fiscalYear: 2021,
      header: header('西区', '令和3年度～令和4年度'),
      pillar: 'Ⅱ 安心・安全なまち',
      policy: '◆安心して暮らせるまちづくり',
      columns: ['no', 'name', 'content', 'years', 'division'],
      captions: { ...SEED_COLUMNS.captions, content: '実施内容' },
      ...SEED_BAND,
      repeatHeader: true,
    },
    safety,
  ),
  plan(
    'nishikan-2021-jisshi.xlsx',
    ['区名 cell instead of the ward in the title', '担当 header'],
    '西蒲区',
    {
      sheet: '実施計画',
      fiscalYear: 2021,
      header: [['区ビジョンまちづくり計画 実施計画'], ['区名', '西蒲区', '計画期間', '令和3年度～令和4年度']],
      pillar: 'Ⅰ 人と人がつながるまち',
      policy: '◆子どもを育むまちづくり',
      ...SEED_COLUMNS,
      captions: { ...SEED_COLUMNS.captions, division: '担当' },
      years: ['R2実績', 'R3目標', 'R4目標'],
      repeatHeader: false,
    },
    children,
  ),
  plan(
    'kita-jisshi-r3-r4-town.xlsx',
    ['事業No. header', 'full-width era years'],
    '北区',
    {
      sheet: 'Ⅲ にぎわい',
      fiscalYear: 2021,
      header: header('北区', '令和３年度～令和４年度'),
      pillar: 'Ⅲ にぎわいのまち',
      policy: '◆まちなかの活性化',
      ...SEED_COLUMNS,
      captions: { ...SEED_COLUMNS.captions, no: '事業No.' },
      years: ['Ｒ２実績', 'Ｒ３', 'Ｒ４'],
      band: '工程・数値目標',
      repeatHeader: true,
    },
    town,
  ),
  plan(
    'higashi-2023-anshin.xlsx',
    ['later period', 'header once, merged project cells, band over the targets'],
    '東区',
    {
      sheet: '安心',
      fiscalYear: 2023,
      header: header('東区', '令和5年度～令和6年度'),
      pillar: 'Ⅱ 安心・安全なまち',
      policy: '◆安心して暮らせるまちづくり',
      ...SEED_COLUMNS,
      years: ['R4実績', 'R5', 'R6'],
      band: '工程・数値目標',
      repeatHeader: false,
      merged: true,
    },
    safety,
  ),
];
