import { MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import type { SubmissionView } from '../use-cases/submit-workbook.ts';

const TEXT = { uploading: 'ブックを送信しています…', queued: '受付待ちです…', processing: '提出先で確認しています…' } as const;

/** Where the submission is, then the server's verdict. */
export function SubmissionStatus({ submission }: { submission: SubmissionView }) {
  if (submission.status === 'accepted') {
    return <MessageBar intent="success"><MessageBarBody><MessageBarTitle>受理されました</MessageBarTitle>提出番号 {submission.id}</MessageBarBody></MessageBar>;
  }
  if (submission.status === 'rejected') {
    return (
      <MessageBar intent="error">
        <MessageBarBody><MessageBarTitle>差し戻されました</MessageBarTitle>{submission.error ?? `エラー ${submission.findings.filter((f) => f.severity === 'error').length}件を直して再提出してください。`}</MessageBarBody>
      </MessageBar>
    );
  }
  return <Spinner size="tiny" label={TEXT[submission.status]} aria-live="polite" />;
}
