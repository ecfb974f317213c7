import { Button, Field, Input, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import type { UserSettings } from '../excel/user-settings.ts';
import { intakeBase } from '../use-cases/submit-workbook.ts';

const useStyles = makeStyles({ form: { display: 'flex', flexDirection: 'column', gap: '8px', marginBlock: '8px' } });

/** 提出先URL and トークン, kept per user. */
export function SettingsPanel({
  initial,
  onSave,
  onCancel,
}: {
  initial: UserSettings;
  onSave: (s: UserSettings) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const [intakeUrl, setIntakeUrl] = useState(initial.intakeUrl);
  const [token, setToken] = useState(initial.token);
  const [invalid, setInvalid] = useState<string | null>(null);
  return (
    <form
      className={styles.form}
      aria-label="設定"
      onSubmit={(e) => {
        e.preventDefault();
        if (intakeUrl.trim()) {
          try {
            intakeBase(intakeUrl);
          } catch (err) {
            setInvalid((err as Error).message);
            return;
          }
        }
        onSave({ intakeUrl: intakeUrl.trim(), token: token.trim() });
      }}
    >
      <Field
        label="提出先URL"
        hint="例: https://mokuhyo.example.lg.jp"
        {...(invalid ? { validationMessage: invalid, validationState: 'error' as const } : {})}
      >
        <Input
          type="url"
          value={intakeUrl}
          onChange={(_, d) => {
            setIntakeUrl(d.value);
            setInvalid(null);
          }}
        />
      </Field>
      <Field label="トークン" hint="所属課に配られた提出用トークン">
        <Input type="password" value={token} onChange={(_, d) => setToken(d.value)} />
      </Field>
      <div>
        <Button appearance="primary" type="submit">
          保存
        </Button>{' '}
        <Button type="button" onClick={onCancel}>
          キャンセル
        </Button>
      </div>
    </form>
  );
}
