import {
  Button,
  Checkbox,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  Title2,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  api,
  ApiError,
  type DivisionRow,
  type HistoryEntry,
  type Me,
  type SubmissionSummary,
  type WardStatus,
} from '../api.ts';
import { HistoryTable } from '../history-table.tsx';
import { OverdueBadge } from '../overdue-badge.tsx';
import { StatusBadge } from '../status-badge.tsx';
import { usePolling } from '../use-polling.ts';
import { fileNameOf, jst, versionText } from '../words.ts';
import { SummaryPage } from './summary-page.tsx';
import { YearPanel } from './year-panel.tsx';

const useStyles = makeStyles({
  counts: { display: 'flex', gap: '12px', flexWrap: 'wrap', margin: '12px 0 16px' },
  count: {
    background: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '8px 12px',
    flex: '1 1 0',
    minWidth: '88px',
    maxWidth: '180px',
    whiteSpace: 'nowrap',
  },
  number: {
    fontSize: tokens.fontSizeHero700,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightHero700,
  },
  table: { borderCollapse: 'collapse', width: '100%', background: tokens.colorNeutralBackground1 },
  th: {
    textAlign: 'left',
    padding: '8px',
    borderBottom: `2px solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: 'nowrap',
    fontWeight: tokens.fontWeightSemibold,
  },
  td: { padding: '8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'middle' },
  division: { whiteSpace: 'nowrap', textAlign: 'left', fontWeight: 'normal' },
  badges: { display: 'flex', gap: '4px', flexWrap: 'nowrap', whiteSpace: 'nowrap' },
  tools: { display: 'flex', gap: '12px', alignItems: 'center', flexWrap: 'wrap', margin: '0 0 8px' },
  num: { textAlign: 'right', whiteSpace: 'nowrap' },
  // One line per row at 800 px with 40 divisions: the file name (and each note under it) is cut with an
  // ellipsis; the full text is in the title (tooltip) and stays the cell's accessible text.
  file: { maxWidth: '200px', minWidth: '120px' },
  line: {
    display: 'block',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    maxWidth: '200px',
  },
  narrow: { maxWidth: '120px' },
  notes: { display: 'flex', alignItems: 'baseline', gap: '2px', maxWidth: '200px' },
  nowrap: { whiteSpace: 'nowrap' },
  open: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', minWidth: '200px', maxWidth: '420px' },
  more: {
    minWidth: 'auto',
    padding: '0 4px',
    height: 'auto',
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'nowrap',
    flexShrink: 0,
  },
  wrap: { overflowX: 'auto' },
  bar: { display: 'flex', alignItems: 'center', gap: '12px', flexWrap: 'wrap' },
  reason: { color: tokens.colorNeutralForeground3, maxWidth: '260px', marginTop: '2px' },
  wardSheet: {
    display: 'flex',
    alignItems: 'center',
    gap: '12px',
    flexWrap: 'wrap',
    padding: '8px 12px',
    margin: '0 0 16px',
    background: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

type Order = 'config' | 'status' | 'received' | 'name';
const STATUS_ORDER: Record<DivisionRow['status'], number> = {
  missing: 0,
  rejected: 1,
  unreadable: 2,
  processing: 3,
  accepted: 4,
};

/** The rows to show: 未提出だけ keeps those still without a usable sheet; the order the clerk chose. */
function arrange(rows: readonly DivisionRow[], order: Order, onlyMissing: boolean): DivisionRow[] {
  const shown = onlyMissing
    ? rows.filter((r) => r.status === 'missing' || r.status === 'rejected' || r.status === 'unreadable')
    : [...rows];
  if (order === 'status')
    return shown.sort(
      (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || Number(b.overdue) - Number(a.overdue),
    );
  if (order === 'received')
    return shown.sort((a, b) => (b.latest?.receivedAt ?? '').localeCompare(a.latest?.receivedAt ?? ''));
  if (order === 'name') return shown.sort((a, b) => a.division.localeCompare(b.division, 'ja'));
  return shown;
}

/** Error and warning counts mean something only for a file that was read and checked. */
function counted(latest: SubmissionSummary | null): latest is SubmissionSummary {
  return latest !== null && (latest.status === 'accepted' || latest.status === 'rejected');
}

/** A text on one line, cut with an ellipsis; the whole of it in the tooltip (and read out in full). */
function OneLine({ text, note = false, narrow = false }: { text: string; note?: boolean; narrow?: boolean }) {
  const styles = useStyles();
  return (
    <Text
      block
      truncate
      wrap={false}
      size={note ? 200 : 300}
      className={mergeClasses(styles.line, note && styles.reason, narrow && styles.narrow)}
      title={text}
    >
      {text}
    </Text>
  );
}

/**
 * The notes under a file name — 理由, 提出メモ, 集計に使う版 — folded into one line (cut with an ellipsis, the
 * whole in the tooltip), with 全文 to read every note in full in place (and 閉じる to fold them again).
 */
function Notes({ notes, division }: { notes: string[]; division: string }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  if (notes.length === 0) return null;
  const joined = notes.join(' ／ ');
  const long = notes.length > 1 || [...joined].length > 24;
  return (
    <span className={styles.notes}>
      {open ? (
        <span className={styles.open}>
          {notes.map((n) => (
            <Text block size={200} key={n} className={styles.reason}>
              {n}
            </Text>
          ))}
        </span>
      ) : (
        <Text size={200} truncate wrap={false} className={mergeClasses(styles.reason, styles.line)} title={joined}>
          {/* Each note its own element (理由: … read as such), on the one line. */}
          {notes.map((n, i) => (
            <span key={n}>
              {i > 0 && <span aria-hidden="true"> ／ </span>}
              <span>{n}</span>
            </span>
          ))}
        </Text>
      )}
      {long && (
        <Button
          appearance="transparent"
          size="small"
          className={mergeClasses(styles.more, 'no-print')}
          aria-expanded={open}
          aria-label={open ? `${division}のメモと理由を閉じる` : `${division}のメモと理由を全文表示`}
          onClick={() => setOpen(!open)}
        >
          {open ? '閉じる' : '全文'}
        </Button>
      )}
    </span>
  );
}

/** The ward's own sheet (区の組織目標): its own row, above the divisions, never counted as one. */
function WardSheetRow({ row, ward, past }: { row: DivisionRow; ward: string; past: boolean }) {
  const styles = useStyles();
  return (
    <section aria-labelledby="ward-sheet-title" className={styles.wardSheet}>
      <h3 id="ward-sheet-title" style={{ margin: 0 }}>
        区の組織目標（{ward}）
      </h3>
      <StatusBadge status={row.status} />
      {row.overdue && <OverdueBadge />}
      <Text>{row.latest ? versionText(row.latest) : '提出はまだありません'}</Text>
      {row.reason && <Text className={styles.reason}>理由: {row.reason}</Text>}
      {row.counted && <Text className={styles.reason}>集計に使う版: {versionText(row.counted)}</Text>}
      {row.latest && (
        <Link href={`#/submissions/${row.latest.id}`} className="no-print" aria-label="区の組織目標の提出を開く">
          開く
        </Link>
      )}
      {!past && (
        <Link href="#/ward-sheet" className="no-print">
          {row.latest ? '提出し直す' : '提出する'}
        </Link>
      )}
    </section>
  );
}

/** 提出状況: the ward sheet's row, one row per expected division with the ledger's word; counts at the top; updates itself. */
export function StatusPage({ me }: { me: Me }) {
  const styles = useStyles();
  const [status, setStatus] = useState<WardStatus | null>(null);
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyMissing, setOnlyMissing] = useState(false);
  const [order, setOrder] = useState<Order>('config');
  // Another fiscal year to look back at (undefined: the year being collected).
  const [year, setYear] = useState<number | undefined>(undefined);
  const [years, setYears] = useState<{ fiscalYear: number; label: string; current: boolean }[]>([]);
  useEffect(() => {
    api.years().then(setYears, () => undefined);
  }, []);
  const load = useCallback(() => {
    Promise.all([api.wardStatus(year), api.history(year)]).then(
      ([s, h]) => {
        setStatus(s);
        setHistory(h);
        setError(null);
      },
      (err: unknown) => setError(err instanceof ApiError ? err.message : '提出状況を読み込めませんでした。'),
    );
  }, [year]);
  useEffect(load, [load]);
  // While a file is being processed every 1.5 s, otherwise every 3 s (new submissions); never while hidden or unattended.
  usePolling(load, status?.busy ? 1500 : 3000, status !== null);
  const rows = useMemo(() => (status ? arrange(status.rows, order, onlyMissing) : []), [status, order, onlyMissing]);

  if (!status)
    return error ? (
      <MessageBar intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    ) : (
      <Spinner label="読み込み中…" />
    );
  const { counts } = status;
  const box = (label: string, n: number, extra?: string) => (
    <div className={styles.count} key={label}>
      <Text block>{label}</Text>
      <span className={styles.number}>{n}</span>
      {extra && <Text> {extra}</Text>}
    </div>
  );
  return (
    <section aria-labelledby="status-title">
      <div className={styles.bar}>
        <Title2 as="h2" id="status-title">
          提出状況
        </Title2>
        <Text>{`${me.ward.name}\u3000${status.ward.fiscalYearLabel}`}</Text>
        {years.length > 1 && (
          <span className="no-print" style={{ display: 'inline-flex', gap: '8px', alignItems: 'center' }}>
            <label htmlFor="status-year">年度</label>
            <Select
              id="status-year"
              value={String(year ?? me.ward.fiscalYear)}
              onChange={(_e, d) => {
                const y = Number(d.value);
                setYear(y === me.ward.fiscalYear ? undefined : y);
              }}
            >
              {years.map((y) => (
                <option key={y.fiscalYear} value={y.fiscalYear}>
                  {y.current ? `${y.label}（受付中）` : y.label}
                </option>
              ))}
            </Select>
          </span>
        )}
        {status.busy && <Spinner size="tiny" label="処理中の提出があります（自動で更新します）" />}
        <Button className="no-print" onClick={() => window.print()}>
          印刷
        </Button>
      </div>
      {error && (
        <MessageBar intent="warning">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.counts} role="group" aria-label="件数">
        {box('提出', counts.submitted, `/ 全 ${counts.expected} 課`)}
        {box('受理', counts.accepted)}
        {box('差戻し', counts.rejected)}
        {box('読込不可', counts.unreadable)}
        {box('処理中', counts.processing)}
        {box('未提出', counts.missing)}
      </div>
      {year === undefined ? (
        <YearPanel status={status} onChanged={load} />
      ) : (
        <MessageBar intent="info" className="no-print" style={{ marginBottom: '16px' }}>
          <MessageBarBody>
            {`${status.ward.fiscalYearLabel}の提出状況を表示しています（過去の年度。受付中は${me.ward.fiscalYearLabel}です）。`}
          </MessageBarBody>
        </MessageBar>
      )}
      <WardSheetRow row={status.wardSheet} ward={me.ward.name} past={year !== undefined} />
      <div className={`${styles.tools} no-print`} role="group" aria-label="表示の切り替え">
        <Checkbox
          label="未提出だけ（未提出・差戻し・読込不可）"
          checked={onlyMissing}
          onChange={(_e, d) => setOnlyMissing(d.checked === true)}
        />
        <label htmlFor="status-order">並べ替え</label>
        <Select id="status-order" value={order} onChange={(_e, d) => setOrder(d.value as Order)}>
          <option value="config">設定の順</option>
          <option value="status">状況の順（未提出から）</option>
          <option value="received">受付日時の新しい順</option>
          <option value="name">課名の順</option>
        </Select>
        <Text>{`${rows.length} / ${status.rows.length} 課を表示`}</Text>
      </div>
      <div className={styles.wrap}>
        <table className={styles.table} aria-labelledby="status-title">
          <thead>
            <tr>
              <th scope="col" className={styles.th}>
                課
              </th>
              <th scope="col" className={styles.th}>
                状況
              </th>
              <th scope="col" className={styles.th}>
                受付日時
              </th>
              <th scope="col" className={styles.th}>
                ファイル
              </th>
              <th scope="col" className={styles.th}>
                提出した課
              </th>
              <th scope="col" className={`${styles.th} ${styles.num}`}>
                エラー
              </th>
              <th scope="col" className={`${styles.th} ${styles.num}`}>
                警告
              </th>
              <th scope="col" className={`${styles.th} no-print`}>
                詳細
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.division} data-division={row.division}>
                <th scope="row" className={`${styles.td} ${styles.division}`}>
                  {row.division}
                  {!row.expected && <Text size={200}>（設定にない課）</Text>}
                </th>
                <td className={styles.td}>
                  <span className={styles.badges}>
                    <StatusBadge status={row.status} />
                    {row.overdue && <OverdueBadge />}
                  </span>
                </td>
                <td className={mergeClasses(styles.td, styles.nowrap)}>
                  {row.latest ? jst(row.latest.receivedAt) : '—'}
                </td>
                <td className={mergeClasses(styles.td, styles.file)}>
                  {row.latest ? <OneLine text={fileNameOf(row.latest)} /> : '—'}
                  <Notes
                    division={row.division}
                    notes={[
                      ...(row.reason ? [`理由: ${row.reason}`] : []),
                      ...(row.latest?.memo ? [`提出メモ: ${row.latest.memo}`] : []),
                      ...(row.counted ? [`集計に使う版: ${versionText(row.counted)}`] : []),
                    ]}
                  />
                </td>
                <td className={mergeClasses(styles.td, styles.nowrap)}>
                  {row.latest ? <OneLine text={row.latest.division} narrow /> : '—'}
                </td>
                <td className={`${styles.td} ${styles.num}`}>{counted(row.latest) ? row.latest.errors : '—'}</td>
                <td className={`${styles.td} ${styles.num}`}>{counted(row.latest) ? row.latest.warnings : '—'}</td>
                <td className={`${styles.td} no-print`}>
                  {row.latest ? (
                    <Link href={`#/submissions/${row.latest.id}`} aria-label={`${row.division}の提出を開く`}>
                      開く
                    </Link>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="history-title" style={{ marginTop: '32px' }}>
        提出の履歴
      </h2>
      {history && <HistoryTable entries={history} caption="提出の履歴" showDivision />}
      {/* 集計 right under the statuses: the clerk checks who is in, then builds, on one page (for the year shown). */}
      <div className="no-print" style={{ marginTop: '32px' }}>
        <SummaryPage
          me={me}
          past={year === undefined ? undefined : { fiscalYear: year, label: status.ward.fiscalYearLabel }}
        />
      </div>
    </section>
  );
}
