// A private redis-server on a random port for one test file; never a mock of BullMQ.
import { spawn, type ChildProcess } from 'node:child_process';
import { access } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { missingTool } from '../../helpers/required-tools.ts';

export interface PrivateRedis {
  port: number;
  url: string;
  /** SIGKILLs the server: every key is gone (no persistence). */
  kill(): Promise<void>;
  /** Starts an empty server on the same port again. */
  restart(): Promise<void>;
  /** SIGSTOPs the server: connections stay open but nothing answers (keys kept) until `resume`. */
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
}

const BINARIES = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'];

/** The redis-server binary, or null (a skip; a failure under MOKUHYO_REQUIRE_TOOLS=1 or CI). */
export async function findRedisServer(): Promise<string | null> {
  for (const path of BINARIES)
    if (
      await access(path).then(
        () => true,
        () => false,
      )
    )
      return path;
  return missingTool('redis-server', 'install the Debian package redis-server');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
    socket.once('data', (d) => done(d.toString().startsWith('+PONG')));
  });
}

export async function startRedis(binary: string): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const boot = async () => {
    child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    for (let i = 0; i < 100; i++) {
      if (await ping(port)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server did not start on ${port}`);
  };
  const kill = async () => {
    const c = child as ChildProcess | null;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGKILL');
    });
  };
  await boot();
  const signal = (sig: NodeJS.Signals) => void (child as ChildProcess | null)?.kill(sig);
  const stop = async () => {
    signal('SIGCONT');
    await kill();
  };
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill,
    restart: boot,
    stop,
    pause: () => signal('SIGSTOP'),
    resume: () => signal('SIGCONT'),
  };
}
