// Queue mode: submissions through the real intake (mokuhyo serve --no-worker) → BullMQ → mokuhyo worker
// processes → summary, with 1 and with 2 worker processes, against a private redis-server.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Queue, QueueEvents } from 'bullmq';
import { INGEST_QUEUE } from '../../worker/queue/queues.ts';
import { corpusDivision, ensureCorpus } from '../corpus.ts';
import { medianRun } from '../measure.ts';

export interface QueueRun {
  workers: number;
  /** Backlog drain: the ingest queue resumed with every submission stored → every one accepted or rejected (the median drain). */
  drainMs: number;
  perSecond: number;
  /** Every drain's throughput, in run order, when the drain was repeated. */
  drainRunsPerSecond: number[];
  /** Live: first upload (workers running) → every submission accepted or rejected. */
  ingestMs: number;
  livePerSecond: number;
  /** Live: first upload → the coordinator's consolidation done. */
  summaryMs: number;
  accepted: number;
  rejected: number;
}

export type QueueResult =
  | {
      available: true;
      submissions: number;
      concurrency: number;
      one: QueueRun;
      two: QueueRun;
      scaling: number;
      liveScaling: number;
    }
  | { available: false; reason: string };

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/mokuhyo.js');
const NEEDED = [
  'worker/intake/build-server.ts',
  'worker/queue/run-workers.ts',
  'worker/cli/serve-command.ts',
  'worker/cli/worker-command.ts',
  'tests/worker/queue/redis-server.ts',
];
const WARD = { id: 'bench', name: 'ベンチ区', fiscalYear: 2020 };
const COORDINATOR = 'coordinator-bench-0123456789';

const tokenOf = (division: string): string => `submitter-${Buffer.from(division).toString('hex')}`;

/**
 * Ingest jobs per worker process in the bench: one, so a process is one unit of ingest capacity (one
 * sandboxed child) and the ratio answers "what does a second worker process add". The shipped default
 * (`concurrency: 2`) already keeps both cores of this machine busy from one process.
 */
const CONCURRENCY = 1;

/**
 * Runs queue mode with 1 and 2 worker processes: the backlog drain `repeats` times, alternating 1 and 2
 * workers so a drift in the machine's speed hits both alike (the median drain is reported), then one live
 * run each. "Not available" when the intake/queue code is absent.
 */
export async function runQueue(
  submissions: number,
  o: { outDir: string; log: (line: string) => void; repeats?: number; settleMs?: number },
): Promise<QueueResult> {
  const missing = NEEDED.filter((p) => !existsSync(join(ROOT, p)));
  if (missing.length > 0) return { available: false, reason: `not available (missing ${missing.join(', ')})` };
  const { findRedisServer, startRedis, freePort } = await import('../../tests/worker/queue/redis-server.ts');
  const binary = await findRedisServer();
  if (!binary) return { available: false, reason: 'not available (redis-server not installed)' };
  const corpus = await ensureCorpus(submissions, { root: o.outDir });
  const divisions = corpus.files.map((_, i) => corpusDivision(i) ?? 'その他課');
  const once = async (workers: number, mode: 'drain' | 'live'): Promise<Measured> => {
    o.log(
      `  ${workers} worker process(es), ${mode === 'drain' ? 'draining a stored backlog' : 'uploads while the workers run'}`,
    );
    const redis = await startRedis(binary);
    const dir = join(o.outDir, 'queue', `w${workers}-${mode}`);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    try {
      return await runOnce(workers, mode, corpus.files, divisions, {
        redisUrl: redis.url,
        port: await freePort(),
        dir,
        settleMs: o.settleMs ?? 5000,
      });
    } finally {
      await redis.stop();
    }
  };
  const drains: Record<1 | 2, Drained[]> = { 1: [], 2: [] };
  for (let i = 0; i < Math.max(1, o.repeats ?? 1); i++) {
    for (const workers of [1, 2] as const) drains[workers].push((await once(workers, 'drain')) as Drained);
  }
  const runs: QueueRun[] = [];
  for (const workers of [1, 2] as const) {
    const median = medianRun(drains[workers], (d) => d.drainMs);
    const live = (await once(workers, 'live')) as Lived;
    runs.push({ workers, ...median, drainRunsPerSecond: drains[workers].map((d) => d.perSecond), ...live });
  }
  const [one, two] = runs as [QueueRun, QueueRun];
  return {
    available: true,
    submissions,
    concurrency: CONCURRENCY,
    one,
    two,
    scaling: two.perSecond / one.perSecond,
    liveScaling: two.livePerSecond / one.livePerSecond,
  };
}

type Drained = Pick<QueueRun, 'drainMs' | 'perSecond' | 'accepted' | 'rejected'>;
type Lived = Pick<QueueRun, 'ingestMs' | 'livePerSecond' | 'summaryMs' | 'accepted' | 'rejected'>;
type Measured = Drained | Lived;

async function runOnce(
  workers: number,
  mode: 'drain' | 'live',
  files: string[],
  divisions: string[],
  env: { redisUrl: string; port: number; dir: string; settleMs: number },
): Promise<Measured> {
  const unique = [...new Set(divisions)];
  const config = {
    dataDir: join(env.dir, 'data'),
    redisUrl: env.redisUrl,
    port: env.port,
    host: '127.0.0.1',
    consolidationDelayMs: 60_000,
    concurrency: CONCURRENCY,
    // The benchmark sends and polls far faster than the intake's per-token defaults (30 submissions, 600 requests a minute) allow.
    rateLimits: { submissionsPerMinute: 1_000_000, requestsPerMinute: 1_000_000 },
    wards: [{ ...WARD, divisions: unique }],
    tokens: [
      ...unique.map((division) => ({ token: tokenOf(division), ward: WARD.id, division, role: 'submitter' })),
      { token: COORDINATOR, ward: WARD.id, role: 'coordinator' },
    ],
  };
  const configPath = join(env.dir, 'config.json');
  await writeFile(configPath, JSON.stringify(config));
  const childEnv = { ...process.env, MOKUHYO_CONFIG: configPath, MOKUHYO_LOG: 'off' };
  const children: ChildProcess[] = [
    spawn(process.execPath, [BIN, 'serve', '--no-worker'], { env: childEnv, stdio: 'ignore' }),
  ];
  const base = `http://127.0.0.1:${env.port}`;
  const connection = { url: env.redisUrl };
  const queue = new Queue(INGEST_QUEUE, { connection });
  // The clock stops on the queue's own completed/failed events (one Redis stream read per batch), not by
  // polling the intake per submission, which would charge the run ≈ 2 ms of CPU per submission.
  const events = new QueueEvents(INGEST_QUEUE, { connection });
  const finished = new Set<string>();
  let onFinished: (() => void) | undefined;
  const finish = ({ jobId }: { jobId: string }): void => {
    finished.add(jobId);
    onFinished?.();
  };
  events.on('completed', finish);
  events.on('failed', finish);
  const processed = (ids: string[]): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`queue bench: ${ids.length - finished.size} job(s) never finished`)),
        3_600_000,
      );
      onFinished = () => {
        if (!ids.every((id) => finished.has(id))) return;
        clearTimeout(timer);
        resolve();
      };
      onFinished();
    });
  try {
    await until(async () => (await fetch(`${base}/healthz`).catch(() => null))?.ok || undefined, 60_000);
    await events.waitUntilReady();
    for (let w = 0; w < workers; w++)
      children.push(spawn(process.execPath, [BIN, 'worker'], { env: childEnv, stdio: 'ignore' }));
    // Give the workers their start-up before the clock starts, as a running service would have had it.
    await new Promise((r) => setTimeout(r, env.settleMs));
    const upload = (): Promise<string[]> =>
      mapLimit(files, 8, async (file, i) => {
        const res = await fetch(`${base}/api/submissions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokenOf(divisions[i]!)}`, 'content-type': 'application/octet-stream' },
          body: await readFile(file),
        });
        if (res.status !== 202) throw new Error(`upload ${file}: HTTP ${res.status} ${await res.text()}`);
        return ((await res.json()) as { id: string }).id;
      });
    if (mode === 'drain') {
      await queue.pause();
      const ids = await upload();
      const start = performance.now();
      await queue.resume();
      await processed(ids);
      const drainMs = performance.now() - start;
      return { drainMs, perSecond: ids.length / (drainMs / 1000), ...(await tally(base, ids)) };
    }
    const start = performance.now();
    const ids = await upload();
    await processed(ids);
    const ingestMs = performance.now() - start;
    const job = await fetch(`${base}/api/consolidations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${COORDINATOR}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ward: WARD.id, fiscalYear: WARD.fiscalYear }),
    });
    const { id } = (await job.json()) as { id: string };
    await until(async () => {
      const res = await fetch(`${base}/api/consolidations/${id}`, {
        headers: { authorization: `Bearer ${COORDINATOR}` },
      });
      const body = (await res.json()) as { status: string };
      if (body.status === 'failed') throw new Error('consolidation failed');
      return body.status === 'done' || undefined;
    }, 600_000);
    const summaryMs = performance.now() - start;
    return { ingestMs, livePerSecond: ids.length / (ingestMs / 1000), summaryMs, ...(await tally(base, ids)) };
  } finally {
    await Promise.all([events.close(), queue.close()]);
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r)))));
  }
}

/** After the clock: every submission's status through the intake, as a coordinator would see it. */
async function tally(base: string, ids: string[]): Promise<{ accepted: number; rejected: number }> {
  const statuses = await mapLimit(ids, 8, async (id) => {
    const res = await fetch(`${base}/api/submissions/${id}`, { headers: { authorization: `Bearer ${COORDINATOR}` } });
    return ((await res.json()) as { status: string }).status;
  });
  const pending = statuses.filter((s) => s !== 'accepted' && s !== 'rejected').length;
  if (pending > 0) throw new Error(`queue bench: ${pending} submission(s) not final after their jobs finished`);
  const accepted = statuses.filter((s) => s === 'accepted').length;
  return { accepted, rejected: ids.length - accepted };
}

async function until<T>(check: () => Promise<T | undefined>, ms: number): Promise<T> {
  const end = performance.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (performance.now() > end) throw new Error('queue bench: timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}
