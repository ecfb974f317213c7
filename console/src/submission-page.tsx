import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Textarea,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { FindingsTable } from '../../ui/findings-table.tsx';
import { api, ApiError, type HistoryEntry, type Me, type SubmissionDetail } from './api.ts';
import { HistoryTable } from './history-table.tsx';
import { StatusBadge } from './status-badge.tsx';
import { usePolling } from './use-polling.ts';
import { STATUS_WORD, bytes, fileNameOf, jst } from './words.ts';

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
  sendBack: { display: 'flex', flexDirection: 'column', gap: '8px', maxWidth: '640px', margin: '12px 0' },
});

/** 差戻す: the coordinator sends a submission back with a required 理由 (the division sees it); or takes it back. */
function SendBack({ detail, onDone }: { detail: SubmissionDetail; onDone: () => void }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  // One press, one request: the buttons stay disabled while it is under way (a double click sends once).
  const [busy, setBusy] = useState(false);
  const inFlight = useRef(false);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  // After 差し戻す (or its undoing) the focus goes to what happened, not to <body>.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  const run = async (what: () => Promise<void>, done: string) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setError(null);
    setNotice(null);
    setBusy(true);
    try {
      await what();
      setOpen(false);
      setReason('');
      setNotice(done);
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '保存できませんでした。');
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };
  if (detail.status === 'processing') return null;
  const confirmation = notice && (
    <div ref={noticeRef} tabIndex={-1} role="status" aria-live="polite">
      <MessageBar intent="success">
        <MessageBarBody>{notice}</MessageBarBody>
      </MessageBar>
    </div>
  );
  if (detail.sentBack)
    return (
      <div className={`${styles.sendBack} no-print`}>
        {confirmation}
        <Button
          disabled={busy}
          onClick={() => void run(() => api.undoSendBack(detail.id), '差戻しを取り消しました。')}
          style={{ alignSelf: 'flex-start' }}
        >
          差戻しを取り消す
        </Button>
        {error && <Text role="alert">{error}</Text>}
      </div>
    );
  return (
    <div className={`${styles.sendBack} no-print`}>
      {confirmation}
      {open ? (
        <form
          className={styles.sendBack}
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () => api.sendBack(detail.id, reason),
              `差し戻しました（状況: 差戻し）。${detail.division}の画面に理由が表示されます。`,
            );
          }}
        >
          <label htmlFor="send-back-reason">理由（課に表示されます。必須）</label>
          <Textarea
            id="send-back-reason"
            value={reason}
            maxLength={500}
            resize="vertical"
            onChange={(_e, d) => setReason(d.value)}
            placeholder="例: 指標2の実績値が空欄です。記入して提出し直してください。"
          />
          <span style={{ display: 'flex', gap: '8px' }}>
            <Button type="submit" appearance="primary" disabled={busy || reason.trim() === ''}>
              差し戻す
            </Button>
            <Button disabled={busy} onClick={() => setOpen(false)}>
              やめる
            </Button>
          </span>
        </form>
      ) : (
        <Button onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }}>
          差戻す
        </Button>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

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
          {fileNameOf(detail)}（{bytes(detail.size)}）
        </dd>
        <dt className={styles.dt}>提出した課</dt>
        <dd className={styles.dd}>{detail.division}</dd>
        {detail.memo && (
          <>
            <dt className={styles.dt}>提出メモ</dt>
            <dd className={styles.dd}>{detail.memo}</dd>
          </>
        )}
        {detail.sentBack && (
          <>
            <dt className={styles.dt}>差戻し</dt>
            <dd className={styles.dd}>
              {jst(detail.sentBack.at)} {detail.sentBack.by ?? ''}：{detail.sentBack.reason}
            </dd>
          </>
        )}
        <dt className={styles.dt} title="ファイルの中身から計算した値です。同じ値なら同じファイルです。">
          SHA-256（ファイルの指紋）
        </dt>
        <dd className={styles.dd} style={{ fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 }}>
          {detail.sha256}
        </dd>
      </dl>
      {me.role === 'coordinator' && <SendBack detail={detail} onDone={load} />}
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
      ) : detail.status === 'unreadable' ? (
        <Text role="status">
          このファイルは読み込めなかったため、セルごとのチェックはしていません（理由は上の「状況」のとおりです）。
        </Text>
      ) : detail.status === 'rejected' && detail.findings.length === 0 ? (
        <Text role="status">セルごとの指摘はありません。差戻しの理由は上の「状況」のとおりです。</Text>
      ) : (
        <FindingsTable findings={detail.findings} idPrefix="detail" />
      )}
      <h3>この課の提出の履歴</h3>
      <HistoryTable entries={history} caption={`${detail.division}の提出の履歴`} showDivision={false} />
      {error && <Text role="alert">{error}</Text>}
    </section>
  );
}
