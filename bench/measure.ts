// Runs a child process and measures it: wall time, CPU time and peak RSS (through /usr/bin/time -v when
// present, else by sampling /proc/<pid>/status).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export interface Measured {
  wallMs: number;
  /** user + system CPU time of the process (all its threads). */
  cpuMs: number;
  peakRssMb: number | null;
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

const TIME = '/usr/bin/time';

/** Spawns `command args` and measures it; never throws for a non-zero exit (see exitCode). */
export function measureProcess(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<Measured> {
  const timed = existsSync(TIME);
  const argv = timed ? ['-v', command, ...args] : args;
  const started = performance.now();
  const child = spawn(timed ? TIME : command, argv, {
    env: options.env ?? process.env,
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let sampledKb = 0;
  const sampler = timed
    ? undefined
    : setInterval(
        () => (sampledKb = Math.max(sampledKb, procKb(child.pid, 'VmHWM') ?? procKb(child.pid, 'VmRSS') ?? 0)),
        50,
      );
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (sampler) clearInterval(sampler);
      const wallMs = performance.now() - started;
      if (timed) {
        const field = (label: string): number | null => {
          const m = new RegExp(`${label}[^:]*:\\s*([\\d.:]+)`).exec(stderr);
          return m ? Number(m[1]) : null;
        };
        const user = field('User time') ?? 0;
        const sys = field('System time') ?? 0;
        const rss = field('Maximum resident set size');
        const status = field('Exit status');
        resolve({
          wallMs,
          cpuMs: (user + sys) * 1000,
          peakRssMb: rss === null ? null : rss / 1024,
          exitCode: status ?? code,
          stdout,
          stderr: stderr.replace(/\tCommand being timed[\s\S]*$/, ''),
        });
      } else {
        resolve({
          wallMs,
          cpuMs: Number.NaN,
          peakRssMb: sampledKb ? sampledKb / 1024 : null,
          exitCode: code,
          stdout,
          stderr,
        });
      }
    });
  });
}

function procKb(pid: number | undefined, field: string): number | null {
  if (!pid) return null;
  try {
    const m = new RegExp(`${field}:\\s*(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** CPU milliseconds this process has used so far (user + system). */
export function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** The q-quantile (0–1) of a list of numbers. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** The run whose `value` is the median (the lower middle one of an even count): a real run, not an average. */
export function medianRun<T>(runs: readonly T[], value: (run: T) => number): T {
  const sorted = [...runs].sort((a, b) => value(a) - value(b));
  const run = sorted[Math.floor((sorted.length - 1) / 2)];
  if (run === undefined) throw new Error('medianRun of no runs');
  return run;
}
