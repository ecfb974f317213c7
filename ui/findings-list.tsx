import { Button, CounterBadge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Severity } from '../shared/model/finding.ts';
import { messageWithoutCell, SEVERITY_LABEL, type FindingView } from './finding-text.ts';

const useStyles = makeStyles({
  title: { margin: '4px 0 0', fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  group: { marginBlock: '6px' },
  heading: { display: 'flex', alignItems: 'center', gap: '6px', margin: '4px 0', fontSize: tokens.fontSizeBase300 },
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
  },
  body: { display: 'flex', flexDirection: 'column', gap: '1px', width: '100%', minWidth: 0 },
  // A sheet name of any length gets its own line, so it can never squeeze the message.
  sheet: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground3,
    overflowWrap: 'anywhere',
  },
  row: { display: 'flex', gap: '6px', width: '100%', minWidth: 0 },
  cell: {
    fontFamily: tokens.fontFamilyMonospace,
    flex: '0 0 auto',
    minWidth: '3.2em',
    maxWidth: '30%',
    overflowWrap: 'anywhere',
    color: tokens.colorNeutralForeground2,
  },
  message: { flex: '1 1 auto', minWidth: 0, overflowWrap: 'anywhere', wordBreak: 'break-word' },
});

const BADGE: Record<Severity, 'danger' | 'important' | 'informative'> = {
  error: 'danger',
  warning: 'important',
  info: 'informative',
};

export interface FindingsListProps {
  findings: FindingView[];
  counts: Record<Severity, number>;
  /**
   * Called when staff choose a finding: with its cell, or null for a finding about a whole sheet (then its
   * sheet is shown); `finding.sheet` says which sheet when the source named it.
   */
  onSelect: (cell: string | null, finding: FindingView) => void;
  /** The list's heading and accessible name: two lists on one page must never share one. */
  title: string;
  /** Prefix of the element ids (unique per list on the page) and the list's `data-list`. */
  idPrefix: string;
  /** Shown when there are no findings; null shows nothing (a sheet that is not a form was not checked). */
  emptyText?: string | null;
  /** The sheet being shown: findings on other sheets carry their sheet's name on a line of its own. */
  currentSheet?: string;
}

/** Findings grouped by severity with counts; choosing one selects its cell (or shows its sheet). */
export function FindingsList({
  findings,
  counts,
  onSelect,
  title,
  idPrefix,
  emptyText = '問題は見つかりませんでした。',
  currentSheet,
}: FindingsListProps) {
  const styles = useStyles();
  if (findings.length === 0 && emptyText === null) return null;
  const titleId = `${idPrefix}-title`;
  return (
    <section aria-labelledby={titleId} data-list={idPrefix}>
      <h2 className={styles.title} id={titleId}>
        {title}
      </h2>
      {findings.length === 0 && <Text role="status">{emptyText}</Text>}
      {(['error', 'warning', 'info'] as const)
        .filter((s) => counts[s] > 0)
        .map((severity) => (
          <div key={severity} className={styles.group} data-severity={severity}>
            <h3 className={styles.heading} id={`${idPrefix}-${severity}`}>
              <Text weight="semibold">{SEVERITY_LABEL[severity]}</Text>
              <CounterBadge
                count={counts[severity]}
                overflowCount={Number.MAX_SAFE_INTEGER}
                color={BADGE[severity]}
                aria-label={`${SEVERITY_LABEL[severity]} ${counts[severity]}件`}
              />
            </h3>
            <ul className={styles.list} aria-labelledby={`${idPrefix}-${severity}`}>
              {findings
                .filter((f) => f.severity === severity)
                .map((f, i, group) => {
                  const otherSheet = f.sheet && f.sheet !== currentSheet ? f.sheet : null;
                  // The sheet's name heads a run of findings on it: repeated only when it changes.
                  const newSheet = otherSheet !== null && (i === 0 || group[i - 1]!.sheet !== f.sheet);
                  const place = f.cell ?? 'シート全体';
                  const message = messageWithoutCell(f.message, f.cell);
                  const where = otherSheet ? `シート「${otherSheet}」の${place}` : place;
                  return (
                    <li key={f.key}>
                      <Button
                        appearance="subtle"
                        className={styles.item}
                        aria-label={`${where}: ${message}（${f.cell ? 'セルを選択' : 'シートを表示'}）`}
                        onClick={() => onSelect(f.cell, f)}
                        data-cell={f.cell ?? ''}
                      >
                        <span className={styles.body}>
                          {newSheet && (
                            <span className={styles.sheet} data-part="sheet">
                              シート「{otherSheet}」
                            </span>
                          )}
                          <span className={styles.row}>
                            <span className={styles.cell} data-part="cell">
                              {place}
                            </span>
                            <span className={styles.message} data-part="message">
                              {message}
                            </span>
                          </span>
                        </span>
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
