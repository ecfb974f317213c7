import { Button, CounterBadge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Severity } from '../shared/model/finding.ts';
import { messageWithoutCell, SEVERITY_LABEL, type FindingView } from './finding-text.ts';

const useStyles = makeStyles({
  group: { marginBlock: '8px' },
  heading: { display: 'flex', alignItems: 'center', gap: '6px', marginBlock: '4px' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  item: {
    justifyContent: 'flex-start',
    alignItems: 'flex-start',
    textAlign: 'left',
    width: '100%',
    maxWidth: '100%',
    minWidth: 0,
    minHeight: '32px',
    height: 'auto',
    paddingBlock: '4px',
    paddingInline: '4px',
    fontWeight: 'normal',
    gap: '6px',
  },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    minWidth: '3.2em',
    flexShrink: 0,
    color: tokens.colorNeutralForeground2,
  },
  message: { minWidth: 0, overflowWrap: 'anywhere', wordBreak: 'break-word' },
});

const BADGE: Record<Severity, 'danger' | 'important' | 'informative'> = {
  error: 'danger',
  warning: 'important',
  info: 'informative',
};

export interface FindingsListProps {
  findings: FindingView[];
  counts: Record<Severity, number>;
  /** Called with the cell and the finding (whose `sheet` says where, when the source named it). */
  onSelect: (cell: string, finding: FindingView) => void;
  /** Shown when there are no findings; null shows nothing (a sheet that is not a form was not checked). */
  emptyText?: string | null;
  /** The sheet being shown: findings on other sheets carry their sheet's name. */
  currentSheet?: string;
}

/** Findings grouped by severity with counts; each cell-bound finding selects its cell when chosen. */
export function FindingsList({
  findings,
  counts,
  onSelect,
  emptyText = '問題は見つかりませんでした。',
  currentSheet,
}: FindingsListProps) {
  const styles = useStyles();
  if (findings.length === 0) return emptyText === null ? null : <Text role="status">{emptyText}</Text>;
  return (
    <section aria-label="チェック結果">
      {(['error', 'warning', 'info'] as const)
        .filter((s) => counts[s] > 0)
        .map((severity) => (
          <div key={severity} className={styles.group} data-severity={severity}>
            <h2 className={styles.heading} id={`findings-${severity}`}>
              <Text weight="semibold">{SEVERITY_LABEL[severity]}</Text>
              <CounterBadge
                count={counts[severity]}
                overflowCount={Number.MAX_SAFE_INTEGER}
                color={
                  BADGE[severity] === 'important'
                    ? 'important'
                    : BADGE[severity] === 'danger'
                      ? 'danger'
                      : 'informative'
                }
                aria-label={`${SEVERITY_LABEL[severity]} ${counts[severity]}件`}
              />
            </h2>
            <ul className={styles.list} aria-labelledby={`findings-${severity}`}>
              {findings
                .filter((f) => f.severity === severity)
                .map((f) => {
                  const where =
                    f.sheet && f.sheet !== currentSheet ? `${f.sheet}!${f.cell ?? ''}` : (f.cell ?? 'シート');
                  return (
                    <li key={f.key}>
                      <Button
                        appearance="subtle"
                        className={styles.item}
                        disabled={!f.cell}
                        aria-label={
                          f.cell ? `${where}: ${messageWithoutCell(f.message, f.cell)}（セルを選択）` : f.message
                        }
                        onClick={() => f.cell && onSelect(f.cell, f)}
                        data-cell={f.cell ?? ''}
                      >
                        <span className={styles.cell}>{where}</span>
                        <span className={styles.message}>{messageWithoutCell(f.message, f.cell)}</span>
                      </Button>
                    </li>
                  );
                })}
            </ul>
          </div>
        ))}
    </section>
  );
}
