import {
  Button,
  Divider,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Toolbar,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Phase } from '../../../shared/rules/index.ts';
import { FindingsList } from '../../../ui/findings-list.tsx';
import { countBySeverity, type FindingView } from '../../../ui/finding-text.ts';
import { checkActiveSheet } from '../use-cases/check-active-sheet.ts';
import { clearAnnotations } from '../use-cases/clear-annotations.ts';
import { errorText } from '../use-cases/error-text.ts';
import { startLiveRecheck, type LiveTrigger } from '../use-cases/live-recheck.ts';
import { selectFinding } from '../use-cases/select-finding.ts';
import type { SheetView } from '../use-cases/sheet-view.ts';
import { deadlineText, fetchDeadline, type CollectionDeadline } from '../use-cases/collection-deadline.ts';
import { consoleUrl, MEMO_MAX, submitWorkbook, type SubmissionView } from '../use-cases/submit-workbook.ts';
import { ActionQueue } from './action-queue.ts';
import { FormHeader } from './form-header.tsx';
import { LinkedText } from './linked-text.tsx';
import { PaneNotices } from './pane-notices.tsx';
import type { PaneDeps } from './pane-deps.ts';
import { SettingsPanel } from './settings-panel.tsx';
import { SubmissionStatus } from './submission-status.tsx';
import { SubmitConfirm, submitWarning, type SubmitWarning } from './submit-confirm.tsx';

const useStyles = makeStyles({
  // Excel's pane is 320–350 px wide by default: nothing may be wider than the pane.
  root: {
    padding: '6px 8px',
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '100vw',
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  toolbar: { flexWrap: 'wrap', padding: 0, gap: '4px', minWidth: 0 },
  phase: { display: 'flex', alignItems: 'center', gap: '8px', minWidth: 0 },
  select: { minWidth: 0, width: '12em', maxWidth: '100%' },
  submitLine: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: '8px', minWidth: 0 },
  memoToggle: { marginLeft: 'auto', fontSize: tokens.fontSizeBase200 },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** The task pane: event → use case → render. */
export function App({ deps }: { deps: PaneDeps }) {
  const styles = useStyles();
  const caps = deps.excel.capabilities;
  const [view, setView] = useState<SheetView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [submission, setSubmission] = useState<SubmissionView | null>(null);
  const [confirm, setConfirm] = useState<SubmitWarning | null>(null);
  const [editing, setEditing] = useState(false);
  const [phase, setPhase] = useState<Phase | 'auto'>('auto');
  // 提出メモ: kept until the intake has the file (202), then cleared for the next 提出.
  const [memo, setMemo] = useState('');
  const [memoOpen, setMemoOpen] = useState(false);
  // The collection's 提出期限, asked once the pane has a 提出先 and again after each 提出 or settings change.
  const [deadline, setDeadline] = useState<CollectionDeadline | null>(null);
  const [deadlineAsked, setDeadlineAsked] = useState(0);
  useEffect(() => {
    let live = true;
    void fetchDeadline({ settings: deps.settings.load(), fetch: deps.fetch }).then((d) => {
      if (live) setDeadline(d);
    });
    return () => {
      live = false;
    };
  }, [deps.settings, deps.fetch, deadlineAsked, submission?.status]);
  const latest = useRef<(trigger: 'user' | LiveTrigger) => Promise<void>>(async () => undefined);
  const queue = useMemo(
    () =>
      new ActionQueue({
        busy: setBusy,
        clearError: () => setError(null),
        error: (err) => setError(errorText(err)),
        live: (trigger) => latest.current(trigger),
      }),
    [],
  );

  const check = useCallback(
    (trigger: 'user' | LiveTrigger) =>
      queue.run(
        trigger === 'user' ? 'チェック中…' : null,
        async () => {
          if (trigger === 'user') setNotice(null);
          setView(await checkActiveSheet({ excel: deps.excel, trigger, ...(phase === 'auto' ? {} : { phase }) }));
        },
        trigger === 'user' ? 'live' : trigger,
      ),
    [queue, deps.excel, phase],
  );

  latest.current = check;
  useEffect(() => {
    if (caps.supported) void check('user');
  }, [check, caps.supported]);

  useEffect(() => {
    if (deps.liveDelayMs <= 0 || !caps.supported) return undefined;
    let live: { stop(): void } | undefined;
    let stopped = false;
    startLiveRecheck(deps.excel, (trigger) => latest.current(trigger), deps.liveDelayMs).then(
      (l) => {
        if (stopped) l.stop();
        else live = l;
      },
      (err: unknown) => setError(errorText(err)),
    );
    return () => {
      stopped = true;
      live?.stop();
    };
  }, [deps.excel, deps.liveDelayMs, caps.supported]);

  const clear = () =>
    queue.run('注釈を消しています…', async () => {
      const outcome = await clearAnnotations({ excel: deps.excel });
      const kept = [
        outcome.keptFills.length > 0
          ? `色を変更済みのセル（${outcome.keptFills.join('、')}）はそのままにしています。`
          : '',
        outcome.keptComments.length > 0
          ? `返信のあるコメント（${outcome.keptComments.join('、')}）は返信ごと消えるため、解決済みにして残しています。`
          : '',
      ].join('');
      setNotice(`注釈を消しました。${kept}`);
    });

  const submit = () =>
    queue.run('提出中…', async () => {
      setConfirm(null);
      setSubmission(null);
      try {
        await submitWorkbook({
          file: deps.file,
          excel: deps.excel,
          settings: deps.settings.load(),
          fetch: deps.fetch,
          canReadFile: caps.compressedFile,
          memo,
          onProgress: (v) => {
            if (v.id) {
              setMemo('');
              setMemoOpen(false);
            }
            setSubmission(v);
          },
        });
      } catch (err) {
        setSubmission(null);
        throw err;
      }
    });

  const askThenSubmit = () => {
    const warning = submitWarning(view);
    if (warning) setConfirm(warning);
    else void submit();
  };

  const select = (cell: string | null, finding: FindingView) =>
    void selectFinding({ excel: deps.excel }, cell, finding.sheet ?? view?.sheet ?? null).catch((err: unknown) =>
      setError(errorText(err)),
    );

  if (!caps.supported) {
    const url = consoleUrl(deps.settings.load().intakeUrl);
    return (
      <main className={styles.root}>
        <Text as="h1" size={500} weight="semibold">
          目標シート
        </Text>
        <MessageBar intent="warning" role="alert">
          <MessageBarBody>
            <LinkedText
              text={`この Excel のバージョンでは目標シート アドインを使えません（Microsoft 365 または Office LTSC 2021 以降が必要です）。シートの確認と提出は Web の提出ページ ${url} で行えます。`}
            />
          </MessageBarBody>
        </MessageBar>
      </main>
    );
  }

  // 提出 is possible once a 提出先 and a トークン are set: only then is there a 提出メモ to write.
  const settings = deps.settings.load();
  const canSubmit = settings.intakeUrl.trim() !== '' && settings.token.trim() !== '';

  return (
    <main className={styles.root}>
      <FormHeader view={view} />
      {(deadline || canSubmit) && (
        <div className={styles.submitLine}>
          {deadline && (
            <Text size={200} className={deadline.overdue ? styles.overdue : undefined} data-testid="deadline">
              {deadlineText(deadline)}
            </Text>
          )}
          {canSubmit && (
            <Link
              className={styles.memoToggle}
              as="button"
              onClick={() => setMemoOpen((o) => !o)}
              aria-expanded={memoOpen}
              aria-controls="submission-memo"
            >
              {memo.trim() ? 'メモ（記入あり）' : 'メモを添える'}
            </Link>
          )}
        </div>
      )}
      {canSubmit && memoOpen && (
        <Field label="提出メモ（任意。集計担当に伝えたいこと）" size="small">
          <Input
            id="submission-memo"
            size="small"
            value={memo}
            maxLength={MEMO_MAX}
            placeholder="例: 修正版です。指標3の目標値を直しました。"
            onChange={(_, d) => setMemo(d.value)}
            disabled={busy !== null}
            autoFocus
          />
        </Field>
      )}
      <Toolbar aria-label="操作" className={styles.toolbar} size="small">
        <Button appearance="primary" size="small" onClick={() => void check('user')} disabled={busy !== null}>
          再チェック
        </Button>
        <Button size="small" onClick={() => void clear()} disabled={busy !== null}>
          注釈を消す
        </Button>
        <Button size="small" onClick={askThenSubmit} disabled={busy !== null || confirm !== null}>
          提出
        </Button>
        <Button appearance="subtle" size="small" onClick={() => setEditing((e) => !e)} aria-expanded={editing}>
          設定
        </Button>
      </Toolbar>
      <div className={styles.phase}>
        <Field label="段階" orientation="horizontal" size="small">
          <Select
            className={styles.select}
            size="small"
            value={phase}
            onChange={(_, d) => setPhase(d.value as Phase | 'auto')}
          >
            <option value="auto">自動（評価日で判断）</option>
            <option value="planning">計画</option>
            <option value="evaluation">評価</option>
          </Select>
        </Field>
      </div>
      {editing && (
        <SettingsPanel
          initial={deps.settings.load()}
          onCancel={() => setEditing(false)}
          onSave={(s) => {
            deps.settings.save(s);
            setDeadlineAsked((n) => n + 1);
            setEditing(false);
            setNotice('設定を保存しました。');
          }}
        />
      )}
      {busy && (
        <div role="status" aria-live="polite">
          {busy}
        </div>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <LinkedText text={error} />
          </MessageBarBody>
        </MessageBar>
      )}
      {confirm && view && (
        <SubmitConfirm warning={confirm} view={view} onSubmit={() => void submit()} onCancel={() => setConfirm(null)} />
      )}
      {submission && <SubmissionStatus submission={submission} />}
      {submission && submission.findings.length > 0 && (
        <FindingsList
          title="提出先の確認結果"
          idPrefix="server"
          findings={submission.findings}
          counts={countBySeverity(submission.findings)}
          onSelect={select}
          emptyText={null}
          {...(view ? { currentSheet: view.sheet } : {})}
        />
      )}
      {notice && (
        <MessageBar intent="info">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      <PaneNotices
        view={view}
        caps={caps}
        onEvaluate={() => setPhase('evaluation')}
        asking={confirm === 'not-a-form'}
      />
      <Divider />
      {view && (
        <FindingsList
          title="このシートの確認結果"
          idPrefix="sheet"
          findings={view.findings}
          counts={view.counts}
          onSelect={select}
          emptyText={view.form ? '問題は見つかりませんでした。' : null}
          currentSheet={view.sheet}
        />
      )}
    </main>
  );
}
