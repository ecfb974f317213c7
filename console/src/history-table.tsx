import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { HistoryEntry } from './api.ts';
import { StatusBadge } from './status-badge.tsx';
import { jst } from './words.ts';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', background: tokens.colorNeutralBackground1 },
  th: {
    textAlign: 'left',
    padding: '6px 8px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: 'nowrap',
    fontWeight: tokens.fontWeightSemibold,
  },
  td: { padding: '6px 8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' },
  hash: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  wrap: { overflowX: 'auto' },
});

/** Every submission, newest first: when, which file, its status, its fingerprint and what replaced it. */
export function HistoryTable({
  entries,
  caption,
  showDivision,
}: {
  entries: readonly HistoryEntry[];
  caption: string;
  showDivision: boolean;
}) {
  const styles = useStyles();
  if (entries.length === 0) return <p>まだ提出はありません。</p>;
  return (
    <div className={styles.wrap}>
      <table className={styles.table}>
        <caption style={{ position: 'absolute', left: '-9999px' }}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.th}>
              受付日時
            </th>
            {showDivision && (
              <th scope="col" className={styles.th}>
                課
              </th>
            )}
            <th scope="col" className={styles.th}>
              ファイル
            </th>
            <th scope="col" className={styles.th}>
              状況
            </th>
            <th scope="col" className={styles.th}>
              エラー / 警告
            </th>
            <th scope="col" className={styles.th}>
              差し替え
            </th>
            <th scope="col" className={styles.th}>
              SHA-256
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td className={styles.td}>
                <Link href={`#/submissions/${e.id}`}>{jst(e.receivedAt)}</Link>
              </td>
              {showDivision && (
                <td className={styles.td} style={{ whiteSpace: 'nowrap' }}>
                  {e.division}
                </td>
              )}
              <td className={styles.td}>{e.fileName ?? '（名前なし）'}</td>
              <td className={styles.td}>
                <StatusBadge status={e.status} />
              </td>
              <td className={styles.td}>
                {e.status === 'accepted' || e.status === 'rejected' ? `${e.errors} / ${e.warnings}` : '—'}
              </td>
              <td className={styles.td}>
                {e.supersededBy ? <Link href={`#/submissions/${e.supersededBy}`}>後の提出で差し替え</Link> : '最新'}
              </td>
              <td className={`${styles.td} ${styles.hash}`} title={e.sha256}>
                {e.sha256.slice(0, 12)}…
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
