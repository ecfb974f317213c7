import type { ExcelHost } from '../excel/excel-host.ts';
import type { SettingsStorage } from '../excel/user-settings.ts';
import type { FileSource } from '../excel/workbook-file.ts';

/** What the task pane needs from the outside world; main.tsx wires Office, tests wire the fake. */
export interface PaneDeps {
  excel: ExcelHost;
  file: FileSource;
  settings: SettingsStorage;
  fetch: typeof fetch;
  /** Live re-check delay; 0 turns live re-check off. */
  liveDelayMs: number;
}
