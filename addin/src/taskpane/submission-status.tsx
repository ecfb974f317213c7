import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { deadlineText } from '../use-cases/collection-deadline.ts';
import { submissionLabel, type SubmissionView } from '../use-cases/submit-workbook.ts';
import { LinkedText } from './linked-text.tsx';

const TEXT = {
  editing: 'セルの入力中です…',
  uploading: 'ブックを送信しています…',
  queued: '受付待ちです…',
  processing: '提出先で確認しています…',
} as const;

/** 提出期限 2021年4月30日（期限超過）: the deadline line the web console shows too, when the ward has one. */
function deadlineLine(verdict: SubmissionView['verdict']): string {
  if (!verdict?.deadline) return '';
  return ` ${deadlineText({ deadline: verdict.deadline, daysLeft: null, overdue: verdict.overdue === true })}。`;
}

/** Where the submission is, then the server's verdict; never a spinner once the pane stops asking. */
export function SubmissionStatus({ submission }: { submission: SubmissionView }) {
  const label = submission.id ? `提出番号 ${submissionLabel(submission)}` : '';
  // The ledger's word and reason, as the web console and the summary show them (one truth).
  const verdict = submission.verdict;
  if (submission.status === 'accepted') {
    return (
      <MessageBar intent="success">
        <MessageBarBody>
          <MessageBarTitle>{verdict?.status ?? '受理'}</MessageBarTitle>
          {verdict?.counted ? '集計にはこの版の数値を使います。' : ''}
          {label}
          {deadlineLine(verdict)}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (submission.status === 'rejected') {
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>{verdict?.status ?? '差戻し'}</MessageBarTitle>
          {verdict?.reason ??
            submission.error ??
            `エラー ${submission.findings.filter((f) => f.severity === 'error').length}件を直して再提出してください。`}{' '}
          {label}
          {deadlineLine(verdict)}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (submission.status === 'editing') {
    return (
      <MessageBar intent="warning" aria-live="polite">
        <MessageBarBody>
          <MessageBarTitle>セルの入力中です</MessageBarTitle>
          入力中のセルを Enter キーで確定してください。確定すると提出を続けます。
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (submission.status === 'unconfirmed') {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle>提出は受け付けられました</MessageBarTitle>
          <LinkedText text={submission.error ?? ''} /> {label}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <Spinner
      size="tiny"
      label={submission.id ? `${TEXT[submission.status]}（${label}）` : TEXT[submission.status]}
      aria-live="polite"
    />
  );
}
