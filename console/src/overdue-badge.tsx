import { Badge } from '@fluentui/react-components';

/** 期限超過: beside a status word, never instead of it (the same word on screen, in print and in the download). */
export function OverdueBadge() {
  return (
    <Badge appearance="tint" color="danger" size="large" data-status="overdue" style={{ whiteSpace: 'nowrap' }}>
      期限超過
    </Badge>
  );
}
