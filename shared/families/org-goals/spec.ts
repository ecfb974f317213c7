import type { FamilySpec, Label } from '../spec.ts';

const NARRATIVE_PLAN: Label[] = [/^取り?組み?について/];
const NARRATIVE_RESULT: Label[] = [/^取り?組み?の結果について/];

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
        all: [[/^組織目標$/, /^課の?組織目標$/]],
        any: [/^組織目標管理シート/, /^組織名/, /^組織の目的/, /^No\.?$/i, /^主な取組/, /^補足/],
        minAny: 2,
        none: [/^事業番号$/, /^成果指標$/],
        requireTable: true,
      },
      fields: [
        { key: 'fiscalYear', label: [/^年度$/, /年度.*組織目標管理シート$/], direction: 'right-or-below', type: 'fiscal-year', inline: /^(.*?年度)/ },
        { key: 'department', label: [/^組織名\((部|局|部局|区)\)$/, /^部局?名$/], direction: 'right-or-below' },
        { key: 'division', label: [/^組織名\((準部|課|機関).*\)$/, /^組織名$/, /^課名$/, /^所属名?$/], direction: 'right-or-below', required: true },
        { key: 'createdOn', label: [/^作成日$/], direction: 'right', type: 'date' },
        { key: 'revisedOn', label: [/^修正日$/], direction: 'right', type: 'date' },
        { key: 'evaluatedOn', label: [/^評価日$/], direction: 'right', type: 'date' },
        { key: 'contact', label: [/^問合せ?先/, /^問い合わせ先/, /^連絡先/], direction: 'right' },
        { key: 'purpose', label: [/^組織の目的/], direction: 'right-or-below' },
        { key: 'plan', label: NARRATIVE_PLAN, direction: 'below' },
        { key: 'outcome', label: NARRATIVE_RESULT, direction: 'below' },
      ],
      tables: [{
        key: 'indicators',
        columns: [
          { key: 'no', label: [/^No\.?$/i, /^NO$/i, /^番号$/, /^№$/], role: 'group', carryDown: true, required: true },
          { key: 'wardGoal', label: [/^部区(組織)?目標?(No\.?)?$/, /^(区|部)の?(組織|重点)目標(No\.?|番号)?$/], role: 'field', carryDown: true },
          { key: 'goal', label: [/^組織目標$/, /^課の?組織目標$/, /^目標$/], role: 'field', carryDown: true },
          { key: 'initiatives', label: [/^主な取り?組み?/], role: 'field', carryDown: true },
          { key: 'indicator', label: [/^項目(\(単位\))?$/, /^指標(名|項目)?(\(単位\))?$/], role: 'name', required: true },
          { key: 'note', label: [/^補足/, /参考指標$/], role: 'field' },
          { key: 'evaluation', label: [/評価$/, /^目標達成状況/], role: 'field' },
          { key: 'remarks', label: [/^備考$/], role: 'field' },
        ],
        years: { kinds: ['actual', 'target', 'result'] },
        minYearColumns: 2,
        end: [...NARRATIVE_PLAN, ...NARRATIVE_RESULT, /^組織目標管理シート/],
        maxGap: 3,
      }],
      organization: ['division', 'department'],
      fiscalYear: 'fiscalYear',
    },
    {
      id: 'ward',
      title: '区の組織目標',
      detect: {
        all: [[/^重点目標$/], [/^目標数$/, /^重点目標の達成状況/]],
        any: [/組織目標$/, /^組織名$/, /^組織の目的/, /^達成数$/],
        minAny: 1,
        none: [/^事業番号$/, /^成果指標$/],
      },
      fields: [
        { key: 'fiscalYear', label: [/^年度$/, /年度.*組織目標$/], direction: 'right-or-below', type: 'fiscal-year', inline: /^(.*?年度)/ },
        { key: 'organization', label: [/^組織名$/, /^組織名\(/], direction: 'right', required: true },
        { key: 'head', label: [/^部長$/, /^区長$/, /^所属長$/], direction: 'right' },
        { key: 'purpose', label: [/^組織の目的/], direction: 'right-or-below' },
        { key: 'policy', label: [/^(?!.*年度).{1,8}組織目標$/], direction: 'right-or-below' },
        { key: 'result', label: [/^取組結果$/, /^取り組み結果$/], direction: 'right' },
        { key: 'goalCount', label: [/^目標数$/], direction: 'right', type: 'number', required: true },
        { key: 'achievedCount', label: [/^達成数$/], direction: 'right', type: 'number' },
      ],
      lists: [{ key: 'priorities', label: [/^重点目標$/], end: [/^※/, /^評価$/, /^取組結果$/, /^重点目標の達成状況/] }],
      organization: ['organization'],
      fiscalYear: 'fiscalYear',
    },
  ],
};
