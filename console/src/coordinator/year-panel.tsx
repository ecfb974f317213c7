import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, type ReminderPreview, type WardStatus, type YearInfo } from '../api.ts';
import { dateText, daysLeftText, jst } from '../words.ts';
import { TableHead } from '../table-head.tsx';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: '8px 16px',
    padding: '8px 12px',
    margin: '0 0 16px',
    background: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  deadline: { fontWeight: tokens.fontWeightSemibold },
  late: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  form: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  mail: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, padding: '8px 0' },
  body: {
    whiteSpace: 'pre-wrap',
    fontFamily: 'inherit',
    background: tokens.colorNeutralBackground3,
    padding: '8px',
    margin: '4px 0 0',
    fontSize: tokens.fontSizeBase200,
  },
  log: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  logWrap: { overflowX: 'auto', maxWidth: '100%' },
  cell: {
    textAlign: 'left',
    padding: '4px 8px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    // Japanese words stay whole (健康福祉課, 送信済み, 取纏花子): lines break at spaces and brackets only.
    wordBreak: 'keep-all',
  },
  nowrap: { whiteSpace: 'nowrap' },
});

/** 未提出（期限超過） as 未提出・期限超過, so a heading carries no nested brackets. */
export function mailStatusText(status: string): string {
  return status.replace(/（期限超過）$/, '・期限超過');
}

/** Mail addresses that break only after the @ (never at a hyphen), each kept whole otherwise. */
function Addresses({ list }: { list: readonly string[] }) {
  return (
    <>
      {list.map((a, i) => {
        const at = a.indexOf('@');
        return (
          <span key={`${a}-${i}`}>
            {i > 0 && ', '}
            {at < 0 ? (
              <span style={{ whiteSpace: 'nowrap' }}>{a}</span>
            ) : (
              <>
                <span style={{ whiteSpace: 'nowrap' }}>{a.slice(0, at + 1)}</span>
                <wbr />
                <span style={{ whiteSpace: 'nowrap' }}>{a.slice(at + 1)}</span>
              </>
            )}
          </span>
        );
      })}
    </>
  );
}

/** 督促メールを送る: a preview of every mail (to whom, what), then one button that sends them. */
function ReminderDialog({
  open,
  onClose,
  onSent,
}: {
  open: boolean;
  onClose: () => void;
  onSent: (n: string) => void;
}) {
  const styles = useStyles();
  const [preview, setPreview] = useState<ReminderPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  useEffect(() => {
    if (!open) return;
    setPreview(null);
    setError(null);
    api
      .reminders()
      .then(setPreview, (err: unknown) =>
        setError(err instanceof ApiError ? err.message : '督促メールの内容を作れませんでした。'),
      );
  }, [open]);
  const send = async () => {
    setSending(true);
    setError(null);
    try {
      const r = await api.sendReminders();
      onSent(
        r.failed > 0
          ? `督促メールを ${r.sent} 件送信しました。${r.failed} 件は送れませんでした（送信の記録を見てください）。`
          : `督促メールを ${r.sent} 件送信しました。`,
      );
      onClose();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '督促メールを送れませんでした。');
    } finally {
      setSending(false);
    }
  };
  const count = preview?.mails.length ?? 0;
  return (
    <Dialog open={open} onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby="reminder-summary" style={{ maxWidth: '760px' }}>
        <DialogBody>
          <DialogTitle>督促メールの確認</DialogTitle>
          <DialogContent>
            {error && (
              <MessageBar intent="error" role="alert">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
            {preview && (
              <>
                <Text block id="reminder-summary">
                  {count > 0
                    ? `未提出・差戻し・読込不可の ${count} 課に、次のメールを 1 通ずつ送ります。`
                    : '督促メールを送る課はありません（未提出・差戻し・読込不可でアドレスのある課がありません）。'}
                </Text>
                {preview.noAddress.length > 0 && (
                  <Text block style={{ marginTop: '4px' }}>
                    アドレスが設定されていないため送らない課: {preview.noAddress.join('、')}
                  </Text>
                )}
                {preview.mails.map((m) => (
                  <article key={m.division} className={styles.mail} aria-label={`${m.division}へのメール`}>
                    <Text block weight="semibold">
                      {m.division} — {mailStatusText(m.status)}
                    </Text>
                    <Text block>宛先: {m.to.join(', ')}</Text>
                    {preview.cc.length > 0 && <Text block>CC: {preview.cc.join(', ')}</Text>}
                    <Text block>件名: {m.subject}</Text>
                    <pre className={styles.body}>{m.body}</pre>
                  </article>
                ))}
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose}>
              閉じる
            </Button>
            <Button appearance="primary" onClick={send} disabled={sending || count === 0}>
              {`${count} 件送信する`}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** The coordinator's year above 提出状況: 提出期限 (change it), 督促メールを送る, automatic reminders, what was sent, the download. */
export function YearPanel({ status, onChanged }: { status: WardStatus; onChanged: () => void }) {
  const styles = useStyles();
  const [year, setYear] = useState<YearInfo | null>(null);
  const [editing, setEditing] = useState(false);
  const [date, setDate] = useState('');
  const [days, setDays] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState(false);
  const [log, setLog] = useState<ReminderPreview['log']>([]);
  const load = useCallback(() => {
    api.year().then(
      (y) => {
        setYear(y);
        setDays(y.reminderDaysBefore === null ? '' : String(y.reminderDaysBefore));
      },
      () => undefined,
    );
    api.reminders().then(
      (r) => setLog(r.log),
      () => undefined,
    );
  }, []);
  useEffect(load, [load]);
  const act = async (what: () => Promise<void>, done: string) => {
    setError(null);
    setNotice(null);
    try {
      await what();
      setNotice(done);
      setEditing(false);
      load();
      onChanged();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '保存できませんでした。');
    }
  };
  return (
    <section aria-label="提出期限と督促" className="year-panel">
      <div className={styles.panel}>
        <Text className={styles.deadline}>
          提出期限: {status.deadline ? dateText(status.deadline) : '設定なし'}
          {year?.daysLeft !== null && year?.daysLeft !== undefined && `（${daysLeftText(year.daysLeft)}）`}
        </Text>
        {status.counts.overdue > 0 && <Text className={styles.late}>期限超過 {status.counts.overdue} 課</Text>}
        {editing ? (
          <form
            className={`${styles.form} no-print`}
            onSubmit={(e) => {
              e.preventDefault();
              void act(() => api.setDeadline(date), `提出期限を ${dateText(date)} にしました。`);
            }}
          >
            <label htmlFor="deadline-input">新しい提出期限</label>
            <Input id="deadline-input" type="date" value={date} required onChange={(_e, d) => setDate(d.value)} />
            <Button type="submit" appearance="primary">
              保存
            </Button>
            {year?.configuredDeadline !== undefined && year.deadline !== year.configuredDeadline && (
              <Button
                onClick={() => void act(() => api.setDeadline(null), '提出期限を設定ファイルの日付に戻しました。')}
              >
                設定ファイルの期限に戻す
              </Button>
            )}
            <Button appearance="subtle" onClick={() => setEditing(false)}>
              やめる
            </Button>
          </form>
        ) : (
          <Button
            className="no-print"
            onClick={() => {
              setDate(status.deadline ?? '');
              setEditing(true);
            }}
          >
            提出期限を変更
          </Button>
        )}
        <span className="no-print" style={{ display: 'flex', gap: '12px', alignItems: 'center', flexWrap: 'wrap' }}>
          {year?.mailEnabled ? (
            <Button onClick={() => setDialog(true)}>督促メールを送る</Button>
          ) : (
            <Text size={200}>督促メール: メールの設定（mail）がないため送れません</Text>
          )}
          <Link href={api.urls.statusWorkbook()} download>
            提出状況をダウンロード
          </Link>
        </span>
      </div>
      {notice && (
        <MessageBar intent="success" role="status" className="no-print">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error" role="alert" className="no-print">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {year?.mailEnabled && (
        <details className="no-print" style={{ margin: '0 0 16px' }}>
          <summary>督促メールの予定と送信の記録（{log.length} 件）</summary>
          <form
            className={styles.form}
            style={{ margin: '8px 0' }}
            onSubmit={(e) => {
              e.preventDefault();
              const n = days.trim() === '' ? null : Number(days);
              void act(
                () => api.setReminderDays(n),
                n === null ? '自動の督促を止めました。' : `期限の ${n} 日前に自動で督促メールを送ります。`,
              );
            }}
          >
            <label htmlFor="reminder-days">自動で送る日（期限の何日前。空欄で送らない）</label>
            <Input
              id="reminder-days"
              type="number"
              min={0}
              max={60}
              value={days}
              style={{ width: '80px' }}
              onChange={(_e, d) => setDays(d.value)}
            />
            <Button type="submit">予定を保存</Button>
          </form>
          {log.length > 0 ? (
            <div className={styles.logWrap}>
              <table className={styles.log} aria-label="督促メールの送信の記録">
                <TableHead labels={['送信日時', '課', '宛先', '件名', '結果', '送った人']} className={styles.cell} />
                <tbody>
                  {log.map((l, i) => (
                    <tr key={i}>
                      <td className={styles.cell} style={{ whiteSpace: 'nowrap' }}>
                        {jst(l.at)}
                      </td>
                      <td className={mergeClasses(styles.cell, styles.nowrap)}>{l.division}</td>
                      <td className={styles.cell}>
                        <Addresses list={l.to} />
                        {l.cc && l.cc.length > 0 && (
                          <>
                            <br />
                            CC: <Addresses list={l.cc} />
                          </>
                        )}
                      </td>
                      <td className={styles.cell}>{l.subject}</td>
                      <td className={mergeClasses(styles.cell, l.ok && styles.nowrap)}>
                        {l.ok ? '送信済み' : (l.error ?? '送信できませんでした')}
                      </td>
                      <td className={mergeClasses(styles.cell, styles.nowrap)}>{l.by}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <Text block>まだ督促メールは送っていません。</Text>
          )}
        </details>
      )}
      <ReminderDialog
        open={dialog}
        onClose={() => setDialog(false)}
        onSent={(message) => {
          setNotice(message);
          load();
        }}
      />
    </section>
  );
}
