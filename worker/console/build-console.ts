// `npm run build:console`: builds the web console into the cache `mokuhyo serve` uses (it would otherwise
// build it on its first start after a change).
import { buildConsole } from './console-build.ts';

const dir = await buildConsole();
process.stdout.write(`web console built: ${dir}\n`);
