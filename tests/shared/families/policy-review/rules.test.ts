import { describe, expect, it } from 'vitest';
import { policyReviewMessages } from '../../../../shared/families/policy-review/messages.ts';
import { normalizeCode, POLICY_REVIEW_CODES } from '../../../../shared/families/policy-review/rules.ts';
import { messagesOf } from '../../../../shared/messages/index.ts';
import { checkGrid, type Phase } from '../../../../shared/rules/index.ts';
import { found } from '../../rules/fixtures.ts';
import { unmerge } from '../../../helpers/grid-relayout.ts';
import { policyReview } from './policy-review-fixture.ts';

const messages = (edits: Record<string, string | number | null>, phase?: Phase) =>
  checkGrid(policyReview(edits), phase ? { phase } : {}).record.findings.map((f) => `${f.severity} ${f.message}`);

describe('policy-review rules', () => {
  it('finds nothing on a consistent sheet', () => {
    expect(found(policyReview())).toEqual([]);
    expect(found(policyReview(), 'evaluation')).toEqual([]);
  });

  it('reports codes outside the printed legends', () => {
    expect(messages({ J8: 'C', M8: 'A', J14: '④', K15: '△' })).toMatchInlineSnapshot(`
      [
        "error J8 の評価「C」は凡例にない記号です。A（順調）、B（順調でない） のいずれかを入力してください。",
        "error M8 の戦略の進捗状況「A」は凡例にない記号です。a（順調）、b（順調でない） のいずれかを入力してください。",
        "error J14 の業績目標の達成状況「④」は凡例にない記号です。①(ⅰ)（目標達成：取組は予定どおり実施）、①(ⅱ)（目標達成：取組を予定どおり実施しなかった）、②(ⅰ)（目標未達成：取組は予定どおり実施）、②(ⅱ)（目標未達成：取組を予定どおり実施しなかった）、③（撤退基準未達成） のいずれかを入力してください。",
        "error K15 の戦略に対する取組の有効性「△」は凡例にない記号です。○（有効）、×（有効でないため見直す） のいずれかを入力してください。",
      ]
    `);
  });

  it('accepts legend codes typed full-width or in other common spellings', () => {
    expect(
      found(
        policyReview({
          J8: 'Ａ',
          K8: 'Ｂ',
          M8: 'ｂ',
          L8: 'イ',
          J15: '①（ｉ）',
          J16: '1(ii)',
          K14: '◯',
          K16: '✕',
          O16: '手法を見直す',
        }),
      ),
    ).toEqual([]);
    expect(['①（ⅰ）', '1(i)', '①ⅰ', '① (ⅰ)'].map(normalizeCode)).toEqual(['①(ⅰ)', '①(ⅰ)', '①(ⅰ)', '①(ⅰ)']);
  });

  it('asks for 改善策 when an action is rated ③ or ×', () => {
    expect(messages({ K15: '×', O15: null })).toMatchInlineSnapshot(`
      [
        "error O15：取組「【1-1-2】」の戦略に対する取組の有効性が「×」ですが、改善策が空欄です。見直しの内容を改善策に記入してください。",
      ]
    `);
    expect(found(policyReview({ J16: '③', I16: '回収率 15.0％', O16: '―' }))).toEqual([
      'policy-review/improvement-missing O16',
    ]);
    expect(found(policyReview({ K15: '×', O15: '投稿の時間帯を見直す。' }))).toEqual([]);
  });

  it('asks for 今後の対応方向 when the strategy is rated イ, once per plan', () => {
    expect(found(policyReview({ L8: 'イ', O8: null }))).toEqual(['policy-review/direction-missing O8']);
    expect(found(unmerge(policyReview({ L8: 'イ', O8: null }), 'blank'))).toEqual([
      'policy-review/direction-missing O8',
    ]);
    expect(found(policyReview({ L8: 'イ' }))).toEqual([]);
  });

  it('reports an action whose figures meet its 撤退基準 while the code is not ③', () => {
    expect(messages({ I15: '平成28年3月末時点　フォロワー数1,010件', J15: '②(ⅰ)' })).toMatchInlineSnapshot(`
      [
        "error J15：取組「【1-1-2】」の撤退基準「・前年比増2％未満であれば、事業手法を再構築する。」に、報告された数値が該当しています（フォロワー数 1,000件→1,010件（前年度比 +1%））。評価が「②(ⅰ)」になっていますが、撤退基準に該当する場合は「③」です。評価か数値を見直し、取組の再構築を検討してください。",
      ]
    `);
    expect(found(policyReview({ I14: '参加者数　26年度　1,000人→ 27年度　700人', J14: '②(ⅰ)' }))).toEqual([
      'policy-review/withdrawal-triggered J14',
    ]);
    expect(found(policyReview({ I16: '回収率 18.5％', J16: '②(ⅰ)' }))).toEqual([
      'policy-review/withdrawal-triggered J16',
    ]);
    expect(found(policyReview({ I14: '参加者数　26年度　1,000人→ 27年度　850人', J14: '②(ⅰ)' }))).toEqual([]);
    expect(
      found(policyReview({ I15: '平成28年3月末時点　フォロワー数1,010件', J15: '③', O15: '手法を見直す' })),
    ).toEqual([]);
  });

  it('warns when ③ is claimed but the figures do not meet the 撤退基準', () => {
    expect(messages({ J16: '③', O16: '見直す' })).toMatchInlineSnapshot(`
      [
        "warning J16：取組「【1-1-3】」は「③」（撤退基準未達成）と評価されていますが、報告された数値は撤退基準「・回収率が2割を下回った場合は、事業を再構築する。」に該当しません（回収率 35%（基準 20%））。評価か数値を確認してください。",
      ]
    `);
  });

  it('reports ① when the figures miss the 業績目標', () => {
    expect(messages({ I16: '回収率 25.0％' })).toMatchInlineSnapshot(`
      [
        "error J16：取組「【1-1-3】」は「①(ⅰ)」（目標達成）と評価されていますが、報告された数値は業績目標「・回収率3割を目標とする。」に届いていません（回収率 25%（基準 30%））。評価を「②」にするか、数値を確認してください。",
      ]
    `);
    expect(found(policyReview({ I15: '平成28年3月末時点　フォロワー数1,050件' }))).toEqual([
      'policy-review/achievement-contradicts J15',
    ]);
    expect(found(policyReview({ I14: '参加者数　26年度　1,000人→ 27年度　900人' }))).toEqual([
      'policy-review/achievement-contradicts J14',
    ]);
    expect(found(policyReview({ I15: '平成28年3月末時点　フォロワー数1,050件', J15: '②(ⅰ)' }))).toEqual([]);
  });

  it('leaves an action alone when its figures cannot be read', () => {
    expect(found(policyReview({ I16: '取組実績どおり', I15: '順調に伸びた', F15: '―' }))).toEqual([]);
  });

  it('reports A when the indicator misses a target that is due this year, minding 以下/未満', () => {
    expect(messages({ H8: '参加している区民の割合：45.0％' })).toMatchInlineSnapshot(`
      [
        "error J8：成果指標「地域活動に参加している区民の割合」のアウトカムの達成状況が「A」（順調）ですが、今年度の値 45 は目標「H27年度までに50％以上」に届いていません（多いほど良い指標として判定）。評価か数値を見直してください。",
      ]
    `);
    expect(
      found(policyReview({ C8: '放置自転車の台数', D8: 'H27年度までに100台以下', H8: '120台', I8: '150台' })),
    ).toEqual(['policy-review/rating-contradicts J8']);
    expect(
      found(policyReview({ C8: '放置自転車の台数', D8: 'H27年度までに100台以下', H8: '90台', I8: '150台' })),
    ).toEqual([]);
  });

  it('warns about A on a later target only when the value moved away from it', () => {
    expect(found(policyReview({ J9: 'A', H9: '20.0％' }))).toEqual(['policy-review/rating-worsening J9']);
    expect(found(policyReview({ J9: 'A' }))).toEqual([]);
  });

  it('warns about B when the value already meets the target', () => {
    expect(found(policyReview({ H9: '65.0％' }))).toEqual(['policy-review/rating-understated J9']);
  });

  it('asks for 撤退基準 next to a 業績目標, and for a 業績目標 behind a code', () => {
    expect(found(policyReview({ E14: '―' }))).toEqual(['policy-review/withdrawal-missing E14']);
    expect(found(policyReview({ D16: '―' }))).toEqual(['policy-review/goal-missing D16']);
    expect(found(policyReview({ D16: '―', E16: '―', J16: '―', K16: '―' }))).toEqual([]);
  });

  it('asks for the achievement code only in evaluation', () => {
    expect(found(policyReview({ J14: '―' }), 'evaluation')).toEqual(['policy-review/achievement-missing J14']);
    expect(found(policyReview({ J14: '―' }), 'planning')).toEqual([]);
  });

  it('has a Japanese and an English message for every code', () => {
    const codes = Object.values(POLICY_REVIEW_CODES);
    for (const locale of ['ja', 'en'] as const) {
      expect(codes.filter((code) => !policyReviewMessages[locale][code] || !messagesOf(locale)[code])).toEqual([]);
    }
  });
});
