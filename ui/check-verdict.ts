/**
 * What a check before 提出 means for the submission — the words the web console's 確認と提出 page shows,
 * so the pane and the console say the same thing for the same sheet: errors mean 差戻し.
 */
export const CHECK_VERDICT = {
  accepted: 'このまま提出できます',
  rejected: 'このままでは差戻しになります',
} as const;
