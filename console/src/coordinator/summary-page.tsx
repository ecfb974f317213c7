import {
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, type ConsolidationState, type Me, type SummaryInfo, type SummaryList } from '../api.ts';
import { usePolling } from '../use-polling.ts';
import { bytes, jst } from '../words.ts';

const useStyles = makeStyles({
  card: {
    background: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '16px',
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    maxWidth: '720px',
  },
  row: { display: 'flex', gap: '16px', alignItems: 'center', flexWrap: 'wrap' },
  download: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  list: { paddingInlineStart: '20px' },
});

const JOB_KEY = 'mokuhyo.consolidation';

const STEP: Record<ConsolidationState['status'], string> = {
  queued: '順番を待っています…',
  processing: '集計しています…',
  done: '集計ができました。',
  failed: '集計できませんでした。',
};

/** How many builds are listed open; older ones are folded. */
const RECENT = 3;

/** Builds as the list shows them: when (JST), who asked, what they cover; the first is the newest when `newest`. */
function SummaryVersions({ versions, newest }: { versions: SummaryInfo[]; newest: boolean }) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {versions.map((v, i) => (
        <li key={v.id}>
          <Link href={api.urls.summaryVersion(v.id)} download>
            {jst(v.builtAt)} 作成の集計
          </Link>{' '}
          <Text size={200}>
            （
            {v.about
              ? `${v.about.by}・提出 ${v.about.counts.submitted} / 全 ${v.about.counts.expected} 課、受理 ${v.about.counts.accepted}、差戻し ${v.about.counts.rejected}、読込不可 ${v.about.counts.unreadable}、未提出 ${v.about.counts.missing}・`
              : ''}
            {bytes(v.size)}
            {newest && i === 0 ? '・最新' : ''}）
          </Text>
        </li>
      ))}
    </ul>
  );
}

/** 集計: build the ward's summary (progress from the job), download it, and earlier builds. */
export function SummaryPage({ me }: { me: Me }) {
  const styles = useStyles();
  const [list, setList] = useState<SummaryList | null>(null);
  const [job, setJob] = useState<ConsolidationState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loadList = useCallback(() => {
    api
      .summaries()
      .then(setList, (err: unknown) =>
        setError(err instanceof ApiError ? err.message : '集計の一覧を読み込めませんでした。'),
      );
  }, []);
  useEffect(loadList, [loadList]);
  // A build started before the clerk looked at another tab is picked up again.
  useEffect(() => {
    const id = sessionStorage.getItem(JOB_KEY);
    if (id) api.consolidation(id).then(setJob, () => sessionStorage.removeItem(JOB_KEY));
  }, []);

  const running = job !== null && (job.status === 'queued' || job.status === 'processing');
  usePolling(
    () => {
      if (!job) return;
      api.consolidation(job.id).then(
        (next) => {
          setJob(next);
          if (next.status === 'done') loadList();
        },
        (err: unknown) => setError(err instanceof ApiError ? err.message : '進み具合を読み込めませんでした。'),
      );
    },
    1000,
    running,
  );

  const start = async () => {
    setError(null);
    try {
      const { id } = await api.startConsolidation(me.ward.id, me.ward.fiscalYear);
      sessionStorage.setItem(JOB_KEY, id);
      setJob({ id, status: 'queued', progress: 0, summary: '' });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '集計を始められませんでした。');
    }
  };

  const ready = (job?.status === 'done' || (job === null && list?.latest)) ?? false;
  return (
    <section aria-labelledby="summary-title">
      <Title2 as="h2" id="summary-title">
        集計
      </Title2>
      <p>
        <Text>{`${me.ward.name} ${me.ward.fiscalYearLabel}`}の受理された提出から、集計表（Excel）を作ります。</Text>
      </p>
      <div className={styles.card}>
        <div className={styles.row}>
          <Button appearance="primary" onClick={start} disabled={running}>
            集計を作成
          </Button>
          {job && <Text role="status">{STEP[job.status]}</Text>}
        </div>
        {job && job.status !== 'failed' && (
          <Field label="集計の進み具合" validationState="none" hint={`${job.progress}%`}>
            <ProgressBar value={job.progress / 100} max={1} thickness="large" aria-valuetext={`${job.progress}%`} />
          </Field>
        )}
        {job?.status === 'failed' && (
          <MessageBar intent="error">
            <MessageBarBody>
              集計に失敗しました。しばらくしてからもう一度「集計を作成」を押してください。
            </MessageBarBody>
          </MessageBar>
        )}
        {ready && (
          <div className={styles.row}>
            <Link className={styles.download} href={api.urls.summary(me.ward.id, me.ward.fiscalYear)} download>
              集計をダウンロード
            </Link>
            {list?.latest && <Text>（{jst(list.latest)} 作成）</Text>}
          </div>
        )}
        {!ready && !job && list && !list.latest && <Text>まだ集計はありません。「集計を作成」を押してください。</Text>}
      </div>
      {error && (
        <MessageBar intent="error" role="alert" style={{ marginTop: '12px' }}>
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <h3>これまでの集計</h3>
      {list && list.versions.length > 0 ? (
        <>
          <SummaryVersions versions={list.versions.slice(0, RECENT)} newest />
          {list.versions.length > RECENT && (
            <details>
              <summary>それより前の集計（{list.versions.length - RECENT} 件）</summary>
              <SummaryVersions versions={list.versions.slice(RECENT)} newest={false} />
            </details>
          )}
        </>
      ) : (
        <Text>まだありません。</Text>
      )}
    </section>
  );
}
