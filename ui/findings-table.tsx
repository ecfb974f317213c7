import { CounterBadge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Severity } from '../shared/model/finding.ts';
import { SEVERITY_LABEL } from './finding-text.ts';

/** A finding as a read-only list shows it: where (sheet and cell) and what, in Japanese. */
export interface PlacedFinding {
  severity: Severity;
  code: string;
  sheet: string;
  cell: string | null;
  message: string;
}

const useStyles = makeStyles({
  group: { marginBlock: '12px' },
  heading: { display: 'flex', alignItems: 'center', gap: '8px', margin: '0 0 4px', fontSize: tokens.fontSizeBase400 },
  table: { borderCollapse: 'collapse', width: '100%', backgroundColor: tokens.colorNeutralBackground1 },
  th: {
    textAlign: 'left',
    padding: '6px 8px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
  },
  td: { padding: '6px 8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' },
  where: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'nowrap', color: tokens.colorNeutralForeground2 },
});

const BADGE: Record<Severity, 'danger' | 'important' | 'informative'> = {
  error: 'danger',
  warning: 'important',
  info: 'informative',
};

/**
 * Findings grouped by severity (エラー, 警告, 情報), each with its sheet and cell: the web console's
 * read-only counterpart of FindingsList (which selects cells in Excel).
 */
export function FindingsTable({
  findings,
  idPrefix = 'findings',
}: {
  findings: readonly PlacedFinding[];
  idPrefix?: string;
}) {
  const styles = useStyles();
  if (findings.length === 0) return <Text role="status">問題は見つかりませんでした。</Text>;
  const sheets = new Set(findings.map((f) => f.sheet));
  return (
    <section aria-label="チェック結果">
      {(['error', 'warning', 'info'] as const).map((severity) => {
        const list = findings.filter((f) => f.severity === severity);
        if (list.length === 0) return null;
        const id = `${idPrefix}-${severity}`;
        return (
          <div key={severity} className={styles.group} data-severity={severity}>
            <h3 className={styles.heading} id={id}>
              {SEVERITY_LABEL[severity]}
              <CounterBadge count={list.length} overflowCount={999} color={BADGE[severity]} aria-hidden />
              <span style={{ position: 'absolute', left: '-9999px' }}>{list.length}件</span>
            </h3>
            <table className={styles.table} aria-labelledby={id}>
              <thead>
                <tr>
                  <th scope="col" className={styles.th}>
                    場所
                  </th>
                  <th scope="col" className={styles.th}>
                    内容
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.map((f, i) => (
                  <tr key={`${i}:${f.code}`} data-cell={f.cell ?? ''}>
                    <td className={`${styles.td} ${styles.where}`}>
                      {sheets.size > 1 ? `${f.sheet}!` : ''}
                      {f.cell ?? 'シート全体'}
                    </td>
                    <td className={styles.td}>{f.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}
