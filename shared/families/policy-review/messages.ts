import type { LocalisedMessages, MessageParams } from '../../messages/types.ts';

const direction = (p: MessageParams, ja: boolean) =>
  p['direction'] === 'lower'
    ? ja
      ? '少ないほど良い指標'
      : 'lower is better'
    : ja
      ? '多いほど良い指標'
      : 'higher is better';

/** Messages of the 区政運営基本方針 自己評価 findings. */
export const policyReviewMessages: LocalisedMessages = {
  ja: {
    'policy-review/code-unknown':
      '{cell} の{label}「{value}」は凡例にない記号です。{allowed} のいずれかを入力してください。',
    'policy-review/improvement-missing':
      '{cell}：取組「{name}」の{label}が「{value}」ですが、{need}が空欄です。見直しの内容を{need}に記入してください。',
    'policy-review/direction-missing':
      '{cell}：成果指標「{name}」の{label}が「{value}」（戦略を見直す）ですが、{need}が空欄です。戦略をどう見直すかを記入してください。',
    'policy-review/withdrawal-triggered':
      '{cell}：取組「{name}」の撤退基準「{criterion}」に、報告された数値が該当しています（{computed}）。評価が「{code}」になっていますが、撤退基準に該当する場合は「③」です。評価か数値を見直し、取組の再構築を検討してください。',
    'policy-review/withdrawal-not-triggered':
      '{cell}：取組「{name}」は「③」（撤退基準未達成）と評価されていますが、報告された数値は撤退基準「{criterion}」に該当しません（{computed}）。評価か数値を確認してください。',
    'policy-review/achievement-contradicts':
      '{cell}：取組「{name}」は「{code}」（目標達成）と評価されていますが、報告された数値は業績目標「{goal}」に届いていません（{computed}）。評価を「②」にするか、数値を確認してください。',
    'policy-review/rating-contradicts': (p) =>
      `{cell}：成果指標「{name}」のアウトカムの達成状況が「{rating}」（順調）ですが、今年度の値 {current} は目標「{target}」に届いていません（${direction(p, true)}として判定）。評価か数値を見直してください。`,
    'policy-review/rating-worsening': (p) =>
      `{cell}：成果指標「{name}」は「{rating}」（順調）と評価されていますが、今年度の値 {current} は前年度 {previous} より目標「{target}」から遠ざかっています（${direction(p, true)}として判定）。順調と言える理由を課題欄に記入するか、評価を見直してください。`,
    'policy-review/rating-understated': (p) =>
      `{cell}：成果指標「{name}」は「{rating}」（順調でない）と評価されていますが、今年度の値 {current} はすでに目標「{target}」を満たしています（${direction(p, true)}として判定）。評価を確認してください。`,
    'policy-review/goal-missing':
      '{cell}：取組「{name}」の業績目標が「―」ですが、撤退基準または達成状況が記入されています。評価の基準となる業績目標を記入してください。',
    'policy-review/withdrawal-missing':
      '{cell}：取組「{name}」には業績目標がありますが、撤退基準が空欄（または「―」）です。どの数値になったら取組を再構築するかを記入してください。',
    'policy-review/achievement-missing':
      '{cell}：取組「{name}」の業績目標の達成状況が空欄です。評価の時期なので、①(ⅰ)～③ のいずれかを記入してください。',
  },
  en: {
    'policy-review/code-unknown': '{cell}: {label} "{value}" is not in the legend; use one of {allowed}.',
    'policy-review/improvement-missing': '{cell}: action "{name}" is rated {label} "{value}" but {need} is empty.',
    'policy-review/direction-missing':
      '{cell}: indicator "{name}" is rated {label} "{value}" (revise the strategy) but {need} is empty.',
    'policy-review/withdrawal-triggered':
      '{cell}: the figures of action "{name}" meet its withdrawal criterion "{criterion}" ({computed}) but it is rated "{code}", not ③.',
    'policy-review/withdrawal-not-triggered':
      '{cell}: action "{name}" is rated ③ but its figures do not meet the withdrawal criterion "{criterion}" ({computed}).',
    'policy-review/achievement-contradicts':
      '{cell}: action "{name}" is rated "{code}" (target met) but its figures miss the performance target "{goal}" ({computed}).',
    'policy-review/rating-contradicts': (p) =>
      `{cell}: indicator "{name}" is rated "{rating}" (on track) but this year's {current} misses the target "{target}" (${direction(p, false)}).`,
    'policy-review/rating-worsening': (p) =>
      `{cell}: indicator "{name}" is rated "{rating}" (on track) but moved away from the target "{target}": {previous} → {current} (${direction(p, false)}).`,
    'policy-review/rating-understated': (p) =>
      `{cell}: indicator "{name}" is rated "{rating}" (not on track) but {current} already meets the target "{target}" (${direction(p, false)}).`,
    'policy-review/goal-missing':
      '{cell}: action "{name}" has no performance target ("―") but has a withdrawal criterion or an achievement code.',
    'policy-review/withdrawal-missing': '{cell}: action "{name}" has a performance target but no withdrawal criterion.',
    'policy-review/achievement-missing': '{cell}: action "{name}" has no achievement code although results are due.',
  },
};
