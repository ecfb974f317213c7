import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  Title2,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, type IssuedTokenAnswer, type TokenEntry, type TokenList } from '../api.ts';
import { jst, ROLE_WORD } from '../words.ts';
import { TableHead, useTableStyles } from '../table-head.tsx';

const useStyles = makeStyles({
  card: {
    background: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '12px 16px',
    margin: '0 0 20px',
  },
  form: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', gap: '12px 16px' },
  actions: { display: 'flex', gap: '8px', marginTop: '12px', flexWrap: 'wrap' },
  fresh: {
    background: tokens.colorPaletteYellowBackground1,
    border: `2px solid ${tokens.colorPaletteYellowBorder2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '12px 16px',
    margin: '0 0 20px',
  },
  tokenRow: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap', margin: '8px 0' },
  tokenText: { fontFamily: tokens.fontFamilyMonospace, flex: '1 1 360px', minWidth: '0' },
  name: { overflowWrap: 'anywhere', minWidth: '96px', fontWeight: 'normal', textAlign: 'left' },
  muted: { color: tokens.colorNeutralForeground3, display: 'block', fontSize: tokens.fontSizeBase200 },
});

type Role = 'submitter' | 'coordinator' | 'admin';
type FieldName = 'name' | 'role' | 'ward' | 'division';

/** The issue form's fields by id, to move the focus to the first one with a mistake. */
const FIELD_ID: Record<FieldName, string> = {
  name: 'issue-name',
  role: 'issue-role',
  ward: 'issue-ward',
  division: 'issue-division',
};

const ROLE_CHOICE: { value: Role; label: string }[] = [
  { value: 'submitter', label: `${ROLE_WORD.submitter}（課の提出）` },
  { value: 'coordinator', label: `${ROLE_WORD.coordinator}（区の取りまとめ）` },
  { value: 'admin', label: `${ROLE_WORD.admin}（トークンと操作履歴）` },
];

/** The token shown once, with a copy button and what it is. */
function FreshToken({ made, wardName, onDone }: { made: IssuedTokenAnswer; wardName: string; onDone: () => void }) {
  const styles = useStyles();
  const [copied, setCopied] = useState<string | null>(null);
  // The new token takes the focus: keyboard and screen-reader users hear it was made and find it first.
  useEffect(() => document.getElementById('fresh-token-title')?.focus(), [made.id]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(made.token);
      setCopied('コピーしました。使う人に渡したら、この表示を閉じてください。');
    } catch {
      // Without clipboard access (an http address other than this machine): select it for Ctrl+C.
      (document.getElementById('fresh-token') as HTMLInputElement | null)?.select();
      setCopied('コピーできなかったため、トークンを選択しました。Ctrl+C でコピーしてください。');
    }
  };
  const place = [wardName, made.division].filter(Boolean).join(' ');
  return (
    <section className={styles.fresh} aria-labelledby="fresh-token-title">
      <h3 id="fresh-token-title" tabIndex={-1} style={{ margin: 0, fontSize: tokens.fontSizeBase500 }}>
        {made.name}さんのトークンを発行しました
      </h3>
      <Text block>
        {ROLE_WORD[made.role]}
        {place && `・${place}`}
      </Text>
      <div className={styles.tokenRow}>
        <Input
          id="fresh-token"
          className={styles.tokenText}
          readOnly
          value={made.token}
          aria-label="発行したトークン"
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button appearance="primary" onClick={() => void copy()}>
          コピー
        </Button>
      </div>
      {copied && (
        <Text block role="status" style={{ marginBottom: '4px' }}>
          {copied}
        </Text>
      )}
      <Text block>
        {
          'トークンは、目標シートにログインするための合言葉（長い文字列）です。ログイン画面の「トークン」に入力すると、この人の名前と役割で使えます。パスワードと同じように扱い、本人にだけ安全な方法で渡してください。'
        }
      </Text>
      <Text block weight="semibold" style={{ marginTop: '4px' }}>
        このトークンは今だけ表示されます。この表示を閉じると二度と表示できません（なくしたときは取り消して、新しく発行してください）。
      </Text>
      <div className={styles.actions}>
        <Button onClick={onDone}>表示を閉じる</Button>
      </div>
    </section>
  );
}

/** The admin's トークン page: every token (config's read-only, issued ones revocable), issue, revoke. */
export function TokensPage() {
  const styles = { ...useTableStyles(), ...useStyles() };
  const [list, setList] = useState<TokenList | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('submitter');
  const [ward, setWard] = useState('');
  const [division, setDivision] = useState('');
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<IssuedTokenAnswer | null>(null);
  const [revoking, setRevoking] = useState<TokenEntry | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  const load = useCallback(() => {
    api
      .tokens()
      .then(setList, (err: unknown) =>
        setLoadError(err instanceof ApiError ? err.message : 'トークンの一覧を読み込めませんでした。'),
      );
  }, []);
  useEffect(load, [load]);

  const wardOf = (id: string | null) => list?.wards.find((w) => w.id === id);
  const divisions = wardOf(ward)?.divisions ?? [];

  const refuse = (found: Partial<Record<FieldName, string>>) => {
    setErrors(found);
    const first = (['name', 'role', 'ward', 'division'] as const).find((f) => found[f]);
    if (first) document.getElementById(FIELD_ID[first])?.focus();
  };

  const issue = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    setNotice(null);
    // The same checks as the server, so a mistake is named beside its field before anything is sent.
    const found: Partial<Record<FieldName, string>> = {};
    if (name.trim() === '') found.name = '名前を入力してください。';
    else if ([...name.trim()].length > 100) found.name = '名前は 100 文字以内で入力してください。';
    if (role !== 'admin' && !ward) found.ward = '区を選んでください。';
    if (role === 'submitter' && !division) found.division = '課を選んでください。';
    if (Object.keys(found).length > 0) return refuse(found);
    setErrors({});
    setBusy(true);
    try {
      const answer = await api.issueToken({
        role,
        ward: role === 'admin' ? null : ward,
        division: role === 'submitter' ? division : null,
        name: name.trim(),
      });
      setMade(answer);
      setName('');
      load();
    } catch (err) {
      if (err instanceof ApiError && err.field && err.field in FIELD_ID) refuse({ [err.field]: err.message });
      else setFormError(err instanceof ApiError ? err.message : 'トークンを発行できませんでした。');
    } finally {
      setBusy(false);
    }
  };

  const revoke = async () => {
    const entry = revoking;
    if (!entry) return;
    try {
      const r = await api.revokeToken(entry.id);
      setNotice(
        `${entry.name ?? 'トークン'}さんのトークンを取り消しました。${r.sessionsEnded > 0 ? `ログイン中の画面 ${r.sessionsEnded} 件も終了しました。` : ''}`,
      );
    } catch (err) {
      setNotice(null);
      setFormError(err instanceof ApiError ? err.message : 'トークンを取り消せませんでした。');
    }
    setRevoking(null);
    load();
    setTimeout(() => noticeRef.current?.focus(), 0);
  };

  if (loadError)
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{loadError}</MessageBarBody>
      </MessageBar>
    );
  if (!list) return <Spinner label="読み込み中…" />;
  const rows = [...list.issued.slice().reverse(), ...list.config];
  return (
    <section aria-labelledby="tokens-title">
      <Title2 as="h2" id="tokens-title">
        トークン
      </Title2>
      <p>
        <Text>
          トークンは、目標シートにログインするための合言葉です。1 つのトークンに、使う人の名前と役割（課の
          {ROLE_WORD.submitter}、区の{ROLE_WORD.coordinator}、{ROLE_WORD.admin}
          ）が結びつきます。ここで発行したトークンは再起動なしですぐに使え、取り消すとすぐに使えなくなります。
        </Text>
      </p>
      {made && <FreshToken made={made} wardName={wardOf(made.ward)?.name ?? ''} onDone={() => setMade(null)} />}
      <div ref={noticeRef} tabIndex={-1}>
        {notice && (
          <MessageBar intent="success" role="status">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <form className={styles.card} onSubmit={(e) => void issue(e)} aria-labelledby="issue-title" noValidate>
        <Title3 as="h3" id="issue-title">
          トークンを発行する
        </Title3>
        {formError && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{formError}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.form} style={{ marginTop: '8px' }}>
          <Field label="名前（使う人）" required validationMessage={errors.name ?? null}>
            <Input id={FIELD_ID.name} value={name} maxLength={100} onChange={(_e, d) => setName(d.value)} />
          </Field>
          <Field label="役割" required validationMessage={errors.role ?? null}>
            <Select id={FIELD_ID.role} value={role} onChange={(_e, d) => setRole(d.value as Role)}>
              {ROLE_CHOICE.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </Select>
          </Field>
          {role !== 'admin' && (
            <Field label="区" required validationMessage={errors.ward ?? null}>
              <Select
                id={FIELD_ID.ward}
                value={ward}
                onChange={(_e, d) => {
                  setWard(d.value);
                  setDivision('');
                }}
              >
                <option value="">選んでください</option>
                {list.wards.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.name}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {role === 'submitter' && (
            <Field label="課" required validationMessage={errors.division ?? null}>
              <Select id={FIELD_ID.division} value={division} onChange={(_e, d) => setDivision(d.value)}>
                <option value="">{ward ? '選んでください' : '先に区を選んでください'}</option>
                {divisions.map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </div>
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={busy}>
            発行する
          </Button>
        </div>
      </form>

      <Title3 as="h3">トークンの一覧（{rows.length} 件）</Title3>
      <div className={styles.wrap}>
        <table className={styles.table} aria-label="トークンの一覧">
          <TableHead
            labels={['名前', '役割', '区・課', '発行（日本時間）', '出どころ', '操作']}
            className={styles.th}
          />
          <tbody>
            {rows.map((t) => (
              <tr key={`${t.source}-${t.id}`}>
                <th scope="row" className={`${styles.td} ${styles.name}`}>
                  {t.name ?? '（名前なし）'}
                </th>
                <td className={`${styles.td} ${styles.nowrap}`}>{ROLE_WORD[t.role]}</td>
                <td className={styles.td}>
                  {t.role === 'admin' ? '—' : (wardOf(t.ward)?.name ?? t.ward)}
                  {t.division && <span className={styles.muted}>{t.division}</span>}
                </td>
                <td className={styles.td}>
                  {t.source === 'issued' ? (
                    <>
                      <span className={styles.nowrap}>{jst(t.issuedAt ?? null)}</span>
                      <span className={styles.muted}>
                        {/* Tokens issued before names were recorded say only "admin". */}
                        {t.issuedBy === 'admin' ? ROLE_WORD.admin : (t.issuedBy ?? '—')}
                      </span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td className={styles.td}>
                  {t.source === 'issued' ? (
                    '画面で発行'
                  ) : (
                    <>
                      設定ファイル
                      <span className={styles.muted}>画面からは取り消せません</span>
                    </>
                  )}
                </td>
                <td className={styles.td}>
                  {t.source === 'issued' && (
                    <Button
                      size="small"
                      onClick={() => setRevoking(t)}
                      aria-label={`${t.name ?? ''}のトークンを取り消す`}
                    >
                      取り消す
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Text block size={200} style={{ marginTop: '8px' }}>
        設定ファイルのトークンを変えるときは、設定ファイル（MOKUHYO_CONFIG）を書き換えて serve
        を再起動してください。トークンそのものはどこにも保存されず（指紋 SHA-256 だけを保存）、一覧にも表示されません。
      </Text>

      <Dialog open={revoking !== null} onOpenChange={(_e, d) => !d.open && setRevoking(null)}>
        <DialogSurface aria-describedby="revoke-text">
          <DialogBody>
            <DialogTitle>トークンを取り消しますか</DialogTitle>
            <DialogContent>
              <Text block id="revoke-text">
                {revoking?.name ?? ''}さん（{revoking ? ROLE_WORD[revoking.role] : ''}
                {revoking?.ward ? `・${wardOf(revoking.ward)?.name ?? revoking.ward}` : ''}
                {revoking?.division ? ` ${revoking.division}` : ''}
                ）のトークンを取り消します。このトークンではすぐにログインも提出もできなくなり、ログイン中の画面も終了します。元には戻せません。
              </Text>
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setRevoking(null)}>やめる</Button>
              <Button appearance="primary" onClick={() => void revoke()}>
                取り消す
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
