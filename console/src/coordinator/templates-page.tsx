import {
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { api, ApiError, type TemplateList } from '../api.ts';

const useStyles = makeStyles({
  zip: { fontWeight: tokens.fontWeightSemibold },
  table: { borderCollapse: 'collapse', width: '100%', background: tokens.colorNeutralBackground1 },
  th: {
    textAlign: 'left',
    padding: '8px',
    borderBottom: `2px solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
  },
  td: { padding: '8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' },
  links: { display: 'flex', flexWrap: 'wrap', gap: '4px 16px' },
  wrap: { overflowX: 'auto' },
});

/** 様式: the blank forms of the ward's year, one set per division with its name already filled in. */
export function TemplatesPage() {
  const styles = useStyles();
  const [list, setList] = useState<TemplateList | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .templates()
      .then(setList, (err: unknown) =>
        setError(err instanceof ApiError ? err.message : '様式の一覧を読み込めませんでした。'),
      );
  }, []);
  if (error)
    return (
      <MessageBar intent="error">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  if (!list) return <Spinner label="読み込み中…" />;
  const divisionForms = list.forms.filter((f) => f.variant !== 'ward');
  const wardForms = list.forms.filter((f) => f.variant === 'ward');
  return (
    <section aria-labelledby="templates-title">
      <Title2 as="h2" id="templates-title">
        様式
      </Title2>
      <p>
        <Text>
          {list.fiscalYearLabel}
          の空の様式です。年度・区・課の名前を記入済みなので、各課にはその課の様式を配ってください。
        </Text>
      </p>
      <p>
        <Link href={api.urls.templatesZip(null)} download className={styles.zip}>
          全課の様式をまとめてダウンロード（zip）
        </Link>
      </p>
      <div className={styles.wrap}>
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col" className={styles.th}>
                課
              </th>
              <th scope="col" className={styles.th}>
                様式（クリックでダウンロード）
              </th>
            </tr>
          </thead>
          <tbody>
            {list.divisions.map((division) => (
              <tr key={division}>
                <th scope="row" className={styles.td} style={{ textAlign: 'left' }}>
                  {division}
                </th>
                <td className={styles.td}>
                  <div className={styles.links}>
                    <Link
                      href={api.urls.templatesZip(division)}
                      download
                      aria-label={`${division}の様式をまとめてダウンロード`}
                    >
                      まとめて（zip）
                    </Link>
                    {divisionForms.map((f) => (
                      <Link
                        key={`${f.family}/${f.variant}`}
                        href={api.urls.template(f.family, f.variant, division)}
                        download
                        aria-label={`${division}の${f.title}をダウンロード`}
                      >
                        {f.title}
                      </Link>
                    ))}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {wardForms.length > 0 && (
        <>
          <h3>区の様式</h3>
          <div className={styles.links}>
            {wardForms.map((f) => (
              <Link key={`${f.family}/${f.variant}`} href={api.urls.template(f.family, f.variant, null)} download>
                {f.title}
              </Link>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
