import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { officeExcelHost } from '../excel/excel-host.ts';
import { settingsStorage } from '../excel/user-settings.ts';
import { App } from './app.tsx';

Office.onReady(() => {
  const root = document.getElementById('root');
  if (!root) return;
  const deps = {
    excel: officeExcelHost(),
    file: Office.context.document,
    settings: settingsStorage(),
    fetch: window.fetch.bind(window),
    liveDelayMs: 800,
  };
  createRoot(root).render(
    <FluentProvider theme={webLightTheme} lang="ja">
      <App deps={deps} />
    </FluentProvider>,
  );
});
