// Builds the web console (served by `mokuhyo serve` at /). `mokuhyo serve` runs this build itself when
// its cached copy is missing or stale (worker/console-server/console-build.ts); `npm run build:console` runs it
// on purpose. MOKUHYO_CONSOLE_OUT names the output folder (default dist-console/).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Lists every project file the bundle was made from (inputs.json), so a cached build knows when it is stale. */
function inputsList(): Plugin {
  return {
    name: 'mokuhyo-console-inputs',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = new Set<string>([resolve(here, 'index.html')]);
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue;
        for (const id of Object.keys(item.modules))
          if (id.startsWith('/') && !id.includes('/node_modules/')) files.add(id.split('?')[0]!);
      }
      this.emitFile({ type: 'asset', fileName: 'inputs.json', source: JSON.stringify([...files].sort()) });
    },
  };
}

export default defineConfig({
  root: here,
  base: '/',
  publicDir: false,
  esbuild: { jsx: 'automatic' },
  logLevel: 'warn',
  build: {
    outDir: process.env.MOKUHYO_CONSOLE_OUT ?? resolve(here, '../dist-console'),
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: resolve(here, 'index.html'),
      // Fluent UI marks its modules "use client" (a React Server Components hint a browser bundle ignores).
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  plugins: [inputsList()],
});
