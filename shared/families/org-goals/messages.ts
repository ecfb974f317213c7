import type { LocalisedMessages } from '../../messages/types.ts';

const direction = (p: Record<string, string | number | null>, ja: boolean) =>
  p['direction'] === 'lower'
    ? ja
      ? '少ないほど良い指標'
      : 'lower is better'
    : ja
      ? '多いほど良い指標'
      : 'higher is better';

/** Messages of the 組織目標管理シート findings. */
export const orgGoalsMessages: LocalisedMessages = {
  ja: {
    'org-goals/year-header-mismatch':
      '{cell} の見出し「{header}」は{fiscalYear}年度のシートと合いません。ここは「{expected}」のはずです。前年度のシートを写して作った場合は、見出しの年度を今年度に合わせて更新してください。',
    'org-goals/date-invalid':
      '{cell} の{label}「{raw}」を日付として読めません。「令和2年4月1日」や「2020/4/1」のように、実在する日付を入力してください。',
    'org-goals/date-order':
      '{cell} の{label}「{raw}」が{otherLabel}「{otherRaw}」より前になっています。作成日 → 修正日 → 評価日の順になるよう確認してください。',
    'org-goals/date-outside-year':
      '{cell} の{label}「{raw}」は{fiscalYear}年度のシートとしては時期が離れています。前年度のシートの日付が残っていないか確認してください。',
    'org-goals/goal-without-indicators':
      '{cell} の組織目標 No.{no}（「{goal}」）に指標が 1 つもありません。達成度を測る指標（項目・単位・目標値）を少なくとも 1 つ記入してください。',
    'org-goals/target-missing':
      '{cell} の指標「{name}」に目標値（{header}）が入っていません。今年度の目標値を記入してください。',
    'org-goals/result-missing':
      '{cell} の指標「{name}」に結果（{header}）が入っていません。評価の時期なので、今年度の実績を記入してください。',
    'org-goals/result-not-final':
      '{cell} の指標「{name}」の結果「{raw}」はまだ確定していません（要確認）。確定したら実績を記入してください。',
    'org-goals/evaluation-missing':
      '{cell} の指標「{name}」の評価（目標達成状況）が空欄です。「達成」「未達成」など、目標値と結果を比べた評価を記入してください。',
    'org-goals/evaluation-contradicts': (p) =>
      `{cell} の指標「{name}」の評価「{evaluation}」が、目標値「{target}」と結果「{result}」の比較と食い違っています（${direction(p, true)}として判定、根拠: {basis}）。評価か数値を見直してください。`,
    'org-goals/explanation-missing':
      '目標を達成できなかった指標が {count} 件あります（{names}）が、{cell} の「取り組みの結果について」が空欄です。達成できなかった理由と今後の方針を記入してください。',
    'org-goals/goal-count-mismatch':
      '{cell} の目標数「{goalCount}」が、記入されている重点目標の数（{listed} 件）と一致しません。目標数を確認してください。',
    'org-goals/achieved-over-goals':
      '{cell} の達成数「{achievedCount}」が目標数「{goalCount}」を超えています。達成数は目標数以下のはずなので確認してください。',
    'org-goals/achieved-count-missing':
      '{cell} の達成数が空欄です。評価の時期なので、達成した重点目標の数を記入してください。',
  },
  en: {
    'org-goals/year-header-mismatch':
      '{cell}: header "{header}" does not fit a {fiscalYear}年度 sheet; it should read "{expected}". Update the headers of a sheet copied from last year.',
    'org-goals/date-invalid': '{cell}: {label} "{raw}" is not a valid date.',
    'org-goals/date-order':
      '{cell}: {label} "{raw}" is earlier than {otherLabel} "{otherRaw}". Dates must run 作成日 → 修正日 → 評価日.',
    'org-goals/date-outside-year':
      '{cell}: {label} "{raw}" is far from the sheet\'s year {fiscalYear}年度. Is it left over from last year\'s sheet?',
    'org-goals/goal-without-indicators': '{cell}: goal No.{no} ("{goal}") has no indicator.',
    'org-goals/target-missing': '{cell}: indicator "{name}" has no target ({header}).',
    'org-goals/result-missing': '{cell}: indicator "{name}" has no result ({header}) although results are due.',
    'org-goals/result-not-final': '{cell}: indicator "{name}" has a result that is not final yet ("{raw}").',
    'org-goals/evaluation-missing': '{cell}: indicator "{name}" has no evaluation.',
    'org-goals/evaluation-contradicts': (p) =>
      `{cell}: indicator "{name}" is evaluated "{evaluation}" but target "{target}" vs result "{result}" says otherwise (${direction(p, false)}, from {basis}).`,
    'org-goals/explanation-missing':
      '{count} indicator(s) were not achieved ({names}) but "取り組みの結果について" ({cell}) is empty.',
    'org-goals/goal-count-mismatch': '{cell}: 目標数 "{goalCount}" differs from the {listed} 重点目標 listed.',
    'org-goals/achieved-over-goals': '{cell}: 達成数 "{achievedCount}" exceeds 目標数 "{goalCount}".',
    'org-goals/achieved-count-missing': '{cell}: 達成数 is empty although results are due.',
  },
};
