// 区政運営基本方針 自己評価 as other Osaka wards publish it (each ward posts its 自己評価 per 経営課題 each
// year); the content is invented in their manner and every value is typed here.
import type { CorpusCase } from '../corpus-case.ts';
import { reviewSheet, SEED_ACTIONS, SEED_OUTCOMES, type Action, type Outcome, type ReviewLayout } from './layout.ts';

const community: Outcome[] = [
  {
    section: '（１）地域コミュニティの活性化',
    item: '㋐地域活動協議会の支援',
    indicator: '地域活動協議会の活動を知っている区民の割合',
    target: ['H29年度までに50％以上', 2017, 50],
    value: ['地域活動協議会の活動を知っている区民の割合：42.5％', 42.5],
    lastYear: ['38.0%', 38],
    rating: 'B',
  },
  {
    section: '（１）地域コミュニティの活性化',
    item: '㋑担い手の育成',
    indicator: '地域活動に参加したことがある区民の割合',
    target: ['H29年度までに30％以上', 2017, 30],
    value: ['31.2%', 31.2],
    lastYear: ['27.4%', 27.4],
    rating: 'A',
  },
];

const safety: Outcome[] = [
  {
    section: '（２）安全・安心なまちづくり',
    item: '㋐防犯対策の推進',
    indicator: '街頭犯罪発生件数',
    target: ['H30年度までに500件以下', 2018, 500],
    value: ['612件', 612],
    lastYear: ['655件', 655],
    rating: 'B',
  },
  {
    section: '（２）安全・安心なまちづくり',
    item: '㋑防災力の向上',
    indicator: '災害に備えて家庭で備蓄をしている区民の割合',
    target: ['H30年度までに70％以上', 2018, 70],
    value: ['71.8％', 71.8],
    rating: 'A',
  },
];

const communityActions: Action[] = [
  {
    section: '（１）地域コミュニティの活性化',
    item: '㋐地域活動協議会の支援',
    content: '【1-1-1】地域活動協議会の運営支援と情報発信',
    goal: '協議会の活動紹介を年12回以上広報紙に掲載',
    withdrawal: '掲載が年6回未満の場合、事業を再構築する',
    result: '広報紙に年12回掲載',
    achievement: '①(ⅰ)',
  },
  {
    section: '（１）地域コミュニティの活性化',
    item: '㋑担い手の育成',
    content: '【1-2-1】まちづくり講座の開催',
    goal: '講座参加者の満足度80％以上',
    withdrawal: '満足度が50％を下回った場合、講座を再構築する',
    result: '講座4回開催、満足度45％',
    achievement: '③',
    improvement: '講座の内容を地域の要望に合わせて見直す',
  },
];

/** The same actions, the second rated ②(ⅰ) although its figures breach its 撤退基準: the validator must say so. */
const breachedActions: Action[] = communityActions.map((a, i) =>
  i === 1 ? { ...a, achievement: '②(ⅰ)', result: '講座4回開催、満足度40％' } : a,
);

const safetyActions: Action[] = [
  {
    section: '（２）安全・安心なまちづくり',
    item: '㋐防犯対策の推進',
    content: '【2-1-1】青色防犯パトロールの実施',
    goal: '青パト月4回、区だよりによる実施団体の募集年2回',
    withdrawal: '街頭犯罪が前年度比で増えた場合、取組を再構築する',
    result: '青パト月4回実施、募集1回',
    achievement: '②(ⅰ)',
  },
  {
    section: '（２）安全・安心なまちづくり',
    item: '㋑防災力の向上',
    content: '【2-2-1】地域防災訓練の支援',
    goal: '全地域で訓練を実施',
    withdrawal: '実施地域が半数未満の場合、支援方法を見直す',
    result: '全19地域で実施',
    achievement: '①(ⅰ)',
  },
];

/** A header for the first rows of a ward's sheet, seed-like. */
const seedHeader = (ward: string, era: string, theme: string) => [
  [`区政運営基本方針の成果目標の達成に向けた取組状況について（${ward}）`],
  ['区名', ward, '年度', era, '区政運営基本方針', `${ward}区政運営基本方針`],
  ['柱', '1', theme],
  [],
];

/** The other hands' outcomes table: one header row, this year's value and rating side by side. */
const ALT_OUTCOMES = {
  outcomeHeader: [
    ['施策', '取組', '成果指標', '目標', '今年度実績', '前年度実績', '達成状況', '課題', '今後の対応方向'],
  ],
  outcomeColumns: ['section', 'item', 'indicator', 'target', 'value', 'lastYear', 'rating'],
} satisfies Pick<ReviewLayout, 'outcomeHeader' | 'outcomeColumns'>;

const ALT_ACTIONS = {
  actionsTitle: '具体的な取組',
  actionHeader: [
    ['施策', '取組', '取組内容', '業績目標', '撤退・再構築基準', '取組実績', '業績目標の達成状況', '課題', '改善策'],
  ],
  actionColumns: ['section', 'item', 'content', 'goal', 'withdrawal', 'result', 'achievement', null, 'improvement'],
} satisfies Pick<ReviewLayout, 'actionsTitle' | 'actionHeader' | 'actionColumns'>;

function review(
  file: string,
  mutations: string[],
  ward: string,
  layout: ReviewLayout,
  outcomes: Outcome[],
  actions: Action[],
): CorpusCase {
  const { sheet, expect } = reviewSheet(layout, outcomes, actions, ward);
  if (actions === breachedActions) expect.errors = ['policy-review/withdrawal-triggered'];
  return { family: 'policy-review', file, mutations, sheets: [sheet], expect: [expect] };
}

export const policyReviewCases: CorpusCase[] = [
  review(
    'miyakojima-h27-jikohyoka.xlsx',
    ['seed layout', 'an action rated ②(ⅰ) whose figures breach its 撤退基準'],
    '都島区',
    {
      sheet: '経営課題1',
      fiscalYear: 2015,
      header: seedHeader('都島区', '平成27年度', '「活力ある地域社会づくり」に向けて'),
      outcomesTitle: 'めざす成果および戦略',
      ...SEED_OUTCOMES,
      ...SEED_ACTIONS,
    },
    community,
    breachedActions,
  ),
  review(
    'fukushima-h28.xlsx',
    ['sheet named after the ward', 'title names the ward, no 区名 cell', 'year only in a cell of its own'],
    '福島区',
    {
      sheet: '福島区',
      fiscalYear: 2016,
      header: [['区政運営基本方針の成果目標の達成に向けた取組状況について（福島区）'], ['平成28年度'], []],
      outcomesTitle: 'めざす成果および戦略',
      ...SEED_OUTCOMES,
      ...SEED_ACTIONS,
    },
    safety,
    safetyActions,
  ),
  review(
    'konohana-2016-jikohyoka.xlsx',
    [
      'one-row outcomes header with 今年度実績 and 達成状況',
      '具体的な取組 with 撤退・再構築基準',
      'an action rated ②(ⅰ) whose figures breach its 撤退基準',
    ],
    '此花区',
    {
      sheet: '自己評価',
      fiscalYear: 2016,
      header: [['此花区 区政運営基本方針 自己評価'], ['区名', '此花区', '年度', '2016年度'], []],
      outcomesTitle: 'めざす成果および戦略',
      ...ALT_OUTCOMES,
      ...ALT_ACTIONS,
    },
    community,
    breachedActions,
  ),
  review(
    'chuo-h29.xlsx',
    ['this-year column headed アウトカムの達成状況 over 実績 / 評価', 'no 前年度 column'],
    '中央区',
    {
      sheet: '経営課題2',
      fiscalYear: 2017,
      header: seedHeader('中央区', '平成29年度', '「安全・安心」に向けて'),
      outcomesTitle: 'めざす成果および戦略',
      outcomeHeader: [
        [
          '施策',
          '取組',
          '成果指標',
          '目標値',
          'アウトカムの達成状況',
          null,
          '戦略のアウトカムに対する有効性',
          '戦略の進捗状況',
        ],
        [null, null, null, null, '実績', '評価'],
      ],
      outcomeColumns: ['section', 'item', 'indicator', 'target', 'value', 'rating'],
      merges: ['A6:A7', 'B6:B7', 'C6:C7', 'D6:D7', 'E6:F6', 'G6:G7', 'H6:H7'],
      ...SEED_ACTIONS,
    },
    safety,
    safetyActions,
  ),
  review(
    'nishi-r1-jikohyoka.xlsx',
    ['令和元年度', 'target column 目標（R3年度）', 'value header 令和元年度実績'],
    '西区',
    {
      sheet: '西区',
      fiscalYear: 2019,
      header: [['令和元年度　西区　区政運営基本方針　自己評価'], ['区名', '西区'], []],
      outcomesTitle: 'めざす成果および戦略',
      outcomeHeader: [['施策', '取組', '成果指標', '目標値', '令和元年度実績', '平成30年度実績', '評価']],
      outcomeColumns: ['section', 'item', 'indicator', 'target', 'value', 'lastYear', 'rating'],
      ...SEED_ACTIONS,
    },
    [
      { ...community[0]!, target: ['R3年度までに50％以上', 2021, 50] },
      { ...community[1]!, target: ['令和3年度までに30％以上', 2021, 30] },
    ],
    communityActions,
  ),
  review(
    'minato-h30.xlsx',
    ['block moved two columns right', 'extra 所管課 column', 'three rows of notes above'],
    '港区',
    {
      sheet: 'Sheet1',
      fiscalYear: 2018,
      header: [
        ['※ 区政会議資料'],
        ['※ 数値は3月末現在'],
        [],
        [null, null, '区政運営基本方針の成果目標の達成に向けた取組状況について（港区）'],
        [null, null, '区名', '港区', '年度', '平成30年度'],
        [],
      ],
      outcomeHeader: [[null, null, '施策', '取組', '成果指標', '目標値', '所管課', '個別', '前年度', '評価']],
      outcomeColumns: [null, null, 'section', 'item', 'indicator', 'target', null, 'value', 'lastYear', 'rating'],
      actionsTitle: '具体的取組',
      actionHeader: [
        [
          null,
          null,
          '施策',
          '取組',
          '取組内容',
          '業績目標',
          '撤退基準',
          '前年度までの実績',
          '取組実績',
          '実績',
          '評価',
        ],
      ],
      actionColumns: [
        null,
        null,
        'section',
        'item',
        'content',
        'goal',
        'withdrawal',
        null,
        'result',
        null,
        'achievement',
      ],
    },
    safety,
    safetyActions,
  ),
  review(
    'taisho-2017.xlsx',
    ['outcomes and actions tables far apart', 'Western year', '所属 label'],
    '大正区',
    {
      sheet: '評価',
      fiscalYear: 2017,
      header: [['区政運営基本方針 自己評価表'], ['所属', '大正区役所'], ['年度', '2017年度'], []],
      outcomesTitle: 'めざす成果および戦略',
      ...ALT_OUTCOMES,
      gap: 4,
      ...SEED_ACTIONS,
    },
    community,
    communityActions,
  ),
  review(
    'tennoji-h27.xlsx',
    ['outcome value and rating in the seed layout, actions in the other layout'],
    '天王寺区',
    {
      sheet: '経営課題1',
      fiscalYear: 2015,
      header: seedHeader('天王寺区', '平成27年度', '「地域福祉」に向けて'),
      outcomesTitle: 'めざす成果および戦略',
      ...SEED_OUTCOMES,
      ...ALT_ACTIONS,
    },
    [
      { ...safety[0]!, target: ['H29年度までに500件以下', 2017, 500] },
      { ...safety[1]!, target: ['H29年度までに70％以上', 2017, 70] },
    ],
    safetyActions,
  ),
  review(
    'naniwa-h28-keiei2.xlsx',
    ['full-width year in 年度 cell', '区名 below its label'],
    '浪速区',
    {
      sheet: '経営課題2',
      fiscalYear: 2016,
      header: [
        ['区政運営基本方針の成果目標の達成に向けた取組状況について'],
        ['区名', null, '年度'],
        ['浪速区', null, '平成２８年度'],
        [],
      ],
      outcomesTitle: 'めざす成果および戦略',
      ...SEED_OUTCOMES,
      ...SEED_ACTIONS,
    },
    community,
    communityActions,
  ),
  review(
    'nishinari-r2.xlsx',
    ['令和2年度', 'ward in the title only, with 大阪市', 'other hands on both tables'],
    '西成区',
    {
      sheet: '経営課題3',
      fiscalYear: 2020,
      header: [['令和2年度　大阪市西成区　区政運営基本方針　自己評価'], []],
      outcomesTitle: 'めざす成果および戦略',
      ...ALT_OUTCOMES,
      ...ALT_ACTIONS,
    },
    [
      { ...safety[0]!, target: ['R3年度までに500件以下', 2021, 500] },
      { ...safety[1]!, target: ['R3年度までに70％以上', 2021, 70] },
    ],
    safetyActions,
  ),
];
