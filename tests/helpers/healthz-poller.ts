// Polls /healthz from a separate process, so the latencies are the server's and not the test process's own
// event loop (busy sending the attack it measures).
import { spawn } from 'node:child_process';

const SCRIPT = `
const [base, every] = process.argv.slice(1);
let stop = false;
process.stdin.on('data', () => (stop = true));
(async () => {
  while (!stop) {
    const t0 = performance.now();
    const status = await fetch(base + '/healthz').then((r) => r.status, () => 0);
    process.stdout.write(JSON.stringify({ ms: performance.now() - t0, status }) + '\\n');
    await new Promise((r) => setTimeout(r, Number(every)));
  }
  process.exit(0);
})();
`;

export interface HealthzSample {
  ms: number;
  status: number;
}

/** Starts polling `base`/healthz every `everyMs`; `stop()` ends it and answers every sample. */
export function pollHealthz(base: string, everyMs = 50): { stop(): Promise<HealthzSample[]> } {
  const child = spawn(process.execPath, ['-e', SCRIPT, base, String(everyMs)], { stdio: ['pipe', 'pipe', 'ignore'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    async stop() {
      child.stdin.write('stop\n');
      await exited;
      return out
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as HealthzSample);
    },
  };
}
