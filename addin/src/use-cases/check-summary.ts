import { errorText } from './error-text.ts';
import type { SheetView } from './sheet-view.ts';

/** What the ribbon's シートをチェック tells staff when it is done (it has no pane to show the list in). */
export interface CheckSummary {
  title: string;
  body: string;
}

export function checkSummary(view: SheetView): CheckSummary {
  if (!view.form)
    return {
      title: '様式を認識できません',
      body: `シート「${view.sheet}」は目標シートの様式として認識できませんでした。様式のシートを開いてからもう一度お試しください。`,
    };
  const { error, warning, info } = view.counts;
  if (error + warning + info === 0)
    return { title: 'チェックしました', body: `シート「${view.sheet}」に問題は見つかりませんでした。` };
  const outcome = view.outcome;
  const where = !outcome?.marked
    ? (outcome?.writeError ?? (outcome?.protected ? 'シートが保護されているため、注釈は付けていません。' : ''))
    : outcome.mode === 'notes'
      ? '色を付けたセルのメモで内容を確認できます。'
      : outcome.mode === 'comments'
        ? '色を付けたセルのコメントで内容を確認できます。'
        : '';
  return {
    title: 'チェックしました',
    body: `エラー ${error}件、警告 ${warning}件、情報 ${info}件が見つかりました。${where}一覧はホーム タブの［目標シート］で開けます。`,
  };
}

export function failureSummary(error: unknown): CheckSummary {
  return { title: 'チェックできませんでした', body: errorText(error) };
}
