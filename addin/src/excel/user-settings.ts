/** Where submissions go and the division's token. */
export interface UserSettings {
  intakeUrl: string;
  token: string;
}

const KEY = 'mokuhyo.settings';

/**
 * Settings are per user, so they live in the add-in's localStorage (partitioned by Office's partitionKey
 * where the host requires it), never in the document: document settings travel with the workbook and
 * would hand the division's token to whoever receives the file. RoamingSettings exist only in Outlook.
 */
export function settingsStorage(
  storage: Storage = localStorage,
  partitionKey: string | undefined = officePartitionKey(),
) {
  const key = partitionKey ? `${partitionKey}${KEY}` : KEY;
  return {
    load(): UserSettings {
      try {
        const parsed = JSON.parse(storage.getItem(key) ?? '{}') as Partial<UserSettings>;
        return { intakeUrl: String(parsed.intakeUrl ?? ''), token: String(parsed.token ?? '') };
      } catch {
        return { intakeUrl: '', token: '' };
      }
    },
    save(settings: UserSettings): void {
      storage.setItem(key, JSON.stringify(settings));
    },
  };
}

export type SettingsStorage = ReturnType<typeof settingsStorage>;

function officePartitionKey(): string | undefined {
  return typeof Office !== 'undefined' ? (Office.context?.partitionKey ?? undefined) : undefined;
}
