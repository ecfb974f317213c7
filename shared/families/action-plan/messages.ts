import type { LocalisedMessages } from '../../messages/types.ts';

/** Messages of the 実施計画 findings. */
export const actionPlanMessages: LocalisedMessages = {
  ja: {
    'action-plan/number-gap':
      '{cell} の事業番号「{no}」（{name}）の前に「{expected}」がありません。{measure} の事業番号が抜けていないか確認してください。',
    'action-plan/number-duplicate':
      '{cell} の事業番号「{no}」（{name}）は、{otherCell} の「{other}」と重複しています。{measure} の中で番号を振り直してください。',
    'action-plan/name-missing':
      '{cell} の事業名が空欄です（事業番号「{no}」、事業内容「{detail}」）。事業名を記入してください。',
    'action-plan/division-missing':
      '{cell} の担当課が空欄です（{name}：{detail}）。この事業内容を担当する課を記入してください。',
    'action-plan/summary-missing': '{cell} の事業概要が空欄です（{name}）。事業の目的と内容を簡潔に記入してください。',
    'action-plan/target-missing':
      '{cell} の「{header}」の工程・数値目標が空欄です（{name}：{detail}）。計画年度ごとに目標（「実施」や「(R3で事業終了)」でも可）を記入してください。',
    'action-plan/relist-unmatched':
      '{cell} の (再) 掲「{name}」の元になる事業が、このシートに見つかりません。事業名が元の事業と同じか確認してください（別のシートの事業を再掲している場合は問題ありません）。',
    'action-plan/relist-differs':
      '{cell} の (再) 掲「{name}」の「{header}」が「{raw}」で、元の事業（{originalCell}）の「{originalRaw}」と異なります。再掲は元の事業と同じ内容にしてください。',
    'action-plan/unit-changes':
      '{cell} の「{name}」の「{header}」は単位が「{unit}」で、「{firstHeader}」の「{firstUnit}」と異なります。同じ行の実績と目標は同じ単位で比べられるようにしてください。',
    'action-plan/period-mismatch': (p) =>
      p['header']
        ? '{cell} の見出し「{header}」が計画期間「{period}」と合いません。ここは「{expected}」のはずです。前の計画のシートを写して作った場合は、見出しの年度を更新してください。'
        : '{cell} 付近: 計画期間「{period}」の「{expected}」の工程・数値目標の列がありません。計画年度ごとに列を設けてください。',
  },
  en: {
    'action-plan/number-gap': '{cell}: 事業番号 "{no}" ({name}) skips "{expected}" in {measure}.',
    'action-plan/number-duplicate':
      '{cell}: 事業番号 "{no}" ({name}) is also used by "{other}" at {otherCell} in {measure}.',
    'action-plan/name-missing': '{cell}: 事業名 is empty (事業番号 "{no}", 事業内容 "{detail}").',
    'action-plan/division-missing': '{cell}: 担当課 is empty ({name}: {detail}).',
    'action-plan/summary-missing': '{cell}: 事業概要 is empty ({name}).',
    'action-plan/target-missing': '{cell}: no 工程・数値目標 for "{header}" ({name}: {detail}).',
    'action-plan/relist-unmatched': '{cell}: re-listed project "{name}" (再) has no original on this sheet.',
    'action-plan/relist-differs':
      '{cell}: re-listed project "{name}" says "{raw}" for {header} but the original ({originalCell}) says "{originalRaw}".',
    'action-plan/unit-changes':
      '{cell}: "{name}" is counted in {unit} for {header} but in {firstUnit} for {firstHeader}.',
    'action-plan/period-mismatch': (p) =>
      p['header']
        ? '{cell}: header "{header}" does not fit the plan period "{period}"; it should read "{expected}".'
        : 'near {cell}: no 工程・数値目標 column for {expected} of the plan period "{period}".',
  },
};
