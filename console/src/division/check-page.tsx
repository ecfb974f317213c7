import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Textarea,
  Title2,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { FindingsTable } from '../../../ui/findings-table.tsx';
import { collectingText, recognitionFacts } from '../../../ui/recognition-text.ts';
import {
  api,
  ApiError,
  saveDownload,
  type CheckResult,
  type HistoryEntry,
  type Me,
  type SubmissionDetail,
} from '../api.ts';
import { HistoryTable } from '../history-table.tsx';
import { OwnStatusBox } from '../own-status.tsx';
import { StatusBadge } from '../status-badge.tsx';
import { usePolling } from '../use-polling.ts';

/** Longest 提出メモ the server keeps (worker/console-server/cookies.ts MEMO_MAX; longer is refused). */
const MEMO_MAX = 500;

const useStyles = makeStyles({
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: '24px',
    background: tokens.colorNeutralBackground1,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: '12px',
    textAlign: 'center',
  },
  dragging: { border: `2px dashed ${tokens.colorBrandStroke1}`, background: tokens.colorBrandBackground2 },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)' },
  actions: { display: 'flex', gap: '12px', flexWrap: 'wrap', alignItems: 'center', margin: '16px 0' },
  section: { marginTop: '24px' },
  facts: { display: 'flex', flexWrap: 'wrap', gap: '4px 24px', margin: '8px 0 0', padding: 0 },
  fact: { display: 'flex', gap: '6px', margin: 0 },
  factLabel: { color: tokens.colorNeutralForeground3 },
  memo: { display: 'flex', flexDirection: 'column', gap: '4px', marginTop: '16px', maxWidth: '640px' },
});

const VERDICT: Record<CheckResult['status'], { intent: 'success' | 'warning' | 'error'; title: string; body: string }> =
  {
    accepted: {
      intent: 'success',
      title: 'このまま提出できます',
      body: 'エラーはありません。警告があれば内容を確かめてから「提出」を押してください。',
    },
    rejected: {
      intent: 'warning',
      title: 'このままでは差戻しになります',
      body: '直してから、もう一度ファイルを選んでください。',
    },
    unreadable: { intent: 'error', title: 'このファイルは読み込めません', body: '' },
  };

/** What the check read, beside what this ward collects: form, body, year, division, indicators. */
function Recognised({ result }: { result: CheckResult }) {
  const styles = useStyles();
  if (result.recognised.length === 0) return null;
  return (
    <div className={styles.section}>
      <h3>読み取った内容</h3>
      <Text block>この取りまとめ: {collectingText(result.collecting)}</Text>
      {result.recognised.map((r, i) => (
        <dl key={i} className={styles.facts} aria-label={`読み取った内容 ${i + 1}`}>
          {recognitionFacts(r).map((f) => (
            <div key={f.label} className={styles.fact}>
              <dt className={styles.factLabel}>{f.label}</dt>
              <dd style={{ margin: 0 }}>{f.value}</dd>
            </div>
          ))}
        </dl>
      ))}
    </div>
  );
}

/**
 * 確認と提出: choose or drop a workbook → what was read and its findings → marked copy → 提出 → verdict;
 * the history. A division checks and submits its own sheet; the coordinator, the ward's own sheet (区の組織目標).
 */
export function CheckPage({ me }: { me: Me }) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [busy, setBusy] = useState<null | 'check' | 'copy' | 'submit'>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [submitted, setSubmitted] = useState<SubmissionDetail | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  const [memo, setMemo] = useState('');
  // Characters as the server counts them (code points of the trimmed memo).
  const memoLength = [...memo.trim()].length;
  const memoTooLong = memoLength > MEMO_MAX;
  const verdictRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) verdictRef.current?.focus();
  }, [result]);
  const finalStatus = submitted && submitted.status !== 'processing' ? submitted.status : null;
  useEffect(() => {
    if (finalStatus) resultRef.current?.focus();
  }, [finalStatus]);

  // Bumped whenever the history is read again, so the own-status box follows the same verdict.
  const [seen, setSeen] = useState(0);
  const coordinator = me.role === 'coordinator';
  const loadHistory = useCallback(() => {
    // The coordinator's page is the ward sheet's: only what the coordinator sent, not the divisions' files.
    api.history().then(
      (h) => {
        setHistory(h.filter((e) => e.byCoordinator === coordinator));
        setSeen((n) => n + 1);
      },
      () => undefined,
    );
  }, [coordinator]);
  useEffect(loadHistory, [loadHistory]);

  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    setResult(null);
    setSubmitted(null);
    setError(null);
    setBusy('check');
    try {
      setResult(await api.check(chosen));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'ファイルを確認できませんでした。');
    } finally {
      setBusy(null);
    }
  };

  // A workbook dropped anywhere on the page is checked (not opened by the browser instead).
  const chooseRef = useRef(choose);
  chooseRef.current = choose;
  useEffect(() => {
    const over = (e: DragEvent) => e.preventDefault();
    const drop = (e: DragEvent) => {
      e.preventDefault();
      setDragging(false);
      void chooseRef.current(e.dataTransfer?.files[0]);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  const copy = async () => {
    if (!file) return;
    setBusy('copy');
    setError(null);
    try {
      saveDownload(await api.checkMarkedCopy(file));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '注釈付きコピーを作れませんでした。');
    } finally {
      setBusy(null);
    }
  };

  const submit = async () => {
    if (!file) return;
    setBusy('submit');
    setError(null);
    try {
      const { id } = await api.submit(file, memo.trim() || undefined);
      setMemo('');
      setSubmitted(await api.submission(id));
      loadHistory();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '提出できませんでした。');
    } finally {
      setBusy(null);
    }
  };

  usePolling(
    () => {
      if (!submitted) return;
      api.submission(submitted.id).then(
        (d) => {
          setSubmitted(d);
          if (d.status !== 'processing') loadHistory();
        },
        () => undefined,
      );
    },
    1500,
    submitted?.status === 'processing',
  );

  const verdict = result ? VERDICT[result.status] : null;
  const ward = me.role === 'coordinator';
  return (
    <section aria-labelledby="check-title">
      <Title2 as="h2" id="check-title">
        {ward ? '区の組織目標の提出' : '確認と提出'}
      </Title2>
      <p>
        <Text>
          {ward
            ? `${me.ward.name}の組織目標シート（重点目標・目標数・達成数を書いた Excel ブック）を選ぶと、提出する前に内容をチェックします。`
            : `${me.division}の目標シート（Excel ブック）を選ぶと、提出する前に内容をチェックします。`}
          この確認ではファイルは保存されません。
        </Text>
      </p>
      <OwnStatusBox label={ward ? '区の組織目標の状況' : `${me.division}の状況`} version={seen} />
      <div
        className={mergeClasses(styles.drop, dragging && styles.dragging)}
        onDragOver={() => setDragging(true)}
        onDragLeave={() => setDragging(false)}
        role="region"
        aria-label="ドロップ先"
        data-testid="drop-zone"
      >
        <Text>ここに Excel ブック（.xlsx）をドロップするか、</Text>
        <label htmlFor="workbook-file" className={styles.hidden}>
          確認するブック（Excel の .xlsx ファイル）
        </label>
        <input
          id="workbook-file"
          ref={input}
          type="file"
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className={styles.hidden}
          tabIndex={-1}
          onChange={(e) => {
            void choose(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <Button appearance="primary" onClick={() => input.current?.click()} disabled={busy !== null}>
          ファイルを選ぶ
        </Button>
        {file && <Text>選んだファイル: {file.name}</Text>}
      </div>
      {busy === 'check' && <Spinner label="チェックしています…" style={{ marginTop: '16px' }} />}
      {error && (
        <MessageBar intent="error" role="alert" style={{ marginTop: '16px' }}>
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {result && verdict && (
        <div className={styles.section}>
          {/* Focus moves here when the check is done, so a keyboard or screen-reader user hears the verdict. */}
          <div ref={verdictRef} tabIndex={-1}>
            <MessageBar intent={verdict.intent} role="status">
              <MessageBarBody>
                <MessageBarTitle>{verdict.title}</MessageBarTitle>
                {result.status === 'accepted' ? verdict.body : `${result.reason ?? ''} ${verdict.body}`}
              </MessageBarBody>
            </MessageBar>
          </div>
          {result.status !== 'unreadable' && (
            <div className={styles.memo}>
              <label htmlFor="submission-memo">{`提出メモ（任意。集計担当に伝えたいこと。${MEMO_MAX} 文字まで）`}</label>
              {/* No maxLength: a longer paste is kept whole and named, never cut silently. */}
              <Textarea
                id="submission-memo"
                value={memo}
                resize="vertical"
                placeholder="例: 修正版です。指標3の目標値を直しました。"
                onChange={(_e, d) => setMemo(d.value)}
                disabled={busy !== null || submitted !== null}
                aria-describedby="submission-memo-count"
                aria-invalid={memoTooLong}
              />
              <Text
                id="submission-memo-count"
                size={200}
                aria-live="polite"
                style={memoTooLong ? { color: tokens.colorPaletteRedForeground1, fontWeight: 600 } : undefined}
              >
                {memoTooLong
                  ? `${memoLength} / ${MEMO_MAX} 文字 — 提出メモが ${memoLength - MEMO_MAX} 文字多すぎます。${MEMO_MAX} 文字以内に短くしてください。`
                  : `${memoLength} / ${MEMO_MAX} 文字`}
              </Text>
            </div>
          )}
          <div className={styles.actions}>
            {result.status !== 'unreadable' && (
              <Button onClick={copy} disabled={busy !== null}>
                注釈付きコピーをダウンロード
              </Button>
            )}
            <Button
              appearance="primary"
              onClick={submit}
              // A file the check says would be sent back is not submitted: the verdict above says what to fix.
              disabled={busy !== null || result.status !== 'accepted' || submitted !== null || memoTooLong}
            >
              提出
            </Button>
            {busy === 'submit' && <Spinner size="tiny" label="送信中…" />}
          </div>
          <Recognised result={result} />
          {result.status !== 'unreadable' && (
            <>
              <h3>チェック結果</h3>
              {result.status === 'rejected' && result.findings.length === 0 ? (
                <Text role="status">セルごとの指摘はありません。差戻しになる理由は上のとおりです。</Text>
              ) : (
                <FindingsTable findings={result.findings} idPrefix="check" />
              )}
            </>
          )}
        </div>
      )}
      {submitted && (
        <div className={styles.section} aria-live="polite">
          <h3>提出の結果</h3>
          {submitted.status === 'processing' ? (
            <Spinner size="small" label="受け付けました。チェックしています…" />
          ) : (
            <div ref={resultRef} tabIndex={-1}>
              <MessageBar intent={submitted.status === 'accepted' ? 'success' : 'error'} role="status">
                <MessageBarBody>
                  <MessageBarTitle>
                    <StatusBadge status={submitted.status} />
                  </MessageBarTitle>
                  {submitted.status === 'accepted'
                    ? '提出を受理しました。集計にはこの版の数値を使います。'
                    : (submitted.reason ?? '提出は差し戻されました。')}
                </MessageBarBody>
              </MessageBar>
            </div>
          )}
        </div>
      )}
      <div className={styles.section}>
        <h3>提出の履歴</h3>
        <HistoryTable entries={history} caption="提出の履歴" showDivision={false} />
      </div>
    </section>
  );
}
