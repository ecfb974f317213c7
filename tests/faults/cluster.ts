// Real processes for the fault, load and security suites: a private redis-server, `mokuhyo serve
// --no-worker` and any number of `mokuhyo worker`s sharing a temp config and data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FsSubmissionStore, type SubmissionMeta } from '../../worker/storage/index.ts';
import { freePort, startRedis, type PrivateRedis } from '../worker/queue/redis-server.ts';
import { testConfig, TOKENS } from '../worker/queue/test-world.ts';

export { TOKENS };
export const ROOT = resolve(import.meta.dirname, '../..');
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BIN = join(ROOT, 'bin/mokuhyo.js');

export interface Proc {
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
}

export interface Cluster {
  redis: PrivateRedis;
  dataDir: string;
  base: string;
  store: FsSubmissionStore;
  serve: Proc;
  workers: Proc[];
  startWorker(): Promise<Proc>;
  /** Starts (or restarts) the intake with the cluster's config. */
  startServe(): Promise<Proc>;
  stop(): Promise<void>;
}

/** Config keys for fast faults: short locks, quick stalled checks, frequent reconciliation. */
// Load and fault runs send far more than a real division would: no per-token rate limit gets in their way.
export const FAST = {
  consolidationDelayMs: 800,
  // The fault runs check that automatic rebuilds survive crashes: they keep them on.
  autoSummaries: true,
  lockDurationMs: 3000,
  stalledIntervalMs: 1000,
  reconcileIntervalMs: 2000,
  concurrency: 2,
  rateLimits: { submissionsPerMinute: 1_000_000, requestsPerMinute: 1_000_000 },
};

function run(args: string[], env: NodeJS.ProcessEnv): Proc {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (d: Buffer) => {
    out = (out + d.toString()).slice(-2_000_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => out };
}

/** SIGKILLs (or signals) a process and waits for it to be gone. */
export function kill(proc: Proc, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  const { child } = proc;
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill(signal);
  });
}

async function waitFor(what: string, ms: number, check: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Starts Redis, the intake (no workers) and `workers` worker processes. */
export async function startCluster(
  binary: string,
  opts: {
    workers: number;
    extra?: Record<string, unknown>;
    workerEnv?: NodeJS.ProcessEnv;
    serveEnv?: NodeJS.ProcessEnv;
  },
): Promise<Cluster> {
  const redis = await startRedis(binary);
  const dataDir = await mkdtemp(join(tmpdir(), 'mokuhyo-faults-'));
  const port = await freePort();
  const config = {
    ...testConfig(join(dataDir, 'data'), redis.url, { ...FAST, ...opts.extra }),
    port,
    host: '127.0.0.1',
  };
  const configFile = join(dataDir, 'config.json');
  await writeFile(configFile, JSON.stringify(config));
  const env = {
    MOKUHYO_CONFIG: configFile,
    MOKUHYO_DATA_DIR: config.dataDir,
    REDIS_URL: redis.url,
    PORT: String(port),
  };
  const base = `http://127.0.0.1:${port}`;
  const cluster: Cluster = {
    redis,
    dataDir: config.dataDir,
    base,
    store: new FsSubmissionStore(config.dataDir),
    serve: undefined as unknown as Proc,
    workers: [],
    async startWorker() {
      const w = run(['worker'], { ...env, ...opts.workerEnv });
      this.workers.push(w);
      const gone = () => w.child.exitCode !== null || w.child.signalCode !== null;
      await waitFor('worker start', 60_000, async () => /mokuhyo worker:/.test(w.output()) || gone());
      if (gone()) throw new Error(`worker exited: ${w.output()}`);
      return w;
    },
    async startServe() {
      const s = run(['serve', '--no-worker'], { ...env, ...opts.serveEnv });
      this.serve = s;
      await waitFor(
        'intake start',
        60_000,
        async () => (await fetch(`${base}/healthz`)).status === 200 || s.child.exitCode !== null,
      );
      if (s.child.exitCode !== null) throw new Error(`serve exited: ${s.output()}`);
      return s;
    },
    async stop() {
      await Promise.all([this.serve, ...this.workers].filter(Boolean).map((p) => kill(p)));
      await redis.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  await cluster.startServe();
  await Promise.all(Array.from({ length: opts.workers }, () => cluster.startWorker()));
  return cluster;
}

export interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) as Record<string, unknown> };
  } catch {
    return { status: res.status, body: { text } };
  }
}

export async function submit(
  base: string,
  token: string,
  bytes: Buffer,
  headers: Record<string, string> = {},
  path = '/api/submissions',
): Promise<Answer> {
  return answer(
    await fetch(`${base}${path}`, {
      method: 'POST',
      body: new Uint8Array(bytes),
      headers: { 'content-type': XLSX, authorization: `Bearer ${token}`, ...headers },
    }),
  );
}

export async function getJson(
  base: string,
  path: string,
  token: string | null,
  method = 'GET',
  body?: unknown,
): Promise<Answer> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  return answer(
    await fetch(`${base}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }),
  );
}

const FINAL = new Set(['accepted', 'rejected']);

/**
 * Watches every stored submission's metadata on disk and records any final status that later changes
 * (status, error or finishedAt): a submission must reach its final status exactly once.
 */
export class FinalityWatcher {
  readonly violations: string[] = [];
  private readonly seen = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly store: FsSubmissionStore) {}

  start(): this {
    const tick = async () => {
      for (const meta of await this.store.list()) this.observe(meta);
      this.timer = setTimeout(() => void tick(), 100);
    };
    void tick();
    return this;
  }

  observe(meta: SubmissionMeta): void {
    const before = this.seen.get(meta.id);
    const now = JSON.stringify([meta.status, meta.error, meta.finishedAt]);
    if (before !== undefined && before !== now) this.violations.push(`${meta.id}: ${before} → ${now}`);
    if (FINAL.has(meta.status) && before !== now) this.seen.set(meta.id, now);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}

/** Waits until every id is final on disk; returns the metas. */
export async function allFinal(store: FsSubmissionStore, ids: string[], ms = 240_000): Promise<SubmissionMeta[]> {
  let metas: (SubmissionMeta | null)[] = [];
  await waitFor(`final statuses of ${ids.length} submissions`, ms, async () => {
    metas = await Promise.all(ids.map((id) => store.get(id)));
    return metas.every((m) => m !== null && FINAL.has(m.status));
  }).catch((err: Error) => {
    const open = metas.filter((m) => !m || !FINAL.has(m.status)).map((m) => `${m?.id}:${m?.status}`);
    throw new Error(`${err.message}; still open: ${open.slice(0, 10).join(', ')}`);
  });
  return metas as SubmissionMeta[];
}

/** Every file under a folder (relative paths), for "nothing half-written" checks. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

/** Deterministic PRNG (mulberry32) so a failing run can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
