import {
  Button,
  Input,
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
import { useCallback, useEffect, useRef, useState } from 'react';
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

/** 毎日 HH:MM に自動で作成: the coordinator's schedule for builds, besides 集計を作成. */
function SummarySchedule() {
  const styles = useStyles();
  const [time, setTime] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    api.year().then(
      (y) => {
        setSaved(y.summaryTime);
        setTime(y.summaryTime ?? '');
      },
      () => undefined,
    );
  }, []);
  const save = async (next: string | null) => {
    try {
      await api.setSummaryTime(next);
      setSaved(next);
      setMessage(next ? `毎日 ${next} に集計を作成します。` : '自動の集計を止めました。');
    } catch (err) {
      setMessage(err instanceof ApiError ? err.message : '保存できませんでした。');
    }
  };
  return (
    <form
      className={styles.row}
      style={{ marginTop: '12px' }}
      onSubmit={(e) => {
        e.preventDefault();
        void save(time === '' ? null : time);
      }}
    >
      <label htmlFor="summary-time">毎日決まった時刻に自動で作成（任意）</label>
      <Input id="summary-time" type="time" value={time} onChange={(_e, d) => setTime(d.value)} />
      <Button type="submit">予定を保存</Button>
      {saved && (
        <Button appearance="subtle" onClick={() => void save(null)}>
          自動の作成を止める
        </Button>
      )}
      {message && <Text role="status">{message}</Text>}
    </form>
  );
}

/** How many builds are listed open; older ones are folded. */
const RECENT = 3;

/** Builds as the list shows them: when (JST), who asked, what they cover; the first is the newest when `newest`. */
function SummaryVersions({
  versions,
  newest,
  fiscalYear,
}: {
  versions: SummaryInfo[];
  newest: boolean;
  fiscalYear?: number | undefined;
}) {
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {versions.map((v, i) => (
        <li key={v.id}>
          <Link href={api.urls.summaryVersion(v.id, fiscalYear)} download>
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

/**
 * 集計: build the ward's summary (progress from the job), download it, and earlier builds. With `past`
 * (a previous fiscal year looked back at from 提出状況), only that year's builds, and nothing to build.
 */
export function SummaryPage({ me, past }: { me: Me; past?: { fiscalYear: number; label: string } | undefined }) {
  if (past) return <PastSummaries me={me} fiscalYear={past.fiscalYear} label={past.label} />;
  return <CurrentSummaries me={me} />;
}

/** A previous year's summaries: listed and downloadable, never built again from here. */
function PastSummaries({ me, fiscalYear, label }: { me: Me; fiscalYear: number; label: string }) {
  const styles = useStyles();
  const [list, setList] = useState<SummaryList | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setList(null);
    api
      .summaries(fiscalYear)
      .then(setList, (err: unknown) =>
        setError(err instanceof ApiError ? err.message : '集計の一覧を読み込めませんでした。'),
      );
  }, [fiscalYear]);
  return (
    <section aria-labelledby="summary-title">
      <Title2 as="h2" id="summary-title">
        {label}の集計
      </Title2>
      <p>
        <Text>{`${label}は受付を終えた年度です。集計の作成は受付中の${me.ward.fiscalYearLabel}だけで行えます。`}</Text>
      </p>
      {list?.latest && (
        <div className={styles.row}>
          <Link className={styles.download} href={api.urls.summary(me.ward.id, fiscalYear)} download>
            {label}の集計をダウンロード
          </Link>
          <Text>（{jst(list.latest)} 作成）</Text>
        </div>
      )}
      {error && (
        <MessageBar intent="error" role="alert" style={{ marginTop: '12px' }}>
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <h3>{label}のこれまでの集計</h3>
      {list && list.versions.length > 0 ? (
        <>
          <SummaryVersions versions={list.versions.slice(0, RECENT)} newest fiscalYear={fiscalYear} />
          {list.versions.length > RECENT && (
            <details>
              <summary>それより前の集計（{list.versions.length - RECENT} 件）</summary>
              <SummaryVersions versions={list.versions.slice(RECENT)} newest={false} fiscalYear={fiscalYear} />
            </details>
          )}
        </>
      ) : list ? (
        <Text>この年度の集計はありません。</Text>
      ) : null}
    </section>
  );
}

function CurrentSummaries({ me }: { me: Me }) {
  const styles = useStyles();
  const [list, setList] = useState<SummaryList | null>(null);
  const [job, setJob] = useState<ConsolidationState | null>(null);
  const [error, setError] = useState<string | null>(null);
  // 集計を作成 is disabled from the press until the server has answered (a double click asks once).
  const [starting, setStarting] = useState(false);
  const startingRef = useRef(false);
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
    if (startingRef.current) return;
    startingRef.current = true;
    setStarting(true);
    setError(null);
    try {
      const { id } = await api.startConsolidation(me.ward.id, me.ward.fiscalYear);
      sessionStorage.setItem(JOB_KEY, id);
      setJob({ id, status: 'queued', progress: 0, summary: '' });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '集計を始められませんでした。');
    } finally {
      startingRef.current = false;
      setStarting(false);
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
          <Button appearance="primary" onClick={start} disabled={running || starting}>
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
      <SummarySchedule />
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
