import { Button, CounterBadge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Severity } from '../shared/model/finding.ts';
import { SEVERITY_LABEL, type FindingView } from './finding-text.ts';

const useStyles = makeStyles({
  group: { marginBlock: '8px' },
  heading: { display: 'flex', alignItems: 'center', gap: '6px', marginBlock: '4px' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  item: { justifyContent: 'flex-start', textAlign: 'left', width: '100%', minHeight: '32px', height: 'auto', paddingBlock: '4px', fontWeight: 'normal' },
  cell: { fontFamily: tokens.fontFamilyMonospace, minWidth: '3.5em', color: tokens.colorNeutralForeground2 },
});

const BADGE: Record<Severity, 'danger' | 'important' | 'informative'> = { error: 'danger', warning: 'important', info: 'informative' };

/** Findings grouped by severity with counts; each cell-bound finding selects its cell when chosen. */
export function FindingsList({ findings, counts, onSelect }: { findings: FindingView[]; counts: Record<Severity, number>; onSelect: (cell: string) => void }) {
  const styles = useStyles();
  if (findings.length === 0) return <Text role="status">問題は見つかりませんでした。</Text>;
  return (
    <section aria-label="チェック結果">
      {(['error', 'warning', 'info'] as const).filter((s) => counts[s] > 0).map((severity) => (
        <div key={severity} className={styles.group} data-severity={severity}>
          <h2 className={styles.heading} id={`findings-${severity}`}>
            <Text weight="semibold">{SEVERITY_LABEL[severity]}</Text>
            <CounterBadge count={counts[severity]} color={BADGE[severity] === 'important' ? 'important' : BADGE[severity] === 'danger' ? 'danger' : 'informative'} aria-label={`${SEVERITY_LABEL[severity]} ${counts[severity]}件`} />
          </h2>
          <ul className={styles.list} aria-labelledby={`findings-${severity}`}>
            {findings.filter((f) => f.severity === severity).map((f) => (
              <li key={f.key}>
                <Button
                  appearance="subtle"
                  className={styles.item}
                  disabled={!f.cell}
                  aria-label={f.cell ? `${f.cell}: ${f.message}（セルを選択）` : f.message}
                  onClick={() => f.cell && onSelect(f.cell)}
                  data-cell={f.cell ?? ''}
                >
                  <span className={styles.cell}>{f.cell ?? 'シート'}</span>
                  <span>{f.message}</span>
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
