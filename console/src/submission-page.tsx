import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { FindingsTable } from '../../ui/findings-table.tsx';
import { api, ApiError, type HistoryEntry, type Me, type SubmissionDetail } from './api.ts';
import { HistoryTable } from './history-table.tsx';
import { StatusBadge } from './status-badge.tsx';
import { usePolling } from './use-polling.ts';
import { STATUS_WORD, bytes, jst } from './words.ts';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: '6px 16px',
    background: tokens.colorNeutralBackground1,
    padding: '16px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    margin: '12px 0',
  },
  dt: { fontWeight: tokens.fontWeightSemibold },
  dd: { margin: 0, wordBreak: 'break-all' },
  links: { display: 'flex', gap: '24px', flexWrap: 'wrap', margin: '12px 0' },
  top: { display: 'flex', alignItems: 'center', gap: '12px', flexWrap: 'wrap' },
});

/** One submission (also the target of the summary workbook's links, `#/submissions/<id>`): facts, findings, downloads, the division's history. */
export function SubmissionPage({ id, me, back }: { id: string; me: Me; back: () => void }) {
  const styles = useStyles();
  const [detail, setDetail] = useState<SubmissionDetail | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    Promise.all([api.submission(id), api.history()]).then(
      ([d, h]) => {
        setDetail(d);
        setHistory(h.filter((e) => e.division === d.division));
        setError(null);
      },
      (err: unknown) => setError(err instanceof ApiError ? err.message : '提出を読み込めませんでした。'),
    );
  }, [id]);
  useEffect(() => {
    setDetail(null);
    load();
  }, [load]);
  usePolling(load, 2000, detail?.status === 'processing');

  const backLabel = me.role === 'coordinator' ? '提出状況へ戻る' : '確認と提出へ戻る';
  if (error && !detail) {
    return (
      <>
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
        <Button onClick={back} style={{ marginTop: '12px' }}>
          {backLabel}
        </Button>
      </>
    );
  }
  if (!detail) return <Spinner label="読み込み中…" />;
  return (
    <section aria-labelledby="submission-title">
      <div className={styles.top}>
        <Button className="no-print" onClick={back}>
          {backLabel}
        </Button>
        <Title2 as="h2" id="submission-title">
          {detail.division}の提出
        </Title2>
        <StatusBadge status={detail.status} />
      </div>
      <dl className={styles.facts}>
        <dt className={styles.dt}>状況</dt>
        <dd className={styles.dd}>
          {STATUS_WORD[detail.status]}
          {detail.reason ? `：${detail.reason}` : ''}
        </dd>
        <dt className={styles.dt}>受付日時</dt>
        <dd className={styles.dd}>{jst(detail.receivedAt)}</dd>
        <dt className={styles.dt}>チェック完了</dt>
        <dd className={styles.dd}>{jst(detail.finishedAt)}</dd>
        <dt className={styles.dt}>ファイル</dt>
        <dd className={styles.dd}>
          {detail.fileName ?? '（名前なし）'}（{bytes(detail.size)}）
        </dd>
        <dt className={styles.dt}>提出した課</dt>
        <dd className={styles.dd}>{detail.division}</dd>
        <dt className={styles.dt}>SHA-256</dt>
        <dd className={styles.dd} style={{ fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 }}>
          {detail.sha256}
        </dd>
      </dl>
      <div className={`${styles.links} no-print`}>
        <Link href={api.urls.workbook(detail.id)} download>
          提出されたファイルをダウンロード
        </Link>
        {detail.status !== 'processing' && detail.findings.length > 0 && (
          <Link href={api.urls.markedCopy(detail.id)} download>
            注釈付きコピーをダウンロード
          </Link>
        )}
      </div>
      <h3>チェック結果</h3>
      {detail.status === 'processing' ? (
        <Spinner size="small" label="チェック中です（自動で更新します）" />
      ) : (
        <FindingsTable findings={detail.findings} idPrefix="detail" />
      )}
      <h3>この課の提出の履歴</h3>
      <HistoryTable entries={history} caption={`${detail.division}の提出の履歴`} showDivision={false} />
      {error && <Text role="alert">{error}</Text>}
    </section>
  );
}
