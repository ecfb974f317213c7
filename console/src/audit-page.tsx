import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, type AuditEntry, type AuditList } from './api.ts';
import { AUDIT_WORD, jst, ROLE_WORD } from './words.ts';
import { TableHead, useTableStyles } from './table-head.tsx';

const useStyles = makeStyles({
  what: { overflowWrap: 'anywhere', minWidth: '160px' },
  detail: { color: tokens.colorNeutralForeground3, display: 'block' },
  tools: { display: 'flex', gap: '12px', alignItems: 'flex-end', flexWrap: 'wrap', margin: '8px 0 12px' },
});

const PAGE = 100;
/** The filter value for entries that belong to no ward (an admin's token). */
const SERVICE = '_service';

/** 操作履歴: who did what, newest first — the coordinator's own ward, or (admin) every ward or one. */
/** Entries recorded before 提出番号 was used named a submission by its raw id: shown as the short 提出番号. */
function withoutIds(text: string): string {
  return text
    .replace(/提出 ID ([0-9a-f]{8})-[0-9a-f-]{27}/gi, (_m, h: string) => `提出番号 ${h.toUpperCase()}`)
    .replace(
      /\b([0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
      (_m, h: string) => `提出番号 ${h.toUpperCase()}`,
    );
}

export function AuditPage({ admin }: { admin: boolean }) {
  const styles = { ...useTableStyles(), ...useStyles() };
  const [ward, setWard] = useState('');
  const [list, setList] = useState<AuditList | null>(null);
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async (filter: string, offset: number) => {
    setLoading(true);
    setError(null);
    try {
      const page = await api.audit({ ward: filter || null, offset, limit: PAGE });
      setList(page);
      setEntries((before) => (offset === 0 ? page.entries : [...before, ...page.entries]));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '操作履歴を読み込めませんでした。');
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void load(ward, 0);
  }, [load, ward]);

  const wardName = (id: string | null) =>
    id === null ? '—' : (list?.wards.find((w) => w.id === id)?.name ?? (id === SERVICE ? '—' : id));
  return (
    <section aria-labelledby="audit-title">
      <Title2 as="h2" id="audit-title">
        操作履歴
      </Title2>
      <p>
        <Text>
          {admin ? 'すべての区の' : 'この区の'}
          提出、差戻し、集計の作成、ダウンロード、トークンの発行と取り消し、督促メール、提出期限の変更を、新しい順に表示します。
          {list && `区ごとに新しいものから ${list.keepPerWard.toLocaleString('ja-JP')} 件まで保存しています。`}
        </Text>
      </p>
      {admin && list && (
        <div className={styles.tools}>
          <Field label="区で絞り込む">
            <Select value={ward} onChange={(_e, d) => setWard(d.value)}>
              <option value="">すべての区</option>
              {list.wards.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
              <option value={SERVICE}>区に属さない操作（管理者のトークン）</option>
            </Select>
          </Field>
        </div>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {!list && !error && <Spinner label="読み込み中…" />}
      {list && entries.length === 0 && <p>まだ記録はありません。</p>}
      {entries.length > 0 && (
        <div className={styles.wrap}>
          <table className={styles.table} aria-label="操作履歴">
            <TableHead
              labels={['日時（日本時間）', '操作', '操作した人', '区', '課', '対象・内容']}
              className={styles.th}
            />
            <tbody>
              {entries.map((e, i) => (
                <tr key={`${e.at}-${i}`}>
                  <td className={`${styles.td} ${styles.nowrap}`}>{jst(e.at)}</td>
                  <td className={`${styles.td} ${styles.nowrap}`}>{AUDIT_WORD[e.action] ?? e.action}</td>
                  <td className={styles.td}>
                    {e.by}
                    <span className={styles.detail}>{ROLE_WORD[e.role] ?? e.role}</span>
                  </td>
                  <td className={`${styles.td} ${styles.nowrap}`}>{wardName(e.ward)}</td>
                  <td className={`${styles.td} ${styles.nowrap}`}>{e.division ?? '—'}</td>
                  <td className={`${styles.td} ${styles.what}`}>
                    {e.target ? withoutIds(e.target) : '—'}
                    {e.detail && <span className={styles.detail}>{withoutIds(e.detail)}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list?.more && (
        <Button style={{ marginTop: '12px' }} disabled={loading} onClick={() => void load(ward, entries.length)}>
          さらに表示
        </Button>
      )}
    </section>
  );
}
