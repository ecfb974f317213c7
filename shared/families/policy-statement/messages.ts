import type { LocalisedMessages } from '../../messages/types.ts';

/** Messages of the 方針書 findings. */
export const policyStatementMessages: LocalisedMessages = {
  ja: {
    'policy-statement/section-missing':
      '「{no}．{section}」の欄が見つかりません。様式の項目を削除していないか確認してください。',
    'policy-statement/section-empty': '{cell} の「{no}．{section}」が記入されていません。',
    'policy-statement/priority-outcome-missing':
      '{cell}: 重点取組項目（{no}）の「実現したい成果」が記入されていません。',
    'policy-statement/priority-actions-missing':
      '{cell}: 重点取組項目（{no}）の「取組内容」が記入されていません。①②…の形で具体的な取組を記入してください。',
    'policy-statement/policy-mismatch': (p) =>
      p['side'] === 'priority'
        ? '{cell}: 重点取組項目（{no}）の実現したい成果「{text}」が、今年度の方針に挙げられていません。方針と重点取組項目をそろえてください。'
        : '{cell}: 今年度の方針「{text}」に対応する重点取組項目がありません。方針と重点取組項目をそろえてください。',
    'policy-statement/report-missing':
      '{cell}: 「{sectionNo}．{section}」に重点取組項目（{no}）「{outcome}」についての記述がありません。（{no}）の見出しを付けて記入してください。',
  },
  en: {
    'policy-statement/section-missing': 'section {no} ({section}) is not on the sheet.',
    'policy-statement/section-empty': '{cell}: section {no} ({section}) is empty.',
    'policy-statement/priority-outcome-missing': '{cell}: priority ({no}) has no 実現したい成果.',
    'policy-statement/priority-actions-missing': '{cell}: priority ({no}) has no 取組内容.',
    'policy-statement/policy-mismatch': (p) =>
      p['side'] === 'priority'
        ? '{cell}: the outcome of priority ({no}) "{text}" is not in 今年度の方針.'
        : '{cell}: 今年度の方針 "{text}" has no matching priority.',
    'policy-statement/report-missing':
      '{cell}: section {sectionNo} ({section}) says nothing about priority ({no}) "{outcome}".',
  },
};
