import { MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { api, type YearInfo } from '../api.ts';
import { OverdueBadge } from '../overdue-badge.tsx';
import { StatusBadge } from '../status-badge.tsx';
import { usePolling } from '../use-polling.ts';
import { dateText, daysLeftText } from '../words.ts';

/** The division's 提出期限 and where it stands (差戻し with the coordinator's 理由, 期限超過), above 確認と提出. */
export function DeadlineNote({ refresh }: { refresh: number }) {
  const [year, setYear] = useState<YearInfo | null>(null);
  const load = useCallback(() => {
    api.year().then(setYear, () => undefined);
  }, []);
  useEffect(load, [load, refresh]);
  usePolling(load, 10_000, year !== null);
  if (!year) return null;
  const own = year.own;
  const late = own?.overdue ?? false;
  return (
    <section aria-label="提出期限と提出状況" style={{ margin: '8px 0 16px' }}>
      <MessageBar intent={late ? 'error' : own?.status === 'rejected' ? 'warning' : 'info'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>
            提出期限: {year.deadline ? `${dateText(year.deadline)}（${daysLeftText(year.daysLeft)}）` : '設定なし'}
          </MessageBarTitle>
          {own && (
            <Text as="span" style={{ display: 'inline-flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' }}>
              この課の状況: <StatusBadge status={own.status} />
              {late && <OverdueBadge />}
              {own.reason && <span>理由: {own.reason}</span>}
            </Text>
          )}
        </MessageBarBody>
      </MessageBar>
    </section>
  );
}
