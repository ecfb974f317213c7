import { Button, Divider, Field, MessageBar, MessageBarBody, Select, Toolbar, makeStyles } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Phase } from '../../../shared/rules/index.ts';
import { checkActiveSheet } from '../use-cases/check-active-sheet.ts';
import { clearAnnotations } from '../use-cases/clear-annotations.ts';
import { errorText } from '../use-cases/error-text.ts';
import { startLiveRecheck } from '../use-cases/live-recheck.ts';
import { selectFinding } from '../use-cases/select-finding.ts';
import type { SheetView } from '../use-cases/sheet-view.ts';
import { submitWorkbook, type SubmissionView } from '../use-cases/submit-workbook.ts';
import { FindingsList } from '../../../ui/findings-list.tsx';
import { FormHeader } from './form-header.tsx';
import type { PaneDeps } from './pane-deps.ts';
import { SettingsPanel } from './settings-panel.tsx';
import { SubmissionStatus } from './submission-status.tsx';

const useStyles = makeStyles({
  root: { padding: '8px 12px', display: 'flex', flexDirection: 'column', gap: '8px' },
  toolbar: { flexWrap: 'wrap', padding: 0 },
});

const MODE_NOTE = {
  comments: 'この Excel ではメモを書き込めないため、コメントで表示しています。',
  'list-only': 'この Excel ではシートに印を付けられないため、一覧のみ表示しています。',
} as const;

/** The task pane: event → use case → render. */
export function App({ deps }: { deps: PaneDeps }) {
  const styles = useStyles();
  const [view, setView] = useState<SheetView | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [submission, setSubmission] = useState<SubmissionView | null>(null);
  const [editing, setEditing] = useState(false);
  const [phase, setPhase] = useState<Phase | 'auto'>('auto');
  const running = useRef(false);

  const act = useCallback(async (label: string, work: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(label);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(errorText(err));
    } finally {
      running.current = false;
      setBusy(null);
    }
  }, []);

  const recheck = useCallback(() => act('チェック中…', async () => {
    setNotice(null);
    setView(await checkActiveSheet({ excel: deps.excel, ...(phase === 'auto' ? {} : { phase }) }));
  }), [act, deps.excel, phase]);

  const latest = useRef(recheck);
  latest.current = recheck;
  useEffect(() => {
    void recheck();
  }, [recheck]);

  useEffect(() => {
    if (deps.liveDelayMs <= 0) return undefined;
    let live: { stop(): void } | undefined;
    startLiveRecheck(deps.excel, () => latest.current(), deps.liveDelayMs).then((l) => { live = l; }, (err: unknown) => setError(errorText(err)));
    return () => live?.stop();
  }, [deps.excel, deps.liveDelayMs]);

  const clear = () => act('注釈を消しています…', async () => {
    const outcome = await clearAnnotations({ excel: deps.excel });
    setNotice(outcome.keptFills.length > 0 ? `注釈を消しました。色を変更済みのセル（${outcome.keptFills.join('、')}）はそのままにしています。` : '注釈を消しました。');
  });

  const submit = () => act('提出中…', async () => {
    setSubmission(null);
    await submitWorkbook({ file: deps.file, settings: deps.settings.load(), fetch: deps.fetch, onProgress: setSubmission });
  });

  const select = (cell: string) => void selectFinding({ excel: deps.excel }, cell).catch((err: unknown) => setError(errorText(err)));
  const mode = view?.outcome?.mode;

  return (
    <main className={styles.root}>
      <FormHeader view={view} />
      <Toolbar aria-label="操作" className={styles.toolbar}>
        <Button appearance="primary" onClick={() => void recheck()} disabled={busy !== null}>再チェック</Button>
        <Button onClick={() => void clear()} disabled={busy !== null}>注釈を消す</Button>
        <Button onClick={() => void submit()} disabled={busy !== null}>提出</Button>
        <Button appearance="subtle" onClick={() => setEditing((e) => !e)} aria-expanded={editing}>設定</Button>
      </Toolbar>
      <Field label="段階" orientation="horizontal">
        <Select value={phase} onChange={(_, d) => setPhase(d.value as Phase | 'auto')}>
          <option value="auto">自動（評価日があれば評価）</option>
          <option value="planning">計画</option>
          <option value="evaluation">評価</option>
        </Select>
      </Field>
      {busy && <div role="status" aria-live="polite">{busy}</div>}
      {error && <MessageBar intent="error" role="alert"><MessageBarBody>{error}</MessageBarBody></MessageBar>}
      {notice && <MessageBar intent="info"><MessageBarBody>{notice}</MessageBarBody></MessageBar>}
      {mode && mode !== 'notes' && <MessageBar intent="warning"><MessageBarBody>{MODE_NOTE[mode]}</MessageBarBody></MessageBar>}
      {editing && <SettingsPanel initial={deps.settings.load()} onCancel={() => setEditing(false)} onSave={(s) => { deps.settings.save(s); setEditing(false); setNotice('設定を保存しました。'); }} />}
      {submission && <SubmissionStatus submission={submission} />}
      {submission && submission.findings.length > 0 && <FindingsList findings={submission.findings} counts={countOf(submission)} onSelect={select} />}
      <Divider />
      {view && <FindingsList findings={view.findings} counts={view.counts} onSelect={select} />}
    </main>
  );
}

function countOf(submission: SubmissionView) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of submission.findings) counts[f.severity]++;
  return counts;
}
