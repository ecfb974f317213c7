import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <FluentProvider theme={webLightTheme} lang="ja" style={{ background: 'transparent' }}>
      <App />
    </FluentProvider>,
  );
}
