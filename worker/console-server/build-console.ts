// `npm run build:console`: builds the web console into the cache `mokuhyo serve` uses. `--if-stale` (run by
// npm's prepare step after every install) builds only when the cached build is missing or out of date, and
// steps aside when Vite is not installed (an install without dev dependencies builds on first use instead).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildConsole, freshConsoleBuild } from './console-build.ts';

const ifStale = process.argv.includes('--if-stale');
const vite = fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url));
const fresh = ifStale ? await freshConsoleBuild() : null;
if (fresh) {
  process.stdout.write(`web console up to date: ${fresh}\n`);
} else if (ifStale && !existsSync(vite)) {
  process.stdout.write(
    'web console: Vite is not installed; mokuhyo serve builds the console when it is first needed\n',
  );
} else {
  process.stdout.write(`web console built: ${await buildConsole()}\n`);
}
