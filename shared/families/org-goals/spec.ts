import type { FamilySpec, Label } from '../spec.ts';

const NARRATIVE_PLAN: Label[] = [/^取り?組み?について/];
// The year-end comment under other offices' labels: 年度末の振り返り, 総括, 所感, コメント, 取組結果.
const NARRATIVE_RESULT: Label[] = [
  /^取り?組み?の?結果について/,
  /^(年度末の?)?振り?返り$/,
  /^(年度末の?)?総括$/,
  /^所感$/,
  /^コメント$/,
  /^取り?組み?結果$/,
];
const HEADER_BLOCK: Label[] = [/^組織名/, /^部局?名$/, /^課名$/, /^所属名?$/, /^作成日$/, /^修正日$/, /^評価日$/];

/** 組織目標管理シート: division sheets (goals × indicators) and the ward sheet (重点目標, 目標数/達成数). */
export const orgGoalsSpec: FamilySpec = {
  id: 'org-goals',
  title: '組織目標管理シート',
  templateVersion: '1',
  variants: [
    {
      id: 'division',
      title: '課の組織目標管理シート',
      detect: {
        all: [[/^組織目標$/, /^課の?組織目標$/, /組織目標管理シート/]],
        any: [
          /^組織目標管理シート/,
          /^組織名/,
          /^所属/,
          /^組織の目的/,
          /^No\.?$/i,
          /^番号$/,
          /^主な取り?組み?/,
          /^補足/,
          // The table's own name column: with a titled sheet (「…組織目標管理シート（南区 地域総務課）」) and no 所属 cell.
          /^指標(名|項目)?(\(単位\))?$/,
          /^項目\(単位\)$/,
        ],
        minAny: 2,
        none: [/^事業番号$/, /^成果指標$/],
        requireTable: true,
      },
      fields: [
        {
          key: 'fiscalYear',
          label: [/^年度$/, /年度.*組織目標管理シート$/],
          direction: 'right-or-below',
          type: 'fiscal-year',
          inline: /^(.*?年度)/,
          caption: '年度',
        },
        {
          key: 'department',
          label: [/^組織名\((部|局|部局|区)\)$/, /^部局?名$/],
          direction: 'right-or-below',
          caption: '組織名（部）',
        },
        {
          key: 'division',
          label: [/^組織名\((準部|課|機関).*\)$/, /^組織名$/, /^課名$/, /^所属名?$/],
          direction: 'right-or-below',
          required: true,
          caption: '組織名（準部・課・機関名）',
        },
        {
          // 「令和3年度 江南区区民生活課 組織目標管理シート」: the division named only in the title.
          key: 'titleOrganization',
          label: [/組織目標管理シート(\(.*\))?$/],
          direction: 'right',
          inline: /^(?:.*?年度)?[\s\u3000]*(\S.*?[課室所館])[\s\u3000]*の?組織目標管理シート/,
        },
        { key: 'createdOn', label: [/^作成日$/], direction: 'right', type: 'date', caption: '作成日' },
        { key: 'revisedOn', label: [/^修正日$/], direction: 'right', type: 'date', caption: '修正日' },
        { key: 'evaluatedOn', label: [/^評価日$/], direction: 'right', type: 'date', caption: '評価日' },
        {
          key: 'contact',
          label: [/^問合せ?先/, /^問い合わせ先/, /^連絡先/],
          direction: 'right',
          caption: '問合せ先（電話番号）',
        },
        { key: 'purpose', label: [/^組織の目的/], direction: 'right-or-below', caption: '組織の目的' },
        {
          key: 'plan',
          label: NARRATIVE_PLAN,
          direction: 'below',
          caption: '取り組みについて（今年度重点的に取り組む内容や目標設定の考え方など）',
        },
        {
          key: 'outcome',
          label: NARRATIVE_RESULT,
          direction: 'below',
          caption: '取り組みの結果について（評価内容と評価結果を踏まえた今後の方針など）',
        },
      ],
      tables: [
        {
          key: 'indicators',
          columns: [
            {
              key: 'no',
              label: [/^No\.?$/i, /^NO$/i, /^番号$/, /^№$/],
              role: 'group',
              carryDown: true,
              caption: 'No.',
              width: 5,
            },
            {
              key: 'wardGoal',
              label: [/^部区(組織)?目標?(No\.?)?$/, /^(区|部)の?(組織|重点)目標(No\.?|番号)?$/],
              role: 'field',
              carryDown: true,
              caption: '部区組織目標',
              width: 7,
            },
            {
              key: 'goal',
              label: [/^組織目標$/, /^課の?組織目標$/, /^目標$/],
              role: 'field',
              carryDown: true,
              fallbackGroup: true,
              caption: '組織目標',
              width: 28,
            },
            {
              key: 'initiatives',
              label: [/^主な取り?組み?/, /^取り?組み?内容$/],
              role: 'field',
              carryDown: true,
              caption: '主な取組（事業）',
              width: 26,
            },
            {
              key: 'indicator',
              label: [/^項目(\(単位\))?$/, /^指標(名|項目)?(\(単位\))?$/],
              role: 'name',
              required: true,
              caption: '項目（単位）',
              width: 24,
            },
            { key: 'note', label: [/^補足/, /参考指標$/], role: 'field', caption: '補足・参考指標', width: 26 },
            { key: 'evaluation', label: [/評価$/, /^目標達成状況/], role: 'field', caption: '評価', width: 10 },
            { key: 'remarks', label: [/^備考$/], role: 'field' },
          ],
          years: { kinds: ['actual', 'target', 'result'] },
          minYearColumns: 2,
          // A label/value block (組織名（部）, 作成日, 評価日) placed below the table ends it: never a measure.
          end: [...NARRATIVE_PLAN, ...NARRATIVE_RESULT, /^組織目標管理シート/, ...HEADER_BLOCK],
          maxGap: 3,
          template: {
            order: ['no', 'wardGoal', 'goal', 'initiatives', 'indicator', 'years', 'note', 'evaluation'],
            years: [
              { kind: 'actual', offset: -3 },
              { kind: 'actual', offset: -2 },
              { kind: 'actual', offset: -1 },
              { kind: 'target', offset: 0 },
              { kind: 'result', offset: 0 },
            ],
            notation: 'era',
            bands: [
              { caption: '指標', keys: ['indicator', 'years', 'note'] },
              { caption: '目標達成状況', keys: ['evaluation'] },
            ],
            rows: 15,
          },
        },
      ],
      organization: ['division', 'department', 'titleOrganization'],
      ownedByDivision: true,
      fiscalYear: 'fiscalYear',
      template: {
        columns: 12,
        orientation: 'landscape',
        blocks: [
          { type: 'title', text: '組織目標管理シート' },
          {
            type: 'fields',
            keys: ['fiscalYear', 'contact', 'department', 'division', 'createdOn', 'revisedOn', 'evaluatedOn'],
            perRow: 2,
          },
          { type: 'narrative', keys: ['purpose'], height: 3 },
          { type: 'table', key: 'indicators' },
          { type: 'narrative', keys: ['plan', 'outcome'], height: 8 },
        ],
      },
    },
    {
      id: 'ward',
      title: '区の組織目標',
      detect: {
        // 「重点目標１」「重点目標２」… as row labels count as the 重点目標 heading too.
        all: [[/^(区の)?重点目標([0-9]{1,2}|[①-⑳])?$/], [/^(重点)?目標の?数$/, /^重点目標の達成状況/]],
        // 「2022年度 組織目標（東区）」 with 所属 / 区長 / 目標の数 / 達成した数: another office's layout.
        any: [
          /組織目標$/,
          /組織目標\(\S*区\)$/,
          /^組織名$/,
          /^組織の目的/,
          /^達成数$/,
          /^達成した(重点)?(目標の?)?数$/,
          /^区長$/,
        ],
        minAny: 1,
        none: [/^事業番号$/, /^成果指標$/],
      },
      fields: [
        {
          key: 'fiscalYear',
          label: [/^年度$/, /年度.*組織目標$/],
          direction: 'right-or-below',
          type: 'fiscal-year',
          inline: /^(.*?年度)/,
          caption: '年度',
        },
        {
          key: 'organization',
          label: [/^組織名$/, /^組織名\(/, /^所属$/],
          direction: 'right',
          required: true,
          caption: '組織名',
        },
        { key: 'head', label: [/^部長$/, /^区長$/, /^所属長$/], direction: 'right', caption: '部長' },
        {
          key: 'purpose',
          label: [/^組織の目的/, /^区の目指す姿/],
          direction: 'right-or-below',
          caption: '組織の目的・方向性',
        },
        { key: 'policy', label: [/^(?!.*年度).{1,8}組織目標$/], direction: 'right-or-below', caption: '区組織目標' },
        {
          key: 'result',
          label: [/^取組結果$/, /^取り組み結果$/, /^総評$/, /^(区長)?総括$/],
          direction: 'right',
          caption: '取組結果',
        },
        {
          key: 'goalCount',
          label: [/^(重点)?目標の?数$/],
          direction: 'right',
          type: 'number',
          required: true,
          caption: '目標数',
        },
        {
          key: 'achievedCount',
          // 「重点目標数 ３ | うち達成 ２」
          label: [/^達成数$/, /^達成(した)?(重点)?目標の?数$/, /^達成した数$/, /^うち達成(数|した数)?$/],
          direction: 'right',
          type: 'number',
          caption: '達成数',
        },
      ],
      lists: [
        {
          key: 'priorities',
          label: [/^(区の)?重点目標$/, /^(区の)?重点目標(1|①)$/],
          end: [
            /^※/,
            /^評価$/,
            /^取組結果$/,
            /^重点目標の達成状況/,
            /^(重点)?目標の?数$/,
            /^年度末評価$/,
            /^総評$/,
            /^(区長)?総括$/,
          ],
        },
      ],
      organization: ['organization'],
      fiscalYear: 'fiscalYear',
      // Evaluated once the year-end part is written: 達成数, or the 取組結果 / 総評.
      evaluatedWhen: ['evaluatedOn', 'achievedCount', 'result'],
      wardSheet: true,
      content: { items: { priorities: ['text'] } },
      template: {
        columns: 8,
        orientation: 'portrait',
        blocks: [
          { type: 'title', text: '区組織目標' },
          { type: 'fields', keys: ['fiscalYear', 'organization', 'head'], perRow: 3 },
          { type: 'narrative', keys: ['purpose'], height: 4 },
          { type: 'narrative', keys: ['policy'], height: 4 },
          { type: 'list', key: 'priorities', caption: '重点目標', count: 5 },
          { type: 'fields', keys: ['result'], perRow: 1 },
          { type: 'fields', keys: ['goalCount', 'achievedCount'], perRow: 2 },
        ],
      },
    },
  ],
};
