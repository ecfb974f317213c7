import type { FamilySpec, Label, TableSpec } from '../spec.ts';

/** Section titles as staff mark them: 【成果指標】, ◆成果指標, ■成果指標 or bare. */
function title(words: string): RegExp {
  return new RegExp(`^[【◆■●□◇〔［\\[〈《<(]?${words}[】〕］\\]〉》>)]?$`);
}

export const OUTCOME_TITLE = title('成果指標');
export const PROCESS_TITLE = title('プロセス指標');
const VISION: Label[] = [/^◆?(施策の)?目指す姿$/, /^◆?(施策の)?めざす姿$/];
const ISSUES: Label[] = [/^◆?現状と課題$/];
const POLICY: Label[] = [/^◆?(施策の)?取り?組み?方針$/];
const ACTIONS: Label[] = [/^◆?主な取り?組み?(内容)?$/];
const ROLES: Label[] = [/各主体の役割$/];
const SECTION_END: Label[] = [
  /^[◆【■]/,
  ...VISION,
  ...ISSUES,
  ...POLICY,
  ...ACTIONS,
  ...ROLES,
  OUTCOME_TITLE,
  PROCESS_TITLE,
];

/** The three 指標の種類 the plan uses. */
export const INDICATOR_KINDS = ['市民取組指標', '統計指標', '市民意識指標'] as const;
/** The three 主体 whose 期待される役割 every sheet states (一般市民 counts as 市民). */
export const ACTORS = ['市民', '活動団体', '民間事業者'] as const;

/**
 * The plan's title row names its municipality: "須坂市総合計画 施策シート", "第六次須坂市総合計画", "長野県須坂市
 * 第6次総合計画 後期基本計画". A blank form's "〇〇市総合計画" names none. Matched on the normalised text
 * (half-width, no spaces); MUNICIPALITY_IN_TITLE reads the name from the cell as written.
 */
const PLAN_TITLE: Label =
  /^(第[0-9一二三四五六七八九十]{1,3}次)?[^〇○◯◇◆・。、「」()]{1,12}?[市町村](第[0-9一二三四五六七八九十]{1,3}次)?総合計画[^。、]{0,16}$/;
const ORDINAL = '(?:第[0-9０-９一二三四五六七八九十]{1,3}次[\\s\\u3000]*)?';
const MUNICIPALITY_IN_TITLE = new RegExp(
  `^[\\s\\u3000]*${ORDINAL}(?:[^\\s\\u3000〇○◯]{2,3}?[都道府県][\\s\\u3000]*)?([^\\s\\u3000〇○◯]{1,8}?[市町村])[\\s\\u3000]*${ORDINAL}総合計画`,
);

/** 担当課 written above a block of 主な取組内容: "政策推進課", "総務課/財政課", "市民課/生涯学習推進課及び全課". */
const DIVISION: Label =
  /^(?!担当課$|所管課$|担当部署$)(担当(課|部署)?[:：])?[^◆◇【】「」。、]{1,40}(課|室|局|所|係|センター|全課)\)?$/;

const indicatorName: Label[] = [/^指標名?(\(単位\))?$/, /^指標名称$/, /^成果指標名$/, /^プロセス指標名$/];
/** 現状値（年度） and 目標値（2025年）; a bare 目標値 takes its year from the cell, if any. */
const years: TableSpec['years'] = {
  kinds: ['baseline', 'target'],
  named: [{ label: [/^目標値?$/, /^目標値?\(年度\)$/], kind: 'target' }],
};

/** 総合計画 施策シート: one sheet per 施策 with 成果指標, 主な取組内容 by 担当課, プロセス指標 and 各主体の役割. */
export const planMeasuresSpec: FamilySpec = {
  id: 'plan-measures',
  title: '総合計画 施策シート',
  templateVersion: '1',
  variants: [
    {
      id: 'measure',
      title: '施策シート',
      detect: {
        all: [[OUTCOME_TITLE, PROCESS_TITLE]],
        any: [...VISION, ...ISSUES, ...POLICY, ...ACTIONS, ...ROLES, /^[【[〔]?施策\d+/, /^指標の種類$/, /^基本施策/],
        minAny: 3,
        none: [/組織目標$/, /^事業番号$/, /めざす成果/, /撤退基準/, /実現したい成果/, /重点取組項目/, /方針書$/],
        requireTable: true,
      },
      fields: [
        {
          key: 'municipality',
          label: [/^(市町村|自治体|団体)名$/, PLAN_TITLE],
          direction: 'right',
          inline: MUNICIPALITY_IN_TITLE,
          caption: '市町村名',
        },
        { key: 'fiscalYear', label: [/^年度$/, /^計画期間$/, /^策定年度$/], direction: 'right', type: 'fiscal-year' },
        {
          key: 'goalNo',
          label: [/^[【[〔]?基本目標\d+/, /^基本目標(番号|No\.?)$/],
          direction: 'right',
          inline: /^[【［[〔]?基本目標\s*([0-9０-９]+)/,
        },
        {
          key: 'goal',
          label: [/^[【[〔]?基本目標\d+/, /^基本目標名?$/],
          direction: 'right',
          inline: /^[【［[〔]?基本目標\s*[0-9０-９]+[】］\]〕]?[\s\u3000:：.．、]*(.+)$/s,
        },
        {
          key: 'basicPolicyNo',
          label: [/^[【[〔]?基本施策\d+/, /^基本施策(番号|No\.?)$/],
          direction: 'right',
          inline: /^[【［[〔]?基本施策\s*[(（]?([0-9０-９]+)/,
        },
        {
          key: 'basicPolicy',
          label: [/^[【[〔]?基本施策\d+/, /^基本施策名?$/],
          direction: 'right',
          inline: /^[【［[〔]?基本施策\s*[(（]?[0-9０-９]+[)）】］\]〕]?[\s\u3000:：.．、]*(.+)$/s,
        },
        {
          key: 'measureNo',
          label: [/^[【[〔]?施策\d+/, /^施策(番号|No\.?)$/],
          direction: 'right',
          inline: /^[【［[〔]?施策\s*([0-9０-９]+)/,
          required: true,
        },
        {
          key: 'measure',
          label: [/^[【[〔]?施策\d+/, /^施策名$/],
          direction: 'right',
          inline: /^[【［[〔]?施策\s*[0-9０-９]+[】］\]〕]?[\s\u3000:：.．、]*(.+)$/s,
          required: true,
        },
        { key: 'vision', label: VISION, direction: 'below' },
        { key: 'issues', label: ISSUES, direction: 'below' },
        { key: 'policy', label: POLICY, direction: 'below' },
      ],
      tables: [
        {
          key: 'outcome',
          title: [OUTCOME_TITLE],
          columns: [
            { key: 'kind', label: [/^指標の?種類$/, /^種類$/, /^指標区分$/], role: 'field', carryDown: true },
            { key: 'indicator', label: indicatorName, role: 'name', required: true },
          ],
          years,
          minYearColumns: 2,
          end: SECTION_END,
          maxGap: 2,
        },
        {
          key: 'process',
          title: [PROCESS_TITLE],
          columns: [{ key: 'indicator', label: indicatorName, role: 'name', required: true }],
          years,
          minYearColumns: 2,
          end: SECTION_END,
          maxGap: 2,
        },
        {
          key: 'actions',
          items: true,
          repeat: true,
          headings: [
            { key: 'heading', label: [/^\(\d+\)/] },
            { key: 'division', label: [DIVISION] },
          ],
          columns: [
            { key: 'item', label: [/^取り?組み?項目$/, /^項目$/], role: 'group', carryDown: true, required: true },
            {
              key: 'content',
              label: [/^具体的な(取り?組み?)?内容$/, /^取り?組み?内容$/, /^内容$/],
              role: 'name',
              required: true,
            },
            { key: 'division', label: [/^(担当|所管)(課|部署|課名)?$/], role: 'field', carryDown: true },
          ],
          years: { kinds: [] },
          minYearColumns: 0,
          end: [...SECTION_END, /^\(\d+\)/],
          maxGap: 2,
        },
        {
          key: 'roles',
          items: true,
          columns: [
            { key: 'actor', label: [/^主体$/, /^各主体$/], role: 'group', carryDown: true, required: true },
            { key: 'role', label: [/^(期待される)?役割$/], role: 'name', required: true },
          ],
          years: { kinds: [] },
          minYearColumns: 0,
          end: SECTION_END,
          maxGap: 2,
        },
      ],
      organization: ['measure'],
      fiscalYear: 'fiscalYear',
    },
  ],
};
