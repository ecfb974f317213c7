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
      style={{ whiteSpace: 'nowrap', flexShrink: 0 }}
    >
      {STATUS_WORD[status]}
    </Badge>
  );
}
