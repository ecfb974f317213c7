import type { FamilySpec, Label } from '../spec.ts';

/** A section heading: its number (１．, 1., (1), １) or none, then the words. */
function heading(words: string, tail = ''): RegExp {
  return new RegExp(`^([■◆●□◇・]?[0-9]{1,2}[.、)]?|\\([0-9]{1,2}\\)|【[0-9]{1,2}】|[■◆●□◇・])?${words}${tail}`);
}

export const MISSION: Label = heading('組織の使命');
export const ISSUES: Label = heading('(組織の抱える|組織の|今年度の)?課題', '(\\(.*\\))?$');
export const SLOGAN: Label = heading('(今年度の)?[『「]?スローガン');
export const POLICY: Label = heading('(今年度の)?(運営)?方針', '$');
export const PRIORITIES: Label = heading('(今年度の)?重点(取り?組み?)(項目|事項)?', '(\\(.*\\))?$');
export const FIRST_HALF: Label = heading('(方針に対する)?(年度)?上(半)?期');
export const SECOND_HALF: Label = heading('(年度)?下(半)?期');
export const SUMMARY: Label = heading('(年度の?)?総括');

/** The priorities' parts: 実現したい成果 (the outcome wanted) and 取組内容 (①②③). */
const OUTCOME: Label[] = [/^実現したい成果$/, /^(目指す|めざす)成果$/, /^成果$/];
const ACTIONS: Label[] = [/^取り?組み?(の)?内容$/, /^具体的な取り?組み?$/];

/** 方針書: one sheet per organisation and year — sections 1–8, the priorities of section 5 and what 6–8 report on each. */
export const policyStatementSpec: FamilySpec = {
  id: 'policy-statement',
  title: '方針書',
  templateVersion: '1',
  variants: [
    {
      id: 'statement',
      title: '方針書',
      detect: {
        all: [[MISSION, SLOGAN], [PRIORITIES]],
        any: [SLOGAN, POLICY, FIRST_HALF, SECOND_HALF, SUMMARY, ...OUTCOME, ...ACTIONS, /方針書$/],
        minAny: 2,
        none: [
          /^[【◆■]?成果指標[】]?$/,
          /^[【◆■]?プロセス指標[】]?$/,
          /組織目標$/,
          /^事業番号$/,
          /撤退基準/,
          /めざす成果/,
        ],
      },
      fields: [
        {
          key: 'fiscalYear',
          label: [/^年度$/, /方針書$/],
          direction: 'right',
          type: 'fiscal-year',
          inline: /^(.*?年度)/,
        },
        { key: 'organization', label: [/^(所属|所属名|組織名?|部署名?|部局名?)$/], direction: 'right' },
        {
          key: 'titleOrganization',
          label: [/.+方針書$/],
          direction: 'right',
          inline: /^(?:.*?年度)?[\s\u3000]*(.*[^\s\u3000の])の?方針書$/s,
        },
        { key: 'head', label: [/^(所属長|所属長名|氏名|職氏名|局長|部長|課長|室長)$/], direction: 'right' },
      ],
      sections: [
        { key: 'mission', label: [MISSION] },
        { key: 'issues', label: [ISSUES] },
        { key: 'slogan', label: [SLOGAN] },
        { key: 'policy', label: [POLICY] },
        {
          key: 'priorities',
          label: [PRIORITIES],
          items: {
            key: 'priorities',
            parts: [
              { key: 'outcome', label: OUTCOME },
              { key: 'actions', label: ACTIONS, list: 'actions' },
            ],
          },
        },
        {
          key: 'firstHalf',
          label: [FIRST_HALF],
          items: { key: 'firstHalfReports', reportsOn: { items: 'priorities', as: 'firstHalf' } },
        },
        {
          key: 'secondHalf',
          label: [SECOND_HALF],
          items: { key: 'secondHalfPlans', reportsOn: { items: 'priorities', as: 'secondHalf' } },
        },
        {
          key: 'summary',
          label: [SUMMARY],
          items: { key: 'summaryReports', reportsOn: { items: 'priorities', as: 'summary' } },
        },
      ],
      organization: ['organization', 'titleOrganization'],
      body: ['titleOrganization'],
      ownedByDivision: true,
      fiscalYear: 'fiscalYear',
      evaluatedWhen: ['summary'],
      content: { items: { priorities: ['outcome', 'actions', 'title', 'text'] } },
    },
  ],
};
