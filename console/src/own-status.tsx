import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { api, type OwnStatus } from './api.ts';
import { StatusBadge } from './status-badge.tsx';
import { OverdueBadge } from './overdue-badge.tsx';
import { dateText, daysLeftText, versionText } from './words.ts';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    columnGap: '12px',
    rowGap: '4px',
    padding: '8px 12px',
    margin: '0 0 16px',
    background: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase400 },
  line: { flexBasis: '100%', overflowWrap: 'anywhere' },
});

/**
 * The signed-in division's own row of 提出状況 (for the coordinator: the ward sheet's), word for word as the
 * coordinator, the intake and the summary have it: status, latest file, reason, the version that counts, deadline.
 * `version` changes after a submission so the row is read again.
 */
export function OwnStatusBox({ label, version }: { label: string; version: number }) {
  const styles = useStyles();
  const [own, setOwn] = useState<OwnStatus | null>(null);
  const load = useCallback(() => {
    api.ownStatus().then(setOwn, () => undefined);
  }, []);
  useEffect(load, [load, version]);
  if (!own) return null;
  const { row } = own;
  return (
    <section aria-labelledby="own-status-title" className={styles.box} data-testid="own-status">
      <h3 id="own-status-title" className={styles.title}>
        {label}
      </h3>
      <StatusBadge status={row.status} />
      {row.overdue && <OverdueBadge />}
      {own.deadline && <Text>提出期限 {`${dateText(own.deadline)}（${daysLeftText(own.daysLeft)}）`}</Text>}
      <Text className={styles.line}>
        {row.latest ? `最新の提出: ${versionText(row.latest)}` : '提出はまだありません。'}
      </Text>
      {row.reason && <Text className={styles.line}>理由: {row.reason}</Text>}
      {row.counted && <Text className={styles.line}>集計に使う版: {versionText(row.counted)}</Text>}
    </section>
  );
}
