import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { HistoryEntry } from './api.ts';
import { StatusBadge } from './status-badge.tsx';
import { fileNameOf, jst } from './words.ts';

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
  file: { overflowWrap: 'anywhere', maxWidth: '280px', minWidth: '120px' },
  nowrap: { whiteSpace: 'nowrap' },
  hash: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  wrap: { overflowX: 'auto' },
});

/** Whether a version's figures count: the ledger's counted one says so even when a later one was sent back. */
function Use({ entry }: { entry: HistoryEntry }) {
  if (entry.counted) return <>集計に使う版{entry.supersededBy ? '（後の提出は集計に使えません）' : ''}</>;
  if (entry.supersededBy) return <Link href={`#/submissions/${entry.supersededBy}`}>後の提出で差し替え</Link>;
  return <>最新（集計に使いません）</>;
}

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
              集計
            </th>
            <th
              scope="col"
              className={styles.th}
              title="ファイルの中身から計算した値（ファイルの指紋）です。同じ値なら同じファイルです。"
            >
              指紋（SHA-256）
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td className={`${styles.td} ${styles.nowrap}`}>
                <Link href={`#/submissions/${e.id}`}>{jst(e.receivedAt)}</Link>
              </td>
              {showDivision && <td className={`${styles.td} ${styles.nowrap}`}>{e.division}</td>}
              <td className={`${styles.td} ${styles.file}`}>{fileNameOf(e)}</td>
              <td className={styles.td}>
                <StatusBadge status={e.status} />
              </td>
              <td className={styles.td}>
                {e.status === 'accepted' || e.status === 'rejected' ? `${e.errors} / ${e.warnings}` : '—'}
              </td>
              <td className={styles.td} style={{ minWidth: '7em' }}>
                <Use entry={e} />
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
