import {
  Button,
  Divider,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Toolbar,
  makeStyles,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Phase } from '../../../shared/rules/index.ts';
import { checkActiveSheet } from '../use-cases/check-active-sheet.ts';
import { clearAnnotations } from '../use-cases/clear-annotations.ts';
import { errorText } from '../use-cases/error-text.ts';
import { startLiveRecheck } from '../use-cases/live-recheck.ts';
import { selectFinding } from '../use-cases/select-finding.ts';
import type { SheetView } from '../use-cases/sheet-view.ts';
import { consoleUrl, submitWorkbook, type SubmissionView } from '../use-cases/submit-workbook.ts';
import { FindingsList } from '../../../ui/findings-list.tsx';
import type { FindingView } from '../../../ui/finding-text.ts';
import { FormHeader } from './form-header.tsx';
import type { PaneDeps } from './pane-deps.ts';
import { SettingsPanel } from './settings-panel.tsx';
import { SubmissionStatus } from './submission-status.tsx';

const useStyles = makeStyles({
  // Excel's pane is 320–350 px wide by default: nothing may be wider than the pane.
  root: {
    padding: '6px 10px',
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
  select: { minWidth: 0, width: '7.5em' },
});

const MODE_NOTE = {
  comments: 'この Excel ではメモを書き込めないため、コメントで表示しています。',
  'list-only': 'この Excel ではシートに印を付けられないため、一覧のみ表示しています。',
} as const;

const NOT_A_FORM =
  'このシートは目標シートの様式として認識できませんでした。様式のシートを開いてから［再チェック］を押してください。提出する前に、正しいブックか確認してください。';

/** The task pane: event → use case → render. */
export function App({ deps }: { deps: PaneDeps }) {
  const styles = useStyles();
  const caps = deps.excel.capabilities;
  const [view, setView] = useState<SheetView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [submission, setSubmission] = useState<SubmissionView | null>(null);
  const [editing, setEditing] = useState(false);
  const [phase, setPhase] = useState<Phase | 'auto'>('auto');
  const running = useRef(false);
  /** A live re-check that arrived while another action ran: it runs once that action ends. */
  const liveWaiting = useRef(false);
  const latest = useRef<(trigger: 'user' | 'live') => Promise<void>>(async () => undefined);

  const act = useCallback(async (label: string | null, work: () => Promise<void>) => {
    if (running.current) {
      if (label === null) liveWaiting.current = true;
      return;
    }
    running.current = true;
    if (label) setBusy(label);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(errorText(err));
    } finally {
      running.current = false;
      setBusy(null);
      if (liveWaiting.current) {
        liveWaiting.current = false;
        setTimeout(() => void latest.current('live'), 0);
      }
    }
  }, []);

  const check = useCallback(
    (trigger: 'user' | 'live') =>
      act(trigger === 'user' ? 'チェック中…' : null, async () => {
        if (trigger === 'user') setNotice(null);
        setView(await checkActiveSheet({ excel: deps.excel, trigger, ...(phase === 'auto' ? {} : { phase }) }));
      }),
    [act, deps.excel, phase],
  );

  latest.current = check;
  useEffect(() => {
    if (caps.supported) void check('user');
  }, [check, caps.supported]);

  useEffect(() => {
    if (deps.liveDelayMs <= 0 || !caps.supported) return undefined;
    let live: { stop(): void } | undefined;
    let stopped = false;
    startLiveRecheck(deps.excel, () => latest.current('live'), deps.liveDelayMs).then(
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
    act('注釈を消しています…', async () => {
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
    act('提出中…', async () => {
      setSubmission(null);
      try {
        await submitWorkbook({
          file: deps.file,
          settings: deps.settings.load(),
          fetch: deps.fetch,
          canReadFile: caps.compressedFile,
          onProgress: setSubmission,
        });
      } catch (err) {
        setSubmission(null);
        throw err;
      }
    });

  const select = (cell: string, finding: FindingView) =>
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
            この Excel のバージョンでは目標シート アドインを使えません（Microsoft 365 または Office LTSC 2021
            以降が必要です）。シートの確認と提出は Web の提出ページ {url} で行えます。
          </MessageBarBody>
        </MessageBar>
      </main>
    );
  }

  const mode = view?.outcome?.mode;
  const listOnlyWhileTyping = view?.outcome && !view.outcome.marked && caps.fills;
  return (
    <main className={styles.root}>
      <FormHeader view={view} />
      <Toolbar aria-label="操作" className={styles.toolbar} size="small">
        <Button appearance="primary" size="small" onClick={() => void check('user')} disabled={busy !== null}>
          再チェック
        </Button>
        <Button size="small" onClick={() => void clear()} disabled={busy !== null}>
          注釈を消す
        </Button>
        <Button size="small" onClick={() => void submit()} disabled={busy !== null}>
          提出
        </Button>
        <Button appearance="subtle" size="small" onClick={() => setEditing((e) => !e)} aria-expanded={editing}>
          設定
        </Button>
      </Toolbar>
      <div className={styles.phase}>
        <Field
          label="段階"
          orientation="horizontal"
          size="small"
          {...(phase === 'auto' ? { hint: '評価日があれば評価' } : {})}
        >
          <Select
            className={styles.select}
            size="small"
            value={phase}
            onChange={(_, d) => setPhase(d.value as Phase | 'auto')}
          >
            <option value="auto">自動</option>
            <option value="planning">計画</option>
            <option value="evaluation">評価</option>
          </Select>
        </Field>
      </div>
      {busy && (
        <div role="status" aria-live="polite">
          {busy}
        </div>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="info">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {view && !view.form && (
        <MessageBar intent="warning">
          <MessageBarBody>{NOT_A_FORM}</MessageBarBody>
        </MessageBar>
      )}
      {mode && mode !== 'notes' && view?.outcome?.marked && (
        <MessageBar intent="info">
          <MessageBarBody>{MODE_NOTE[mode]}</MessageBarBody>
        </MessageBar>
      )}
      {listOnlyWhileTyping && (
        <MessageBar intent="info">
          <MessageBarBody>
            この Excel
            では印を付けると「元に戻す」の履歴が消えるため、入力中は一覧だけを更新しています。シートの印は［再チェック］で更新します。
          </MessageBarBody>
        </MessageBar>
      )}
      {editing && (
        <SettingsPanel
          initial={deps.settings.load()}
          onCancel={() => setEditing(false)}
          onSave={(s) => {
            deps.settings.save(s);
            setEditing(false);
            setNotice('設定を保存しました。');
          }}
        />
      )}
      {submission && <SubmissionStatus submission={submission} />}
      {submission && submission.findings.length > 0 && (
        <FindingsList
          findings={submission.findings}
          counts={countOf(submission)}
          onSelect={select}
          emptyText={null}
          {...(view ? { currentSheet: view.sheet } : {})}
        />
      )}
      <Divider />
      {view && (
        <FindingsList
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

function countOf(submission: SubmissionView) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of submission.findings) counts[f.severity]++;
  return counts;
}
