import type { LocalisedMessages } from '../messages/types.ts';

/** Whose and which sheet a submission is, against the ward-year collecting it and who sent it. */
export const submissionMessages: LocalisedMessages = {
  ja: {
    'submission/other-body':
      'このシートは{body}のシートです（{cell} の記載）。この取りまとめは{ward}です。{ward}のシートを提出してください。',
    'submission/other-year':
      'このシートは{year}のシートです（{cell} の記載）。この取りまとめは{expected}です。{expected}のシートを提出してください。',
    'submission/blank': '記入がありません（様式のままのシートです）。指標や内容を記入してから提出してください。',
    'identity.ward-sheet':
      '区の組織目標シート（重点目標）は区の集計担当だけが提出できます。{division}のトークンでは提出できません。集計担当に提出を依頼してください。',
    'identity.coordinator-division-sheet':
      '課のシート（組織名「{organization}」）は、その課の提出用トークンで提出してください。集計担当が提出できるのは区の組織目標シートだけです。',
    'identity.division-mismatch': (p) =>
      `シートの組織名「{organization}」が、提出した課「{division}」と一致しません。${p['owner'] ? '{owner}のシートは{owner}が提出します。' : ''}自分の課のシートを提出してください。`,
    'identity.duplicate-content':
      'このファイルと中身がまったく同じファイルが、{divisions}からも提出されています。自分の課のシートを提出したか確かめてください（取りまとめ担当にも同じ表示が出ています）。',
  },
  en: {
    'submission/other-body': 'This is a sheet of {body} ({cell}); this collection is for {ward}.',
    'submission/other-year': 'This is a sheet of {year} ({cell}); this collection is for {expected}.',
    'submission/blank': 'Nothing is filled in: this is the blank form.',
    'identity.ward-sheet': "Only the ward's coordinator submits the ward's own sheet, not {division}.",
    'identity.coordinator-division-sheet':
      "A division's sheet ({organization}) is submitted with that division's token, not the coordinator's.",
    'identity.division-mismatch': 'The sheet names {organization}, but it was submitted by {division}.',
    'identity.duplicate-content': 'The same file (SHA-256) was also submitted by {divisions}.',
  },
};
