import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Text,
  Title1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { api, ApiError, type SignedIn } from './api.ts';

const useStyles = makeStyles({
  page: { display: 'flex', justifyContent: 'center', paddingTop: '10vh', paddingInline: '16px' },
  card: {
    width: '100%',
    maxWidth: '420px',
    background: tokens.colorNeutralBackground1,
    padding: '32px',
    borderRadius: tokens.borderRadiusLarge,
    boxShadow: tokens.shadow8,
    display: 'flex',
    flexDirection: 'column',
    gap: '16px',
  },
});

/** Sign-in: one password field (トークン) and ログイン. A refusal says only that it failed. */
export function Login({ onSignedIn, notice }: { onSignedIn: (me: SignedIn) => void; notice: string | null }) {
  const styles = useStyles();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.login(token.trim()));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'ログインできませんでした。');
      setBusy(false);
    }
  };
  return (
    <main className={styles.page}>
      <form className={styles.card} onSubmit={submit} aria-labelledby="login-title">
        <Title1 as="h1" id="login-title">
          目標シート
        </Title1>
        <Text>配られたトークンを入力してログインしてください。</Text>
        {notice && !error && (
          <MessageBar intent="info">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {error && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        <Field
          label="トークン"
          hint="トークンは、集計担当（または管理者）から一人ひとりに配られるログイン用の長い文字列です。パスワードと同じように扱ってください。"
        >
          <Input
            type="password"
            value={token}
            onChange={(_e, d) => setToken(d.value)}
            autoComplete="current-password"
          />
        </Field>
        <Button appearance="primary" type="submit" disabled={busy || token.trim() === ''}>
          ログイン
        </Button>
      </form>
    </main>
  );
}
