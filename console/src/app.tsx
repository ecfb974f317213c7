import { Button, Spinner, Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { api, whenSignedOut, type SignedIn } from './api.ts';
import { AuditPage } from './audit-page.tsx';
import { TokensPage } from './admin/tokens-page.tsx';
import { CheckPage } from './division/check-page.tsx';
import { Login } from './login.tsx';
import { StatusPage } from './coordinator/status-page.tsx';
import { SubmissionPage } from './submission-page.tsx';
import { SummaryPage } from './coordinator/summary-page.tsx';
import { TemplatesPage } from './coordinator/templates-page.tsx';
import { useHashRoute } from './use-hash-route.ts';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: '16px',
    flexWrap: 'wrap',
    padding: '8px 24px',
    background: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  brand: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  who: { marginInlineStart: 'auto', display: 'flex', alignItems: 'center', gap: '12px' },
  nav: {
    padding: '0 16px',
    background: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  main: { padding: '16px 24px 48px', maxWidth: '1200px', margin: '0 auto', boxSizing: 'border-box' },
  logout: { color: tokens.colorNeutralForegroundOnBrand, minWidth: 'auto' },
});

const COORDINATOR_TABS = [
  { value: 'status', label: '提出状況' },
  { value: 'ward-sheet', label: '区の組織目標' },
  { value: 'summary', label: '集計' },
  { value: 'templates', label: '様式' },
  { value: 'audit', label: '操作履歴' },
];
const SUBMITTER_TABS = [{ value: 'check', label: '確認と提出' }];
const ADMIN_TABS = [
  { value: 'tokens', label: 'トークン' },
  { value: 'audit', label: '操作履歴' },
];
const TABS = { coordinator: COORDINATOR_TABS, submitter: SUBMITTER_TABS, admin: ADMIN_TABS };

export function App() {
  const styles = useStyles();
  const [me, setMe] = useState<SignedIn | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);
  const [route, go] = useHashRoute();

  useEffect(() => {
    api.me().then(setMe, () => setMe(null));
    whenSignedOut(() => {
      setNotice(
        'ログインが終わりました（時間が経ったか、トークンが取り消されました）。もう一度ログインしてください。入れないときは集計担当か管理者に新しいトークンを頼んでください。',
      );
      setMe(null);
    });
    return () => whenSignedOut(null);
  }, []);

  // One title per page: the section, then the product (what the browser tab, history and bookmarks show).
  const pageName =
    me === undefined
      ? null
      : me === null
        ? 'ログイン'
        : route[0] === 'submissions' && me.role !== 'admin'
          ? '提出の詳細'
          : (TABS[me.role].find((t) => t.value === route[0])?.label ?? TABS[me.role][0]!.label);
  useEffect(() => {
    if (pageName) document.title = `${pageName} — 目標シート`;
  }, [pageName]);

  if (me === undefined) return <Spinner label="読み込み中…" style={{ marginTop: '20vh' }} />;
  if (me === null)
    return (
      <Login
        notice={notice}
        onSignedIn={(m) => {
          setNotice(null);
          setMe(m);
        }}
      />
    );

  const tabs = TABS[me.role];
  const section =
    route[0] === 'submissions' && me.role !== 'admin'
      ? 'submissions'
      : tabs.some((t) => t.value === route[0])
        ? route[0]!
        : tabs[0]!.value;
  const logout = async () => {
    await api.logout();
    setNotice('ログアウトしました。');
    setMe(null);
    window.location.hash = '';
  };
  const person = me.name ? `${me.name}・` : '';
  const title =
    me.role === 'admin'
      ? `${me.name ?? '管理者'}（管理者）`
      : me.role === 'coordinator'
        ? `${me.ward.name}（${person}集計担当）`
        : `${me.ward.name} ${me.division ?? ''}${me.name ? `（${me.name}）` : ''}`;
  return (
    <>
      <a className="skip-link" href="#main">
        本文へ移動
      </a>
      <header className={styles.header}>
        <h1 className={styles.brand}>目標シート</h1>
        {me.ward && <Text>{me.ward.fiscalYearLabel}</Text>}
        <div className={styles.who}>
          <Text weight="semibold">{title}</Text>
          <span className="no-print">
            <Button appearance="transparent" className={styles.logout} onClick={logout}>
              ログアウト
            </Button>
          </span>
        </div>
      </header>
      <nav className={`${styles.nav} no-print`} aria-label="画面の切り替え">
        <TabList
          selectedValue={section === 'submissions' ? null : section}
          onTabSelect={(_e, d) => go(String(d.value))}
        >
          {tabs.map((t) => (
            <Tab key={t.value} value={t.value}>
              {t.label}
            </Tab>
          ))}
        </TabList>
      </nav>
      <main id="main" className={styles.main} tabIndex={-1}>
        {me.role === 'admin' ? (
          section === 'audit' ? (
            <AuditPage admin />
          ) : (
            <TokensPage />
          )
        ) : section === 'audit' && me.role === 'coordinator' ? (
          <AuditPage admin={false} />
        ) : section === 'submissions' && route[1] ? (
          <SubmissionPage id={route[1]} me={me} back={() => go(me.role === 'coordinator' ? 'status' : 'check')} />
        ) : section === 'summary' ? (
          <SummaryPage me={me} />
        ) : section === 'templates' ? (
          <TemplatesPage />
        ) : section === 'check' || section === 'ward-sheet' || me.role === 'submitter' ? (
          <CheckPage me={me} />
        ) : (
          // 集計 right under the statuses too (StatusPage renders it, for the year it shows).
          <StatusPage me={me} />
        )}
      </main>
    </>
  );
}
