import { makeStyles, tokens } from '@fluentui/react-components';

/** The console's plain data tables (token list, 操作履歴): the table, its header and body cells. */
export const useTableStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', background: tokens.colorNeutralBackground1 },
  th: {
    textAlign: 'left',
    padding: '6px 8px',
    borderBottom: `2px solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: 'nowrap',
    fontWeight: tokens.fontWeightSemibold,
  },
  td: { padding: '6px 8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' },
  nowrap: { whiteSpace: 'nowrap' },
  wrap: { overflowX: 'auto' },
});

/** A table's header row: one column header (`scope="col"`) per label, each with the table's header style. */
export function TableHead({ labels, className }: { labels: readonly string[]; className: string }) {
  return (
    <thead>
      <tr>
        {labels.map((label) => (
          <th key={label} scope="col" className={className}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
