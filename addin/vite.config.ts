// Builds the task pane and the ribbon command page into dist/, with manifest.xml (URLs rewritten by
// MOKUHYO_ADDIN_URL) next to them; `vite` serves the same pages on https://localhost:3000.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { rewriteManifest } from './scripts/manifest-url.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = resolve(here, '../dist');

/** Writes manifest.xml next to the pages, into whichever folder the build went (tests build into their own). */
function manifest(): Plugin {
  let target = outDir;
  return {
    name: 'mokuhyo-manifest',
    apply: 'build',
    configResolved(config) {
      target = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const xml = readFileSync(resolve(here, '../manifest.xml'), 'utf8');
      writeFileSync(join(target, 'manifest.xml'), rewriteManifest(xml, process.env.MOKUHYO_ADDIN_URL));
    },
  };
}

const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Closed networks (LGWAN) point the pages at their own copy of office.js with MOKUHYO_OFFICE_JS_URL. */
function officeJs(): Plugin {
  return {
    name: 'mokuhyo-office-js',
    transformIndexHtml(html) {
      const local = process.env.MOKUHYO_OFFICE_JS_URL?.trim();
      return local ? html.split(OFFICE_JS_CDN).join(local) : html;
    },
  };
}

function devCerts() {
  const dir = join(homedir(), '.office-addin-dev-certs');
  const [key, cert, ca] = ['localhost.key', 'localhost.crt', 'ca.crt'].map((f) => join(dir, f));
  if (!existsSync(key!) || !existsSync(cert!)) return undefined;
  return { key: readFileSync(key!), cert: readFileSync(cert!), ...(existsSync(ca!) ? { ca: readFileSync(ca!) } : {}) };
}

const https = devCerts();

export default defineConfig({
  root: here,
  base: './',
  publicDir: resolve(here, 'public'),
  esbuild: { jsx: 'automatic' },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: {
        taskpane: resolve(here, 'taskpane.html'),
        commands: resolve(here, 'commands.html'),
        result: resolve(here, 'result.html'),
      },
      // Fluent UI marks its modules "use client" (a React Server Components hint a browser bundle ignores).
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: { port: 3000, strictPort: true, ...(https ? { https } : {}) },
  plugins: [officeJs(), manifest()],
});
