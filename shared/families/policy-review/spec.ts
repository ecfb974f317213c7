import type { ColumnSpec, FamilySpec, Label } from '../spec.ts';

const SECTION: Label[] = [/^施策(名)?$/, /^(区政運営基本方針の)?項目$/, /^経営課題$/, /^主な経営課題$/];
const ITEM: Label[] = [/^取組(名)?$/, /^(施策の)?方向性$/, /^取組の方向$/, /^小項目$/];
const ISSUE: Label[] = [/^課題$/];
const ACTIONS_TITLE: Label[] = [/^具体的取り?組み?$/, /^具体的な取り?組み?$/];
const OUTCOMES_TITLE: Label[] = [/^めざす成果(および|及び)戦略$/];

const carried = (key: string, label: Label[], caption: string, width: number): ColumnSpec => ({ key, label, role: 'field', carryDown: true, caption, width });

/** 区政運営基本方針 自己評価: outcome indicators per めざす状態 【1-1】 and the concrete actions 【1-1-1】. */
export const policyReviewSpec: FamilySpec = {
  id: 'policy-review',
  title: '区政運営基本方針 自己評価',
  templateVersion: '1',
  legends: {
    outcome: [{ code: 'A', meaning: '順調' }, { code: 'B', meaning: '順調でない' }],
    effectiveness: [{ code: 'ア', meaning: '有効であり、継続して推進' }, { code: 'イ', meaning: '有効でないため、戦略を見直す' }],
    progress: [{ code: 'a', meaning: '順調' }, { code: 'b', meaning: '順調でない' }],
    achievement: [
      { code: '①(ⅰ)', meaning: '目標達成：取組は予定どおり実施' },
      { code: '①(ⅱ)', meaning: '目標達成：取組を予定どおり実施しなかった' },
      { code: '②(ⅰ)', meaning: '目標未達成：取組は予定どおり実施' },
      { code: '②(ⅱ)', meaning: '目標未達成：取組を予定どおり実施しなかった' },
      { code: '③', meaning: '撤退基準未達成' },
    ],
    actionEffect: [{ code: '○', meaning: '有効' }, { code: '×', meaning: '有効でないため見直す' }],
  },
  variants: [
    {
      id: 'ward',
      title: '区政運営基本方針 自己評価（区）',
      detect: {
        all: [[/^撤退基準/, /^業績目標$/, /^戦略のアウトカムに対する有効性$/, /^アウトカムの達成状況$/, /^戦略の進捗状況$/, /^今後の対応方向$/]],
        any: [/区政運営基本方針/, /^めざす状態$/, /^アウトカム$/, /^戦略$/, /^改善策$/, /^今後の対応方向$/, ...ACTIONS_TITLE, ...OUTCOMES_TITLE, /^前年度までの実績$/, /^取り?組み?実績$/, /^成果指標と目標値$/],
        minAny: 2,
        none: [/組織目標$/, /^事業番号$/, /^指標の種類$/, /^目指す姿$/, /^実現したい成果$/, /^重点取組項目/],
        requireTable: true,
      },
      fields: [
        { key: 'title', label: [/取組状況について/, /自己評価(シート|表)?$/], direction: 'right', self: [/取組状況について/], caption: '表題' },
        { key: 'ward', label: [/^区名$/, /^所属(名)?$/, /^区$/], direction: 'right-or-below', required: true, caption: '区名' },
        { key: 'fiscalYear', label: [/^年度$/, /^対象年度$/], direction: 'right-or-below', type: 'fiscal-year', self: [/^(平成|令和|H|R)\d+年度$/], caption: '年度' },
        { key: 'policy', label: [/^区政運営基本方針$/, /^運営方針$/], direction: 'right', caption: '区政運営基本方針' },
        { key: 'theme', label: [/^(区政運営の)?柱$/, /^方針$/, /^基本方針の柱$/, /^大項目$/], direction: 'right', caption: '柱' },
      ],
      tables: [
        {
          key: 'outcomes',
          columns: [
            { key: 'section', label: SECTION, role: 'group', carryDown: true, caption: '施策', width: 14 },
            carried('item', ITEM, '取組', 16),
            { key: 'indicator', label: [/^成果指標(名)?$/, /^アウトカム指標$/, /^指標(名)?$/], role: 'name', required: true, caption: '成果指標', width: 26 },
            carried('states', [/^めざす状態$/, /^めざすべき将来像$/], 'めざす状態', 24),
            carried('outcomes', [/^アウトカム$/, /^アウトカム\(成果目標\)$/], 'アウトカム', 24),
            carried('strategy', [/^戦略$/], '戦略', 24),
            { key: 'rating', label: [/^評価$/, /^個別評価$/, /^達成状況$/, /^個別の?達成状況$/, /^判定$/], role: 'field', caption: '評価', width: 6 },
            carried('overall', [/^全体(評価)?$/, /^全体の?達成状況$/], '全体', 6),
            carried('effectiveness', [/有効性$/], '戦略のアウトカムに対する有効性', 10),
            carried('progress', [/進捗状況$/, /^進捗$/], '戦略の進捗状況', 8),
            carried('issue', ISSUE, '課題', 26),
            carried('direction', [/^今後の対応方向(性)?$/, /^今後の方向性$/], '今後の対応方向', 26),
          ],
          years: {
            kinds: ['actual', 'target'],
            named: [
              { label: [/^目標(値)?$/, /^目標値?\(.*\)$/], kind: 'target' },
              { label: [/^個別$/, /^個別\((今|当|本)年度\)$/, /^(今|当|本)年度(実績|値)?$/, /^実績(値)?$/], kind: 'actual', offset: 0 },
              { label: [/^前年度(実績|値)?$/], kind: 'actual', offset: -1 },
            ],
          },
          minYearColumns: 2,
          end: [...ACTIONS_TITLE, /^取り?組み?内容$/],
          maxGap: 3,
          carryAcrossGroups: true,
          template: {
            order: ['section', 'item', 'indicator', 'year:target', 'states', 'outcomes', 'strategy', 'year:actual', 'rating', 'overall', 'effectiveness', 'progress', 'issue', 'direction'],
            years: [{ kind: 'target', offset: 2, caption: '目標値' }, { kind: 'actual', offset: 0, caption: '個別' }, { kind: 'actual', offset: -1, caption: '前年度' }],
            notation: 'era',
            bands: [
              { caption: '項目', keys: ['section', 'item'] },
              { caption: '成果指標と目標値', keys: ['indicator', 'year:target'] },
              { caption: '計画', keys: ['states', 'outcomes', 'strategy'] },
              { caption: 'アウトカムの達成状況', keys: ['year:actual', 'rating', 'overall'] },
            ],
            rows: 8,
          },
        },
        {
          key: 'actions',
          items: true,
          columns: [
            { key: 'section', label: SECTION, role: 'field', carryDown: true, caption: '施策', width: 14 },
            carried('item', ITEM, '取組', 16),
            { key: 'content', label: [/^取り?組み?内容$/, /^具体的取り?組み?(内容)?$/], role: 'name', required: true, caption: '取組内容', width: 26 },
            { key: 'goal', label: [/^業績目標$/], role: 'field', required: true, caption: '業績目標', width: 24 },
            { key: 'withdrawal', label: [/^撤退(・再構築)?基準$/], role: 'field', caption: '撤退基準', width: 24 },
            { key: 'pastResult', label: [/^前年度までの実績$/, /^前年度実績$/], role: 'field', caption: '前年度までの実績', width: 24 },
            { key: 'result', label: [/^取り?組み?実績$/], role: 'field', caption: '取組実績', width: 22 },
            { key: 'figures', label: [/^実績(値)?$/, /^達成状況の?(説明|内容)$/, /^業績目標の実績$/], role: 'field', caption: '実績', width: 8 },
            { key: 'achievement', label: [/^評価$/, /^区分$/, /^業績目標の達成状況$/, /^達成状況$/], role: 'field', caption: '業績目標の達成状況', width: 7 },
            { key: 'effective', label: [/有効性$/], role: 'field', caption: '戦略に対する取組の有効性', width: 7 },
            { key: 'issue', label: ISSUE, role: 'field', caption: '課題', width: 9 },
            { key: 'improvement', label: [/^改善策$/], role: 'field', caption: '改善策', width: 26 },
          ],
          years: { kinds: [] },
          minYearColumns: 0,
          end: [...OUTCOMES_TITLE],
          maxGap: 3,
          template: {
            order: ['section', 'item', 'content', 'goal', 'withdrawal', 'pastResult', 'result', 'figures', 'achievement', 'effective', 'issue', 'improvement'],
            years: [],
            notation: 'era',
            bands: [{ caption: '項目', keys: ['section', 'item'] }, { caption: '計画', keys: ['content', 'goal', 'withdrawal', 'pastResult'] }],
            rows: 10,
          },
        },
      ],
      organization: ['ward'],
      fiscalYear: 'fiscalYear',
      evaluatedWhen: ['items.actions.achievement'],
      template: {
        columns: 15,
        orientation: 'landscape',
        blocks: [
          { type: 'title', text: '区政運営基本方針の成果目標の達成に向けた取組状況について' },
          { type: 'fields', keys: ['ward', 'fiscalYear', 'theme'], perRow: 3 },
          { type: 'fields', keys: ['policy'], perRow: 1 },
          {
            type: 'legends',
            caption: '凡例',
            legends: [
              { key: 'outcome', caption: 'アウトカムの達成状況' },
              { key: 'effectiveness', caption: '戦略のアウトカムに対する有効性' },
              { key: 'progress', caption: '戦略の進捗状況' },
              { key: 'achievement', caption: '業績目標の達成状況' },
              { key: 'actionEffect', caption: '戦略に対する取組の有効性' },
            ],
          },
          { type: 'title', text: 'めざす成果および戦略' },
          { type: 'table', key: 'outcomes' },
          { type: 'title', text: '具体的取組' },
          { type: 'table', key: 'actions' },
        ],
      },
    },
  ],
};
