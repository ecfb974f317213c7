// Start-up: `mokuhyo validate` on one seed workbook, the way a person at a terminal runs it — node on the
// bin directly (what `npm link` or a shell alias amount to) and through npx,
// which first starts npm itself. Node's own start-up is the floor under both.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureProcess, medianRun } from '../measure.ts';

export interface StartupRow {
  /** How the command was started, as docs/cli.md ("Starting fast") names it. */
  label: string;
  command: string;
  /** Wall time of the median run. */
  wallMs: number;
  cpuMs: number;
  /** Every run's wall time, in run order. */
  wallRunsMs: number[];
}

export interface StartupResult {
  file: string;
  rows: StartupRow[];
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const STARTUP_FILE = 'seeds/org-goals/akiha-2020-kenko-fukushi.xlsx';

/** The ways to start `mokuhyo validate <one file>`; npx only where npm is installed beside node. */
function ways(file: string): { label: string; command: string; argv: [string, ...string[]] }[] {
  const list: { label: string; command: string; argv: [string, ...string[]] }[] = [
    { label: 'node alone (floor)', command: 'node -e 0', argv: [process.execPath, '-e', '0'] },
    {
      label: 'node bin/mokuhyo.js (npm link, alias)',
      command: `node bin/mokuhyo.js validate ${file}`,
      argv: [process.execPath, join(ROOT, 'bin/mokuhyo.js'), 'validate', file],
    },
  ];
  const npx = join(process.execPath, '..', 'npx');
  if (existsSync(npx))
    list.push({
      label: 'npx mokuhyo',
      command: `npx mokuhyo validate ${file}`,
      argv: [npx, 'mokuhyo', 'validate', file],
    });
  return list;
}

/** Times each way `repeats` times (after one unmeasured warm-up run each) and keeps the median run. */
export async function runStartup(repeats: number, file = STARTUP_FILE): Promise<StartupResult> {
  const rows: StartupRow[] = [];
  for (const way of ways(file)) {
    const [command, ...args] = way.argv;
    const once = () => measureProcess(command, args, { cwd: ROOT });
    const warm = await once();
    if (warm.exitCode !== 0) throw new Error(`${way.command} exited ${warm.exitCode}: ${warm.stderr.slice(0, 300)}`);
    const runs = [];
    for (let i = 0; i < repeats; i++) runs.push(await once());
    const median = medianRun(runs, (r) => r.wallMs);
    rows.push({
      label: way.label,
      command: way.command,
      wallMs: median.wallMs,
      cpuMs: median.cpuMs,
      wallRunsMs: runs.map((r) => r.wallMs),
    });
  }
  return { file, rows };
}
