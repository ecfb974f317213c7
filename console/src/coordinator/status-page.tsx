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
import { StatusBadge } from '../status-badge.tsx';
import { usePolling } from '../use-polling.ts';
import { jst } from '../words.ts';

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
  num: { textAlign: 'right', whiteSpace: 'nowrap' },
  file: { overflowWrap: 'anywhere', maxWidth: '260px' },
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

/** Error and warning counts mean something only for a file that was read and checked. */
function counted(latest: SubmissionSummary | null): latest is SubmissionSummary {
  return latest !== null && (latest.status === 'accepted' || latest.status === 'rejected');
}

/** The ward's own sheet (区の組織目標): its own row, above the divisions, never counted as one. */
function WardSheetRow({ row, ward }: { row: DivisionRow; ward: string }) {
  const styles = useStyles();
  return (
    <section aria-labelledby="ward-sheet-title" className={styles.wardSheet}>
      <h3 id="ward-sheet-title" style={{ margin: 0 }}>
        区の組織目標（{ward}）
      </h3>
      <StatusBadge status={row.status} />
      <Text>
        {row.latest
          ? `${row.latest.fileName ?? '（名前なし）'}（${jst(row.latest.receivedAt)} 受付）`
          : '提出はまだありません'}
      </Text>
      {row.reason && <Text className={styles.reason}>理由: {row.reason}</Text>}
      {row.counted && (
        <Text className={styles.reason}>
          集計に使う版: {row.counted.fileName ?? '（名前なし）'}（{jst(row.counted.receivedAt)} 受付）
        </Text>
      )}
      {row.latest && (
        <Link href={`#/submissions/${row.latest.id}`} className="no-print" aria-label="区の組織目標の提出を開く">
          開く
        </Link>
      )}
      <Link href="#/ward-sheet" className="no-print">
        {row.latest ? '提出し直す' : '提出する'}
      </Link>
    </section>
  );
}

/** 提出状況: the ward sheet's row, one row per expected division with the ledger's word; counts at the top; updates itself. */
export function StatusPage({ me }: { me: Me }) {
  const styles = useStyles();
  const [status, setStatus] = useState<WardStatus | null>(null);
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    Promise.all([api.wardStatus(), api.history()]).then(
      ([s, h]) => {
        setStatus(s);
        setHistory(h);
        setError(null);
      },
      (err: unknown) => setError(err instanceof ApiError ? err.message : '提出状況を読み込めませんでした。'),
    );
  }, []);
  useEffect(load, [load]);
  // While a file is being processed every 1.5 s, otherwise every 3 s (new submissions); never while hidden or unattended.
  usePolling(load, status?.busy ? 1500 : 3000, status !== null);

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
        <Text>{`${me.ward.name}\u3000${me.ward.fiscalYearLabel}`}</Text>
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
      <WardSheetRow row={status.wardSheet} ward={me.ward.name} />
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
            {status.rows.map((row) => (
              <tr key={row.division} data-division={row.division}>
                <th scope="row" className={styles.td} style={{ textAlign: 'left', fontWeight: 'normal' }}>
                  {row.division}
                  {!row.expected && <Text size={200}>（設定にない課）</Text>}
                </th>
                <td className={styles.td}>
                  <StatusBadge status={row.status} />
                </td>
                <td className={styles.td}>{row.latest ? jst(row.latest.receivedAt) : '—'}</td>
                <td className={`${styles.td} ${styles.file}`}>
                  {row.latest ? (row.latest.fileName ?? '（名前なし）') : '—'}
                  {row.reason && (
                    <Text block size={200} className={styles.reason}>
                      理由: {row.reason}
                    </Text>
                  )}
                  {row.counted && (
                    <Text block size={200} className={styles.reason}>
                      集計に使う版: {row.counted.fileName ?? '（名前なし）'}（{jst(row.counted.receivedAt)} 受付）
                    </Text>
                  )}
                </td>
                <td className={styles.td}>{row.latest?.division ?? '—'}</td>
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
    </section>
  );
}
