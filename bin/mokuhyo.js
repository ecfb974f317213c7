#!/usr/bin/env node
// Entry point of the `mokuhyo` CLI: runs a cached JavaScript bundle of the TypeScript sources (rebuilt when
// a source changes), or the sources through tsx's loader when no bundle can be built (MOKUHYO_NO_BUNDLE=1).
import { fileURLToPath } from 'node:url';
import { cachedBundle } from './cached-bundle.js';
import { tuneV8 } from './v8-tuning.js';

tuneV8();
// A reader that stops early (`mokuhyo extract --json seeds | head`) closes the pipe: stop quietly, as cat does.
process.stdout.on('error', (err) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});

const entry = new URL('../worker/cli/main.ts', import.meta.url);
const bundle = process.env.MOKUHYO_NO_BUNDLE
  ? null
  : await cachedBundle({ entry: fileURLToPath(entry), name: 'cli', splitting: true }).catch(() => null);
let main;
if (bundle) {
  ({ main } = await import(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(entry.href));
}
process.exitCode = await main(process.argv.slice(2));
