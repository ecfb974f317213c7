import { Badge } from '@fluentui/react-components';
import type { StatusCode } from './api.ts';
import { STATUS_COLOR, STATUS_WORD } from './words.ts';

export function StatusBadge({ status }: { status: StatusCode }) {
  return (
    <Badge
      appearance={status === 'missing' ? 'outline' : 'filled'}
      color={STATUS_COLOR[status]}
      data-status={status}
      size="large"
      // A status word is never broken over two lines (読込不可 at 800 px used to wrap).
      style={{ whiteSpace: 'nowrap', flexShrink: 0 }}
    >
      {STATUS_WORD[status]}
    </Badge>
  );
}
