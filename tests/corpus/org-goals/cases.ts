// 組織目標管理シート as other wards keep it. Content is invented in the manner of the published sheets
// (Niigata City wards publish one per division and one for the ward each year); every number is typed here.
import type { CorpusCase } from '../corpus-case.ts';
import { divisionSheet, type Goal } from './division-layout.ts';

const somu: Goal[] = [
  {
    goal: '地域の防犯力を高める',
    initiatives: '青色防犯パトロール隊の支援、防犯講習会の開催',
    indicators: [
      { name: '防犯講習会の開催回数（回）', actuals: [8, 9, 7], target: 10, result: 11, evaluation: '達成' },
      { name: '刑法犯認知件数（件）', actuals: [612, 580, 541], target: '520件以下', result: 498, evaluation: '達成' },
    ],
  },
  {
    goal: 'コミュニティ協議会と協働した地域課題の解決',
    initiatives: '地域課題解決に向けた協議の場の運営',
    indicators: [
      { name: '協議の場の開催数（回）', actuals: [12, 14, 13], target: 15, result: 12, evaluation: '未達成' },
    ],
  },
];

const kenko: Goal[] = [
  {
    goal: '健康寿命の延伸',
    initiatives: '健康づくり講座、特定健診の受診勧奨',
    indicators: [
      { name: '健康講座参加者数（人）', actuals: [1204, 1350, 980], target: 1400, result: ['1，452', 1452] },
      { name: '特定健診受診率（％）', actuals: ['35.2', '36.0', '33.1'], target: '38.0', result: '36.5' },
      {
        name: '健康づくり講座',
        actuals: ['12講座実施', '14講座実施', '－'],
        target: '16講座実施',
        result: ['16講座実施', 16],
      },
    ],
  },
];

const sangyo: Goal[] = [
  {
    goal: '地域資源を生かした交流人口の拡大',
    initiatives: '里山ビジターセンターの運営、観光イベント',
    indicators: [
      { name: '観光入込客数（千人）', actuals: [412, 398, 220], target: 400, result: 251, evaluation: 'C' },
      { name: 'イベント開催数（件）', actuals: [6, 6, 2], target: 6, result: 4, evaluation: 'C' },
    ],
  },
  {
    goal: '農業の担い手の確保',
    initiatives: '新規就農者の相談会',
    indicators: [{ name: '新規就農者数（人）', actuals: [3, 5, 4], target: 5, result: 6, evaluation: 'A' }],
  },
];

const seikatsu: Goal[] = [
  {
    goal: '窓口サービスの向上',
    initiatives: '待ち時間の短縮、窓口アンケート',
    indicators: [
      { name: '窓口の平均待ち時間（分）', actuals: [18, 16, 15], target: '15分未満', result: 13 },
      { name: '窓口満足度（％）', actuals: [88, 90, 91], target: '90％以上', result: 93 },
    ],
  },
  {
    goal: 'ごみの減量',
    initiatives: '資源物回収の周知',
    indicators: [{ name: '一人一日当たりごみ排出量（g）', actuals: [455, 448, 440], target: '435g以下', result: 437 }],
  },
];

const kensetsu: Goal[] = [
  {
    goal: '安全な道路環境の確保',
    initiatives: '道路パトロール、通学路の点検',
    indicators: [
      { name: '通学路危険箇所の対策数（箇所）', actuals: [14, 18, 21], target: 20, result: 22 },
      { name: '道路補修の完了率（％）', actuals: ['95.0', '96.2', '97.1'], target: '98.0', result: '97.5' },
    ],
  },
];

const kodomo: Goal[] = [
  {
    goal: '子育て世帯の孤立を防ぐ',
    initiatives: '子育て支援センターでの相談、乳児家庭全戸訪問',
    indicators: [
      { name: '乳児家庭全戸訪問の実施率（％）', actuals: [97, 98, 96], target: 100, result: 99 },
      { name: '子育て相談件数（件）', actuals: [1520, 1604, 1711], target: 1650, result: 1802 },
    ],
  },
  {
    goal: '放課後の居場所づくり',
    initiatives: 'ひまわりクラブの受入拡大',
    indicators: [{ name: '待機児童数（人）', actuals: [12, 8, 5], target: 0, result: 0 }],
  },
];

const shimin: Goal[] = [
  {
    goal: '市民活動の担い手の育成',
    initiatives: '地域活動講座、ボランティア登録',
    indicators: [
      { name: 'ボランティア登録者数（人）', actuals: [310, 325, 342], target: 360, result: 355 },
      { name: '地域活動講座の受講者数（人）', actuals: [88, 102, 64], target: 100, result: 71 },
    ],
  },
];

function division(
  family: CorpusCase['family'],
  file: string,
  mutations: string[],
  body: string,
  organization: string,
  built: ReturnType<typeof divisionSheet>,
  fiscalYear: number,
): CorpusCase {
  return {
    family,
    file,
    mutations,
    sheets: [built.sheet],
    expect: [
      { sheet: built.sheet.name, variant: 'division', body, fiscalYear, organization, measures: built.measures },
    ],
  };
}

const FY = 2021;

export const orgGoalsCases: CorpusCase[] = [
  division(
    'org-goals',
    'kita-2021-chiiki-somu.xlsx',
    ['seed layout', 'merged goal cells', 'era headers'],
    '北区役所',
    '地域総務課',
    divisionSheet(
      {
        sheet: '地域総務課',
        fiscalYear: FY,
        header: [
          ['令和３年度　組織目標管理シート'],
          ['組織名（部）', '北区役所', null, '組織名（準部・課・機関名）', '地域総務課'],
          ['作成日', '令和3年4月1日', null, '評価日', '令和4年3月31日'],
        ],
        years: ['Ｈ30実績', 'R1実績', 'R2実績', 'R3目標', 'R3結果'],
        merged: true,
      },
      somu,
    ),
    FY,
  ),
  division(
    'org-goals',
    '東区_健康福祉課_R3組織目標.xlsx',
    ['Western year headers', 'block moved down and right', 'extra 備考 column', 'thousands separator in a result'],
    '東区',
    '健康福祉課',
    divisionSheet(
      {
        sheet: 'Sheet1',
        fiscalYear: FY,
        top: 3,
        left: 1,
        header: [
          ['組織目標管理シート', null, null, '年度', '2021年度'],
          ['部局名', '東区役所', null, '課名', '健康福祉課'],
        ],
        years: ['2018実績', '2019実績', '2020実績', '2021目標', '2021結果'],
        captions: { extra: '備考' },
      },
      kenko,
    ),
    FY,
  ),
  division(
    'org-goals',
    'chuo-2021-sangyo.xlsx',
    ['headers reworded (番号, 目標, 主な取り組み, 指標名)', 'goal repeated on each row', 'A–C evaluation'],
    '中央区',
    '産業振興課',
    divisionSheet(
      {
        sheet: '産業振興課',
        fiscalYear: FY,
        header: [['令和3年度 中央区 産業振興課 組織目標管理シート'], ['所属', '中央区役所 産業振興課']],
        years: ['平成30年度実績', '令和元年度実績', '令和2年度実績', '令和3年度目標', '令和3年度結果'],
        captions: { no: '番号', goal: '目標', initiatives: '主な取り組み', indicator: '指標名', evaluation: '評価' },
        repeated: true,
      },
      sangyo,
    ),
    FY,
  ),
  division(
    'org-goals',
    'konan-r3-kuminseikatsu.xlsx',
    ['title carries the ward and division, no 組織名 cells', 'table split by a repeated header', 'notes'],
    '江南区',
    '区民生活課',
    divisionSheet(
      {
        sheet: '区民生活課',
        fiscalYear: FY,
        header: [['令和3年度　江南区区民生活課　組織目標管理シート']],
        years: ['H30実績', 'R元実績', 'R2実績', 'R3目標', 'R3結果'],
        splitBefore: 1,
        notes: { D4: '待ち時間は毎月第1月曜の計測の平均' },
        footer: [[], ['※ 目標値は前年度末に設定したもの']],
      },
      seikatsu,
    ),
    FY,
  ),
  division(
    'org-goals',
    'minami-2021-kensetsu.xlsx',
    ['sheet name carries the ward', '所属 cell with ward and division', 'no No. column'],
    '南区',
    '建設課',
    divisionSheet(
      {
        sheet: '南区建設課',
        fiscalYear: FY,
        header: [['組織目標管理シート（令和3年度）'], ['所属名', '南区建設課']],
        years: ['H30実績', 'R1実績', 'R2実績', 'R3目標', 'R3結果'],
        captions: { no: null },
      },
      kensetsu,
    ),
    FY,
  ),
  division(
    'org-goals',
    '西蒲区_子ども家庭課_R3.xlsx',
    ['the file name is the only place naming the ward', 'note column 備考 after evaluation'],
    '西蒲区',
    '子ども家庭課',
    divisionSheet(
      {
        sheet: '組織目標',
        fiscalYear: FY,
        header: [['令和3年度'], ['組織名', '子ども家庭課']],
        years: ['H30実績', 'R1実績', 'R2実績', 'R3目標', 'R3結果'],
        captions: { extra: '備考' },
        merged: true,
      },
      kodomo,
    ),
    FY,
  ),
  division(
    'org-goals',
    'akiha-2022-shimin.xlsx',
    ['next fiscal year (R4)', 'full-width era headers', 'evaluation column absent'],
    '秋葉区',
    '市民協働課',
    divisionSheet(
      {
        sheet: '市民協働課',
        fiscalYear: 2022,
        header: [['令和４年度　組織目標管理シート'], ['組織名（部）', '秋葉区役所', '組織名（課）', '市民協働課']],
        years: ['Ｒ１実績', 'Ｒ２実績', 'Ｒ３実績', 'Ｒ４目標', 'Ｒ４結果'],
        captions: { evaluation: null },
      },
      shimin,
    ),
    2022,
  ),
  {
    family: 'org-goals',
    file: 'kita-2021-ward.xlsx',
    mutations: ['ward sheet, seed layout'],
    sheets: [
      {
        name: '北区組織目標',
        rows: [
          ['令和３年度　北区組織目標'],
          ['組織名', '北区', null, '区長', '北区長　山田 太郎'],
          ['組織の目的・方向性', '北区の特性を生かしたまちづくりを推進します。'],
          ['区組織目標', '地域と協働し、安心して暮らせるまちをつくります。'],
          ['重点目標', '1', '地域の防犯力を高め、安心安全なまちをつくる。'],
          [null, '2', '健康寿命を延ばす取り組みを区民と進める。'],
          [null, '3', '地域資源を生かして交流人口を増やす。'],
          ['取組結果', null, '重点目標のうち2つを達成した。'],
          ['重点目標の達成状況', '目標数', 3, '達成数', 2],
        ],
        merges: ['A5:A7'],
      },
    ],
    expect: [
      {
        sheet: '北区組織目標',
        variant: 'ward',
        body: '北区',
        fiscalYear: 2021,
        fields: { goalCount: '3', achievedCount: '2' },
        items: { priorities: ['防犯力を高め', '健康寿命を延ばす', '交流人口を増やす'] },
      },
    ],
  },
  {
    family: 'org-goals',
    file: 'higashi-2021-ku-mokuhyo.xlsx',
    mutations: [
      'ward sheet as a table (番号 | 区の重点目標 | 達成状況)',
      'body only in the title',
      '重点目標数 / 達成した目標数',
    ],
    sheets: [
      {
        name: '区の組織目標',
        rows: [
          ['令和3年度　東区の組織目標'],
          [],
          ['区の目指す姿', null, '誰もが住み続けたいと思える東区'],
          [],
          ['番号', '区の重点目標', null, '達成状況'],
          ['1', '子育て世帯が安心して暮らせる環境をつくる', null, '達成'],
          ['2', '地域の担い手を育てる', null, '未達成'],
          ['3', '災害に強いまちづくりを進める', null, '達成'],
          ['4', '窓口サービスの満足度を高める', null, '達成'],
          [],
          ['重点目標数', 4, '達成した目標数', 3],
        ],
        merges: ['B6:C6', 'B7:C7', 'B8:C8', 'B9:C9', 'B5:C5'],
      },
    ],
    expect: [
      {
        sheet: '区の組織目標',
        variant: 'ward',
        body: '東区',
        fiscalYear: 2021,
        fields: { goalCount: '4', achievedCount: '3' },
        items: { priorities: ['子育て世帯', '地域の担い手', '災害に強い', '窓口サービス'] },
      },
    ],
  },
  {
    family: 'org-goals',
    file: 'minami-ku-2021.xlsx',
    mutations: ['ward sheet beside a division sheet in one workbook', 'Western year', '区名 label', '目標1…'],
    sheets: [
      {
        name: '区',
        rows: [
          ['組織目標（区）'],
          ['年度', '2021年度', '区名', '南区'],
          [],
          ['重点目標'],
          ['目標1', '農業と観光を結び付けた地域の活性化'],
          ['目標2', '高齢者が地域で暮らし続けられる支援体制'],
          [],
          ['重点目標の達成状況'],
          ['目標数', '２', '達成数', '１'],
        ],
      },
      divisionSheet(
        {
          sheet: '建設課',
          fiscalYear: FY,
          header: [['2021年度 組織目標管理シート'], ['組織名（部）', '南区役所', '組織名（課）', '建設課']],
          years: ['2018実績', '2019実績', '2020実績', '2021目標', '2021結果'],
        },
        kensetsu,
      ).sheet,
    ],
    expect: [
      {
        sheet: '区',
        variant: 'ward',
        body: '南区',
        fiscalYear: 2021,
        fields: { goalCount: '2', achievedCount: '1' },
        items: { priorities: ['農業と観光', '高齢者が地域で'] },
      },
      {
        sheet: '建設課',
        variant: 'division',
        body: '南区',
        fiscalYear: 2021,
        organization: '建設課',
        measures: divisionSheet(
          {
            sheet: '建設課',
            fiscalYear: FY,
            header: [],
            years: ['2018実績', '2019実績', '2020実績', '2021目標', '2021結果'],
          },
          kensetsu,
        ).measures,
      },
    ],
  },
  {
    family: 'org-goals',
    file: 'ku-mokuhyo-2022.xlsx',
    mutations: [
      'ward sheet titled 「2022年度 組織目標（東区）」: body only in the title, 所属 東区役所',
      '番号 | 重点目標 | 関係課 table, goal text merged over three columns',
      '年度末評価 with 目標の数 / 達成した数 on one row, 総評',
    ],
    sheets: [
      {
        name: '区の目標',
        rows: [
          ['2022年度\u3000組織目標（東区）'],
          [],
          ['所属', '東区役所', null, '区長', '東 太郎'],
          [],
          ['区の目指す姿', '誰もが安心して暮らせる東区'],
          [],
          ['番号', '重点目標', null, null, '関係課'],
          [1, '地域防犯活動を区民と協働で進めます', null, null, '地域課'],
          [2, '健康寿命の延伸に取り組みます', null, null, '健康福祉課'],
          [3, '窓口満足度を高めます', null, null, '区民生活課'],
          [],
          ['年度末評価'],
          ['目標の数', 3, '達成した数', 2],
          ['総評', '防犯は概ね達成、窓口は一部未達。'],
        ],
        merges: ['A1:F1', 'B8:D8', 'B9:D9', 'B10:D10'],
      },
    ],
    expect: [
      {
        sheet: '区の目標',
        variant: 'ward',
        body: '東区',
        fiscalYear: 2022,
        organization: '東区',
        fields: { goalCount: '3', achievedCount: '2', result: '防犯は概ね達成', purpose: '誰もが安心して暮らせる' },
        items: { priorities: ['地域防犯活動', '健康寿命の延伸', '窓口満足度'] },
      },
    ],
  },
  {
    family: 'org-goals',
    file: 'chiiki_2022.xlsx',
    mutations: [
      '令和2年度実績 | 令和3年度実績 | 令和4年度目標 | 令和4年度実績: the year’s 実績 after its target is the result',
      '所属 「東区地域課」, 年度 「R4年度」 at the right with 作成日 / 評価日',
      '取組内容 column; 指標名; 自己評価 as A/B/C; 備考',
      '取組結果について as a label row with the comment on the row below',
    ],
    sheets: [
      {
        name: '組織目標',
        rows: [
          ['組織目標管理シート', null, null, null, null, null, null, '年度', 'R4年度'],
          ['所属', '東区地域課', null, null, null, null, null, '作成日', '令和4年4月1日'],
          [null, null, null, null, null, null, null, '評価日', '令和5年3月31日'],
          ['組織の使命', '地域の安全安心を守る'],
          [],
          [],
          [
            'No.',
            '目標',
            '取組内容',
            '指標名',
            '令和2年度実績',
            '令和3年度実績',
            '令和4年度目標',
            '令和4年度実績',
            '自己評価',
            '備考',
          ],
          [1, '防犯意識の向上', '防犯教室', '刑法犯認知件数', '１２０件', '１１０件', '100件以下', '９８件', 'A', null],
          [2, '交通安全', '交通安全教室', '交通安全教室の開催回数', '6回', '5回', '8回', '6回', 'C', '雨天中止 2 回'],
          [
            3,
            '地域活動支援',
            'コミ協支援',
            '地域活動参加者数',
            '１，０５０人',
            '1，１00人',
            '1,200人',
            '１，２５０人',
            'A',
            null,
          ],
          [],
          ['取組結果について'],
          ['交通安全教室は雨天で2回中止。次年度は屋内会場を確保する。'],
        ],
      },
    ],
    expect: [
      {
        sheet: '組織目標',
        variant: 'division',
        body: '東区',
        fiscalYear: 2022,
        organization: '地域課',
        fields: { outcome: '屋内会場を確保する' },
        measures: [
          {
            name: '刑法犯認知件数',
            values: { 'actual:2020': 120, 'actual:2021': 110, 'target:2022': 100, 'result:2022': 98 },
            fields: { evaluation: 'A', initiatives: '防犯教室' },
          },
          {
            name: '交通安全教室の開催回数',
            values: { 'actual:2020': 6, 'actual:2021': 5, 'target:2022': 8, 'result:2022': 6 },
            fields: { evaluation: 'C', initiatives: '交通安全教室' },
          },
          {
            name: '地域活動参加者数',
            values: { 'actual:2020': 1050, 'actual:2021': 1100, 'target:2022': 1200, 'result:2022': 1250 },
            fields: { evaluation: 'A' },
          },
        ],
      },
    ],
  },
  {
    family: 'org-goals',
    file: 'kenko_2022.xlsx',
    mutations: [
      'indicator table at the top, 組織名（部）/ 組織名（課）/ 作成日 / 評価日 block below it',
      'title 「組織目標管理シート（東区 健康福祉課）」, tab 健康福祉課',
      'Western years (2020年度実績 … 2022年度結果), a 単位 column, an extra 担当係 column',
      '取組の結果について merged across the sheet',
    ],
    sheets: [
      {
        name: '健康福祉課',
        rows: [
          ['組織目標管理シート（東区 健康福祉課）'],
          ['年度', '2022年度'],
          [],
          [
            'No.',
            '指標',
            '単位',
            '2020年度実績',
            '2021年度実績',
            '2022年度目標',
            '2022年度結果',
            '評価',
            '担当係',
            '補足',
          ],
          [1, '特定健診受診率', '％', '35.2', '36.0', '40％以上', '３８．５％', 'B', '保健係'],
          [2, '健康教室開催回数', '回', 12, 14, 15, '１８回', 'A', '保健係'],
          [3, '子育て講座参加者数', '人', '－', 200, 250, '２４０人', 'B', '子育て係'],
          [],
          [],
          ['組織名（部）', '東区役所', '組織名（課）', '健康福祉課', null, '作成日', '2022/4/1'],
          [null, null, null, null, null, '評価日', '2023/3/31'],
          ['取組の結果について'],
          ['健診は未達、講座は概ね達成。'],
        ],
        merges: ['B10:B11', 'A12:J12', 'A13:J13'],
      },
    ],
    expect: [
      {
        sheet: '健康福祉課',
        variant: 'division',
        body: '東区',
        fiscalYear: 2022,
        organization: '健康福祉課',
        fields: { outcome: '健診は未達', createdOn: '2022/4/1', evaluatedOn: '2023/3/31' },
        measures: [
          {
            name: '特定健診受診率',
            values: { 'actual:2020': 35.2, 'actual:2021': 36, 'target:2022': 40, 'result:2022': 38.5 },
            fields: { evaluation: 'B' },
          },
          {
            name: '健康教室開催回数',
            values: { 'actual:2020': 12, 'actual:2021': 14, 'target:2022': 15, 'result:2022': 18 },
            fields: { evaluation: 'A' },
          },
          {
            name: '子育て講座参加者数',
            values: { 'actual:2021': 200, 'target:2022': 250, 'result:2022': 240 },
            fields: { evaluation: 'B' },
          },
        ],
      },
    ],
  },
  {
    family: 'org-goals',
    file: 'sheet-2022-nishi.xlsx',
    mutations: [
      'the division named only in the title 「組織目標管理シート（西区 保健衛生課）」 (no 組織名 or 所属 cell)',
      '取り組みの結果について（…） as a long label row',
    ],
    sheets: [
      {
        name: 'Sheet1',
        rows: [
          ['組織目標管理シート（西区 保健衛生課）', null, null, null, null, null, '年度', '令和4年度'],
          [],
          [
            'No.',
            '組織目標',
            '指標',
            '令和元年度実績',
            '令和2年度実績',
            '令和3年度実績',
            '令和4年度目標',
            '令和4年度結果',
            '評価',
          ],
          [1, '食の安全の確保', '食品衛生講習会の開催回数', 10, 4, 6, 10, 11, '達成'],
          [2, '食の安全の確保', '飲食店の監視指導件数', 820, 610, 700, 800, 812, '達成'],
          [],
          ['取り組みの結果について（評価内容と評価結果を踏まえた今後の方針など）'],
          ['講習会は対面開催に戻し、目標を上回った。'],
        ],
      },
    ],
    expect: [
      {
        sheet: 'Sheet1',
        variant: 'division',
        body: '西区',
        fiscalYear: 2022,
        organization: '保健衛生課',
        fields: { outcome: '対面開催に戻し' },
        measures: [
          {
            name: '食品衛生講習会の開催回数',
            values: { 'actual:2019': 10, 'actual:2021': 6, 'target:2022': 10, 'result:2022': 11 },
            fields: { evaluation: '達成' },
          },
          {
            name: '飲食店の監視指導件数',
            values: { 'actual:2020': 610, 'target:2022': 800, 'result:2022': 812 },
            fields: { evaluation: '達成' },
          },
        ],
      },
    ],
  },
  {
    family: 'org-goals',
    file: 'minami-r5-chiiki-somu.xlsx',
    mutations: [
      'a merged year title naming ward and division 「令和5年度 組織目標管理シート（南区 地域総務課）」, no 所属 cell',
      'sheet named Sheet1; 作成日 / 評価日 beside the table',
    ],
    sheets: [
      {
        name: 'Sheet1',
        rows: [
          ['令和5年度 組織目標管理シート（南区 地域総務課）'],
          [null, null, null, null, null, '作成日', '令和5年4月3日'],
          [null, null, null, null, null, '評価日', '令和6年3月29日'],
          [],
          ['No.', '目標', '取組', '指標名', '令和4年度実績', '令和5年度目標', '令和5年度実績', '評価'],
          [1, '地域防災力の向上', '訓練の実施', '自主防災訓練参加者数', '1,000人', '1,100人', '1,150人', 'A'],
          [2, '防犯意識の向上', '講習会', '防犯講習会受講者数', '１１０件', '１２０件', '１２３件', 'A'],
          [3, '相談体制の充実', '相談会', '地域相談件数', '95件', '100件', '９０件', 'B'],
        ],
        merges: ['A1:H1'],
      },
    ],
    expect: [
      {
        sheet: 'Sheet1',
        variant: 'division',
        body: '南区',
        fiscalYear: 2023,
        organization: '地域総務課',
        measures: [
          {
            name: '自主防災訓練参加者数',
            values: { 'actual:2022': 1000, 'target:2023': 1100, 'result:2023': 1150 },
            fields: { evaluation: 'A' },
          },
          { name: '防犯講習会受講者数', values: { 'actual:2022': 110, 'target:2023': 120, 'result:2023': 123 } },
          { name: '地域相談件数', values: { 'actual:2022': 95, 'target:2023': 100, 'result:2023': 90 } },
        ],
      },
    ],
  },
  {
    family: 'org-goals',
    file: '南区_区の組織目標_R5.xlsx',
    mutations: [
      'ward sheet with 「重点目標１／２／３」 as row labels (no 重点目標 heading)',
      '「重点目標数 ３ | うち達成 ２」 in full-width digits; 区長総括 as the year-end comment',
    ],
    sheets: [
      {
        name: '南区',
        rows: [
          ['令和5年度 南区 組織目標'],
          [],
          ['区の将来像', '水とみどりのまち 南区'],
          [],
          ['重点目標１', '地域の防災力を高めます'],
          ['重点目標２', '健康寿命を延ばします'],
          ['重点目標３', '窓口サービスを向上させます'],
          [],
          ['重点目標数', '３', 'うち達成', '２'],
          ['区長総括', '防災・窓口は達成、健康は一部未達。'],
        ],
        merges: ['A1:F1'],
      },
    ],
    expect: [
      {
        sheet: '南区',
        variant: 'ward',
        body: '南区',
        fiscalYear: 2023,
        fields: { goalCount: '３', achievedCount: '２', result: '一部未達' },
        items: { priorities: ['地域の防災力', '健康寿命', '窓口サービス'] },
      },
    ],
  },
  {
    family: 'org-goals',
    file: 'minami-r5-chiiki-somu-shihyo.xlsx',
    mutations: [
      'columns reordered: 指標名 first, 目標 / No. / 取組 after the figures, 評価 last',
      'the year-end comment under a single-cell label row 「年度末の振り返り」 right below the table',
    ],
    sheets: [
      {
        name: 'Sheet1',
        rows: [
          ['令和5年度 組織目標管理シート（南区 地域総務課）'],
          ['所属', '南区地域総務課', null, null, null, '作成日', '令和5年4月3日'],
          [null, null, null, null, null, '評価日', '令和6年3月29日'],
          [],
          ['指標名', '令和5年度目標', '令和5年度実績', '令和4年度実績', '目標', 'No.', '取組', '評価'],
          ['自主防災訓練参加者数', '1,100人', '1,150人', '1,000人', '地域防災力の向上', 1, '訓練の実施', 'A'],
          ['防犯講習会受講者数', '１２０件', '１２３件', '１１０件', '防犯意識の向上', 2, '講習会', 'A'],
          ['地域相談件数', '100件', '９０件', '95件', '相談体制の充実', 3, '相談会', 'B'],
          [],
          [],
          ['年度末の振り返り'],
          ['相談件数は周知不足で未達。'],
        ],
        merges: ['A1:H1'],
      },
    ],
    expect: [
      {
        sheet: 'Sheet1',
        variant: 'division',
        body: '南区',
        fiscalYear: 2023,
        organization: '地域総務課',
        fields: { outcome: '周知不足で未達' },
        measures: [
          {
            name: '自主防災訓練参加者数',
            values: { 'actual:2022': 1000, 'target:2023': 1100, 'result:2023': 1150 },
            fields: { goal: '地域防災力の向上', evaluation: 'A' },
          },
          { name: '防犯講習会受講者数', values: { 'actual:2022': 110, 'target:2023': 120, 'result:2023': 123 } },
          {
            name: '地域相談件数',
            values: { 'actual:2022': 95, 'target:2023': 100, 'result:2023': 90 },
            fields: { evaluation: 'B' },
          },
        ],
      },
    ],
  },
];
