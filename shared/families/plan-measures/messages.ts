import type { LocalisedMessages } from '../../messages/types.ts';

/** Messages of the 施策シート findings. */
export const planMeasuresMessages: LocalisedMessages = {
  ja: {
    'plan-measures/indicator-kind-unknown': (p) =>
      p['kind']
        ? '{cell} の指標の種類「{kind}」（{name}）は、{kinds} のいずれでもありません。指標の種類を選び直してください。'
        : '{cell} の指標の種類が空欄です（{name}）。{kinds} のいずれかを記入してください。',
    'plan-measures/baseline-year-missing':
      '{cell} の現状値「{raw}」（{name}）に年度がありません。「86.5（2019）」のように、いつの値かを括弧で記入してください。',
    'plan-measures/target-below-baseline':
      '{cell} の目標値「{target}」が現状値「{baseline}」を下回っています（{name}）。値が小さいほど良い指標なら「未満」「以下」を添え、そうでなければ目標値を見直してください。',
    'plan-measures/role-missing':
      '{cell}: 各主体の役割に「{actor}」の期待される役割が記入されていません。{actor}の行を設けて役割を記入してください。',
  },
  en: {
    'plan-measures/indicator-kind-unknown': (p) =>
      p['kind']
        ? '{cell}: 指標の種類 "{kind}" ({name}) is not one of {kinds}.'
        : '{cell}: 指標の種類 is empty ({name}); use one of {kinds}.',
    'plan-measures/baseline-year-missing': '{cell}: 現状値 "{raw}" ({name}) does not say which year it is from.',
    'plan-measures/target-below-baseline':
      '{cell}: target "{target}" is below the baseline "{baseline}" ({name}) without 未満/以下 to say lower is better.',
    'plan-measures/role-missing': '{cell}: 各主体の役割 gives no expected role for {actor}.',
  },
};
