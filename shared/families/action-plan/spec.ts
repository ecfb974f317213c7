import type { FamilySpec, Label } from '../spec.ts';

const PROJECT_NAME: Label[] = [/^事業名(称)?$/, /^事業・?取組名$/, /^(主な)?事業$/];
const PROJECT_CONTENT: Label[] = [/^事業内容$/, /^事業の内容$/, /^取組内容$/, /^実施内容$/, /^内容$/];
const PLAN_TITLE: Label[] = [/区ビジョン.*計画/, /まちづくり計画.*実施計画/, /実施計画(\(.*\))?$/];

/** 区ビジョンまちづくり計画 実施計画: pillar › ◆ policy › (1) measure › tables of 事業, one measure per 事業内容 row. */
export const actionPlanSpec: FamilySpec = {
  id: 'action-plan',
  title: '区ビジョンまちづくり計画 実施計画',
  templateVersion: '1',
  variants: [
    {
      id: 'plan',
      title: '実施計画',
      detect: {
        all: [PROJECT_NAME, [...PROJECT_CONTENT, /^(事業の?)?概要$/]],
        any: [
          ...PLAN_TITLE,
          /^事業(番号|No\.?|NO\.?)$/i,
          /^事業概要$/,
          /^工程/,
          /数値目標$/,
          /^(担当|所管)課?(名)?$/,
          /^◆/,
        ],
        minAny: 2,
        none: [/^撤退基準/, /^業績目標/, /^組織目標(\(.*\))?$/, /^プロセス指標$/, /^成果指標$/],
        requireTable: true,
      },
      fields: [
        { key: 'title', label: [], direction: 'right', self: PLAN_TITLE },
        {
          key: 'ward',
          label: PLAN_TITLE,
          direction: 'right',
          inline: /^(?:\S{1,6}?[市町村])?\s*(\S{1,6}?区)(?=[\s\u3000]|区ビジョン)/,
        },
        {
          key: 'period',
          label: [/^計画期間$/, /^期間$/, /^計画年度$/],
          direction: 'right',
          caption: '計画期間',
          self: [/^(令和|平成|R|H)\S*年度?[~\-〜](令和|平成|R|H)?\S*年度?$/],
        },
        { key: 'wardName', label: [/^区名$/, /^区$/], direction: 'right' },
        { key: 'fiscalYear', label: [/^年度$/, /^対象年度$/], direction: 'right', type: 'fiscal-year' },
      ],
      tables: [
        {
          key: 'projects',
          repeat: true,
          headings: [
            {
              key: 'pillar',
              label: [
                /^[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]/,
                /^(I|II|III|IV|V|VI|VII|VIII|IX|X)[^A-Za-z]/,
                /^(柱|基本目標|まちづくりの柱)[0-9０-９一二三四五六七八九十]/,
                /^第[0-9一二三四五六七八九十]+の柱/,
              ],
            },
            { key: 'policy', label: [/^◆/, /^[◇■□]/] },
            { key: 'measure', label: [/^\(\d{1,2}\)/, /^[①-⑳]/] },
            { key: 'direction', label: [/^[・･●○]/] },
          ],
          rowsBy: ['content', 'division', 'years'],
          relist: [/^\(?再掲?\)?$/, /^\(再掲?\)/, /^【再掲?】/, /^再掲/],
          columns: [
            {
              key: 'no',
              label: [/^事業(番号|No\.?|NO\.?|№)$/i, /^No\.?$/i, /^番号$/, /^№$/, /^事業コード$/],
              role: 'group',
              carryDown: true,
              caption: '事業番号',
              width: 6,
            },
            {
              key: 'name',
              label: PROJECT_NAME,
              role: 'name',
              carryDown: true,
              required: true,
              caption: '事業名',
              width: 16,
            },
            {
              key: 'summary',
              label: [/^事業(の)?概要$/, /^概要$/, /^事業目的$/, /^目的$/],
              role: 'field',
              carryDown: true,
              caption: '事業概要',
              width: 30,
            },
            {
              key: 'content',
              label: PROJECT_CONTENT,
              role: 'detail',
              carryDown: true,
              required: true,
              caption: '事業内容',
              width: 26,
            },
            {
              key: 'division',
              label: [/^(担当|所管)(課|部署|所属|部局)?(名)?$/, /^課名$/, /^所属$/],
              role: 'field',
              carryDown: true,
              caption: '担当課',
              width: 11,
            },
          ],
          years: {
            kinds: ['actual', 'target', 'plan'],
            parentKinds: [{ label: [/工程/, /目標/, /計画/], kind: 'target' }],
            yearOnlyKind: 'target',
          },
          minYearColumns: 2,
          end: [],
          maxGap: 4,
          template: {
            order: ['no', 'name', 'summary', 'content', 'years', 'division'],
            years: [
              { kind: 'actual', offset: -1 },
              { kind: 'target', offset: 0 },
              { kind: 'target', offset: 1 },
            ],
            notation: 'era',
            bands: [{ caption: '工程・数値目標', keys: ['year:target'] }],
            rows: 20,
          },
        },
      ],
      organization: ['ward', 'wardName'],
      fiscalYear: 'period',
      template: {
        columns: 8,
        orientation: 'landscape',
        blocks: [
          { type: 'title', text: '区ビジョンまちづくり計画 実施計画' },
          { type: 'fields', keys: ['period'], perRow: 2 },
          { type: 'table', key: 'projects' },
        ],
      },
    },
  ],
};
