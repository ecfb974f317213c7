import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useEffect } from 'react';
import { CHECK_VERDICT } from '../../../ui/check-verdict.ts';
import type { SheetView } from '../use-cases/sheet-view.ts';

/** Why 提出 asks first: the sheet has errors (the intake will send it back), or it is not a form. */
export type SubmitWarning = 'errors' | 'not-a-form';

export function submitWarning(view: SheetView | null): SubmitWarning | null {
  if (!view) return null;
  if (!view.form) return 'not-a-form';
  return view.counts.error > 0 ? 'errors' : null;
}

/**
 * Asks before 提出 sends a workbook the intake will send back (the words of the web console's check:
 * 「このままでは差戻しになります」) or whose open sheet is not a form. やめる has the focus.
 */
export function SubmitConfirm({
  warning,
  view,
  onSubmit,
  onCancel,
}: {
  warning: SubmitWarning;
  view: SheetView;
  onSubmit: () => void;
  onCancel: () => void;
}) {
  useEffect(() => document.getElementById('submit-confirm-cancel')?.focus(), []);
  const title = warning === 'errors' ? CHECK_VERDICT.rejected : '様式として認識できないシートです';
  const body =
    warning === 'errors'
      ? `エラー ${view.counts.error}件を直してから提出してください。`
      : `開いているシート「${view.sheet}」は目標シートの様式として認識できませんでした。提出するブックが正しいか確認してください。`;
  return (
    <MessageBar
      intent="warning"
      layout="multiline"
      role="alertdialog"
      aria-labelledby="submit-confirm-title"
      aria-describedby="submit-confirm-body"
    >
      <MessageBarBody>
        <MessageBarTitle id="submit-confirm-title">{title}</MessageBarTitle>
        <div id="submit-confirm-body">{body}</div>
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" id="submit-confirm-cancel" appearance="primary" onClick={onCancel}>
          やめる
        </Button>
        <Button size="small" onClick={onSubmit}>
          このまま提出
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
