import { fileURLToPath } from 'node:url';
import { cachedBundle } from '../../bin/cached-bundle.js';

const ENTRY = fileURLToPath(new URL('./ingest-thread.ts', import.meta.url));

/**
 * The ingest thread's entry as one plain JavaScript module (the project's TypeScript bundled by esbuild,
 * packages left external), rebuilt when a source file changes. A thread then starts without a TypeScript
 * loader, which otherwise costs each thread most of a second. null when esbuild is unavailable.
 */
export function threadBundle(): Promise<string | null> {
  return cachedBundle({ entry: ENTRY, name: 'ingest-thread' });
}
