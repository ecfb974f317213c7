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
