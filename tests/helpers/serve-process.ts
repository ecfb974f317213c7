// A real `mokuhyo serve` child process for the browser tests: a config written to a folder of the test's,
// started with the repository's own bin, waited for on /healthz, and stopped with SIGTERM (SIGKILL after
// 10 s). The console is built by serve itself on start (MOKUHYO_CONSOLE_DIR empty).
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { freePort } from '../worker/queue/redis-server.ts';

const ROOT = resolve(import.meta.dirname, '../..');

export interface ServeProcess {
  /** `http://127.0.0.1:<port>` */
  base: string;
  port: number;
  /** The last 4,000 characters serve wrote, for a failure's message. */
  log(): string;
  stop(): Promise<void>;
}

/**
 * Starts `mokuhyo serve` on a free port of 127.0.0.1 with `config` (port and host are added) in `dir`; a config
 * that needs the address (a `publicUrl`) is given as a function of it.
 */
export async function startServe(
  dir: string,
  config: Record<string, unknown> | ((base: string) => Record<string, unknown>),
): Promise<ServeProcess> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const settings = typeof config === 'function' ? config(base) : config;
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...settings, port, host: '127.0.0.1' }));
  let log = '';
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'bin/mokuhyo.js'), 'serve'], {
    cwd: dir,
    env: { ...process.env, MOKUHYO_CONFIG: join(dir, 'config.json'), MOKUHYO_LOG: 'off', MOKUHYO_CONSOLE_DIR: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (d: Buffer) => (log = (log + d.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = () =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise<void>((r) => {
          child.once('exit', () => r());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        });
  const end = Date.now() + 120_000;
  for (;;) {
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > end || child.exitCode !== null) {
      await stop();
      throw new Error(`mokuhyo serve did not start: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { base, port, log: () => log, stop };
}

/** Debian's Chromium, headless, without the background traffic a test machine has no network for. */
export function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
