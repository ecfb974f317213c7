import type { MessageCatalogue } from './types.ts';

/** Japanese wording of the common and internal findings; families add theirs in their messages.ts. */
export const ja: MessageCatalogue = {
  'common/required-empty': (p) =>
    `{cell} の「{label}」が空欄です。${p['name'] ? '（指標「{name}」）' : ''}必ず記入してください。`,
  'common/number-unreadable':
    '{cell}（{name}・{header}）の「{raw}」を数値として読めません。半角または全角の数字で入力してください（アルファベットの O や l が混じっていないか、桁区切りのカンマの位置も確認してください）。',
  'common/unit-mismatch':
    '{cell}（{name}・{header}）の「{raw}」は単位が「{unit}」ですが、指標名の単位は「{labelUnit}」です。どちらが正しいか確認し、指標名の単位にそろえてください。',
  'common/bracket-mismatch':
    '{cell} の指標名「{name}」の括弧の組み合わせが合っていません（「{fragment}」）。「（回）」のように、開き括弧と同じ種類の閉じ括弧を使ってください。',
  'common/year-jump':
    '{cell}（{name}・{header}）の「{raw}」は、{previousHeader}の「{previous}」の約{ratio}倍の差があります。桁の打ち間違い（0 の付け過ぎ・付け忘れ）がないか確認してください。',
  'common/rate-over-100':
    '{cell}（{name}・{header}）の「{raw}」は 100％ を超えています。割合が 100％ を超えることはないはずなので、数値か単位を確認してください。',
  'common/text-too-long':
    '{cell} の文章（「{start}」）は {length} 文字あり、印刷するとセルに収まりきらない可能性があります。{limit} 文字程度までに要点をまとめてください。',
  'internal/rule-failed':
    'チェック「{rule}」を実行できませんでした（{reason}）。このシートの他のチェックは行っています。お手数ですが担当者に連絡してください。',
};
