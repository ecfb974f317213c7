// 方針書 as other offices of a city keep it (Yokote City publishes one per 地域局 and 課 each year); the
// content is invented in their manner.
import type { CorpusCase } from '../corpus-case.ts';
import { SEED_HEADINGS, statementSheet, type Statement, type StatementLayout } from './layout.ts';

const hiraka: Statement = {
  mission: '地域の人々が誇りを持ち、安心して暮らせる平鹿地域をつくる',
  issues: '・地区交流センターの利用者が固定化している\n・空き家が増えている',
  slogan: '笑顔でつながる平鹿',
  policy: '・住民主体の地域づくりを支える\n・安全な施設管理を徹底する',
  priorities: [
    {
      outcome: '住民主体の地域づくり活動の推進',
      actions: ['地区交流センターの活動を支援する', '地域づくり団体の交流会を開く'],
      firstHalf: '交流センター担当者会議を月1回開いた',
      secondHalf: '交流会の参加団体を増やすため個別に案内する',
      summary: '交流会に12団体が参加し、次年度は合同事業を計画する',
    },
    {
      outcome: '安全安心な施設の維持管理',
      actions: ['庁舎の点検を毎月行う'],
      firstHalf: '点検で見つかった不具合を3件修繕した',
      secondHalf: '冬期の除雪体制を整える',
      summary: '事故なく一年を終えた',
    },
  ],
};

const omono: Statement = {
  mission: '雄物川の恵みを生かし、にぎわいのある地域をつくる',
  issues: '観光客が減っている。担い手が高齢化している。',
  slogan: '川とともに生きるまち',
  policy: '地域資源を生かした交流人口の拡大',
  priorities: [
    {
      outcome: '交流人口の拡大',
      actions: ['川まつりを開催する', 'SNSで地域の魅力を発信する', '観光案内板を更新する'],
      firstHalf: '川まつりに2,300人が来場した',
      secondHalf: '冬のイベントを企画する',
      summary: '来場者は前年より1割増えた',
    },
    {
      outcome: '担い手の育成',
      actions: ['地域おこし協力隊を受け入れる'],
      firstHalf: '協力隊員1名が着任した',
      secondHalf: '隊員の活動発表会を開く',
      summary: '隊員の定住に向けて住まいの相談を始めた',
    },
  ],
};

const somu: Statement = {
  mission: '市民の信頼に応える、開かれた市役所をつくる',
  issues: '業務の電子化が遅れている',
  slogan: 'すぐやる・わかりやすく',
  policy: '手続きの電子化と窓口の改善',
  priorities: [
    {
      outcome: '行政手続きの電子化',
      actions: ['電子申請の対象手続きを増やす', '職員研修を行う'],
      firstHalf: '電子申請を15手続きに拡大した',
      secondHalf: '利用の少ない手続きの周知を強める',
      summary: '電子申請の利用が前年の2倍になった',
    },
  ],
};

function statement(
  file: string,
  mutations: string[],
  body: string,
  layout: StatementLayout,
  content: Statement,
  organization?: string,
): CorpusCase {
  const { sheet, expect } = statementSheet(layout, content, body, organization);
  return { family: 'policy-statement', file, mutations, sheets: [sheet], expect: [expect] };
}

export const policyStatementCases: CorpusCase[] = [
  statement(
    'hiraka-2020.xlsx',
    ['seed layout'],
    '平鹿地域局',
    {
      sheet: '方針書',
      fiscalYear: 2020,
      header: [
        ['令和２年度　まちづくり推進部 平鹿地域局の方針書'],
        [null, null, null, null, null, '所属', '平鹿地域局'],
        [null, null, null, null, null, '所属長', '佐藤　一郎'],
      ],
      headings: SEED_HEADINGS,
      priorities: 'rows',
      reports: 'text',
    },
    hiraka,
    '平鹿地域局',
  ),
  statement(
    'omonogawa-r3-houshinsho.xlsx',
    ['title names the office, no 所属 cell', '下期 and 総括 written per priority in rows'],
    'まちづくり推進部 雄物川地域局',
    {
      sheet: '方針書',
      fiscalYear: 2021,
      header: [['令和３年度　まちづくり推進部 雄物川地域局の方針書']],
      headings: SEED_HEADINGS,
      priorities: 'rows',
      reports: 'table',
    },
    omono,
  ),
  statement(
    'somu-2021.xlsx',
    ['Western year in a 年度 cell', 'priorities as a table with a header row', 'headings numbered 1.'],
    '総務課',
    {
      sheet: '総務課',
      fiscalYear: 2021,
      header: [['方針書'], ['年度', '2021年度', '所属', '総務課']],
      headings: [
        '1.組織の使命',
        '2.組織の抱える課題',
        '3.今年度のスローガン',
        '4.今年度の方針',
        '5.今年度の重点取組項目',
        '6.上期の取組状況',
        '7.下期に向けた課題と取組方針',
        '8.総括',
      ],
      priorities: 'table',
      reports: 'text',
      numbers: 'half',
    },
    somu,
    '総務課',
  ),
  statement(
    'omori-2020-plan.xlsx',
    ['beginning of the year: sections 6–8 not yet written', 'block moved right', 'headings with ■'],
    '大森地域局',
    {
      sheet: '大森地域局',
      fiscalYear: 2020,
      left: 2,
      header: [['令和2年度 方針書'], ['所属名', '大森地域局']],
      headings: ['■組織の使命', '■組織の抱える課題', '■スローガン', '■今年度の方針', '■重点取組項目', null, null, null],
      priorities: 'rows',
      reports: 'text',
    },
    hiraka,
    '大森地域局',
  ),
  statement(
    'jumonji-r2.xlsx',
    ['sheet named after the office', 'title without the office', 'reports as rows'],
    '十文字地域局',
    {
      sheet: '十文字地域局',
      fiscalYear: 2020,
      header: [['令和２年度　方針書']],
      headings: SEED_HEADINGS,
      priorities: 'rows',
      reports: 'table',
    },
    omono,
  ),
  statement(
    'sannai-2019.xlsx',
    ['平成31年度 (= 2019)', '組織名 label', '【1】 headings'],
    '山内地域局',
    {
      sheet: 'Sheet1',
      fiscalYear: 2019,
      header: [['平成31年度　方針書'], ['組織名', '山内地域局', '所属長', '高橋 花子']],
      headings: [
        '【1】組織の使命',
        '【2】組織の抱える課題',
        '【3】スローガン',
        '【4】方針',
        '【5】重点取組項目',
        '【6】上期の取組状況',
        '【7】下期の課題と取組方針',
        '【8】総括',
      ],
      priorities: 'rows',
      reports: 'text',
    },
    hiraka,
    '山内地域局',
  ),
  statement(
    'taiyu-r4.xlsx',
    ['令和4年度', 'priorities as a table', 'reports per priority in rows'],
    '大雄地域局',
    {
      sheet: '方針書',
      fiscalYear: 2022,
      header: [['令和4年度　大雄地域局の方針書']],
      headings: SEED_HEADINGS,
      priorities: 'table',
      reports: 'table',
    },
    omono,
  ),
  statement(
    'masuda-2021.xlsx',
    ['next year of the seed office', 'half-width numbers (1)'],
    'まちづくり推進部 増田地域局',
    {
      sheet: '方針書',
      fiscalYear: 2021,
      header: [
        ['令和３年度　まちづくり推進部 増田地域局の方針書'],
        [null, null, null, null, null, '所属', 'まちづくり推進部 増田地域局'],
      ],
      headings: SEED_HEADINGS,
      priorities: 'rows',
      reports: 'text',
      numbers: 'half',
    },
    hiraka,
    '増田地域局',
  ),
  statement(
    'zeimu-2022.xlsx',
    ['division of the city hall', '部署名 label', 'year after the title'],
    '税務課',
    {
      sheet: '税務課',
      fiscalYear: 2022,
      header: [['方針書（令和4年度）'], ['部署名', '税務課']],
      headings: SEED_HEADINGS,
      priorities: 'table',
      reports: 'text',
    },
    somu,
    '税務課',
  ),
  statement(
    'hiraka-2021-gekki.xlsx',
    ['year-end: 上期, 下期 and 総括 filled', 'headings without numbers'],
    '平鹿地域局',
    {
      sheet: '方針書',
      fiscalYear: 2021,
      header: [['令和3年度'], ['所属', '平鹿地域局']],
      headings: [
        '組織の使命',
        '組織の抱える課題',
        'スローガン',
        '方針',
        '重点取組項目',
        '上期の取組状況',
        '下期に向けた課題と取組方針',
        '総括',
      ],
      priorities: 'rows',
      reports: 'table',
    },
    hiraka,
    '平鹿地域局',
  ),
];
