import { randomUUID } from 'node:crypto';
import { Queue, type ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';

export const INGEST_QUEUE = 'mokuhyo-ingest';
export const CONSOLIDATE_QUEUE = 'mokuhyo-consolidate';

/** Job data carries references only, never file bytes. */
export interface IngestJobData {
  submissionId: string;
  /** `ward/division` of the submission, for taking turns between divisions. */
  owner?: string;
}

/** Pending files per division, a sorted set by enqueue time (self-cleaning: entries older than an hour go). */
const PENDING_PREFIX = 'mokuhyo:ingest-pending:';
const PENDING_TTL_MS = 3600_000;
/** BullMQ's largest priority. */
const MAX_PRIORITY = 2_097_151;

export interface ConsolidateJobData {
  ward: string;
  fiscalYear: number;
  /** Requested by an accepted submission (skipped while others of the ward-year are still pending). */
  auto?: boolean;
  /** Who asked for it (the coordinator's name or role), shown in the console's list of summaries. */
  by?: string;
}

const RETENTION = {
  removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
  removeOnFail: { age: 30 * 24 * 3600, count: 5000 },
};
// bull-board shows a failed job's stack trace to whoever opens it: its frames name the server's paths (the
// bundle, node_modules). No job keeps one; the failed reason (a Japanese message) says what went wrong.
const JOB_OPTIONS = { ...RETENTION, stackTraceLimit: 0 };

/** A Redis connection as BullMQ needs it (blocking commands never time out). */
export function redisConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, enableOfflineQueue: true });
}

/** Both queues over one connection. */
export class Queues {
  readonly ingest: Queue<IngestJobData>;
  readonly consolidate: Queue<ConsolidateJobData>;
  /** The connection itself when one was given (the pending files per division are counted on it). */
  private readonly redis: Redis | null;

  constructor(
    connection: ConnectionOptions,
    private readonly debounceMs: number,
    /** Automatic rebuilds after submissions (config `autoSummaries`); otherwise only requested builds run. */
    private readonly auto = true,
  ) {
    this.redis = connection instanceof Redis ? connection : null;
    this.ingest = new Queue<IngestJobData>(INGEST_QUEUE, { connection });
    this.consolidate = new Queue<ConsolidateJobData>(CONSOLIDATE_QUEUE, { connection });
    // Connection errors are the connection's to report (once per outage, runtime.ts); without a listener
    // BullMQ prints each one with its stack.
    this.ingest.on('error', () => undefined);
    this.consolidate.on('error', () => undefined);
  }

  /**
   * Enqueues a stored submission; the job id is the submission id, so a submission is queued once. With its
   * `owner` (`ward/division`), files take turns between divisions: a job's priority is the number of that
   * division's files pending with it (its first file 1, its tenth 10), so another division's next file goes
   * ahead of a division's backlog — round robin, not first come first served (docs/worker.md, "Fairness").
   */
  async addIngest(submissionId: string, owner?: string): Promise<void> {
    const priority = owner && this.redis ? await this.pendingRank(this.redis, owner, submissionId) : 1;
    await this.ingest.add(
      'ingest',
      { submissionId, ...(owner ? { owner } : {}) },
      {
        jobId: submissionId,
        priority,
        attempts: 5,
        backoff: { type: 'exponential', delay: 1000 },
        ...JOB_OPTIONS,
      },
    );
  }

  /** This submission's place among its division's pending files (1 = none ahead of it). */
  private async pendingRank(client: Redis, owner: string, submissionId: string): Promise<number> {
    const key = `${PENDING_PREFIX}${owner}`;
    const now = Date.now();
    const replies = await client
      .multi()
      .zremrangebyscore(key, 0, now - PENDING_TTL_MS)
      .zadd(key, 'NX', now, submissionId)
      .zrank(key, submissionId)
      .pexpire(key, PENDING_TTL_MS)
      .exec();
    const rank = Number(replies?.[2]?.[1] ?? 0);
    return Math.min(MAX_PRIORITY, rank + 1);
  }

  /** A division's file is final: it no longer counts against the division's next ones. */
  async ingestDone(owner: string, submissionId: string): Promise<void> {
    await this.redis?.zrem(`${PENDING_PREFIX}${owner}`, submissionId);
  }

  /**
   * Asks for the ward's summary to be rebuilt after a quiet period: every request within it folds into
   * the one delayed job (BullMQ deduplication in debounce mode), so a burst builds once or twice.
   */
  async requestConsolidation(ward: string, fiscalYear: number): Promise<void> {
    if (!this.auto) return;
    await this.consolidate.add(
      'consolidate',
      { ward, fiscalYear, auto: true },
      {
        delay: this.debounceMs,
        deduplication: { id: `${ward}-${fiscalYear}`, ttl: Math.max(1, this.debounceMs), extend: true, replace: true },
        attempts: 3,
        backoff: { type: 'exponential', delay: 2000 },
        ...JOB_OPTIONS,
      },
    );
  }

  /**
   * A consolidation a coordinator asked for: runs now, and has its own id to poll. While a build the
   * coordinator asked for is still queued or running for the same ward-year, a second request gets that
   * build's id instead of a second, identical build (BullMQ deduplication, held until the job ends):
   * `created` says which.
   */
  async addConsolidation(ward: string, fiscalYear: number, by?: string): Promise<string>;
  async addConsolidation(
    ward: string,
    fiscalYear: number,
    by: string | undefined,
    opts: { withCreated: true },
  ): Promise<{ id: string; created: boolean }>;
  async addConsolidation(
    ward: string,
    fiscalYear: number,
    by?: string,
    opts?: { withCreated: true },
  ): Promise<string | { id: string; created: boolean }> {
    const jobId = `c-${randomUUID()}`;
    const job = await this.consolidate.add(
      'consolidate',
      { ward, fiscalYear, ...(by ? { by } : {}) },
      {
        jobId,
        deduplication: { id: `build-${ward}-${fiscalYear}` },
        attempts: 3,
        backoff: { type: 'exponential', delay: 2000 },
        ...JOB_OPTIONS,
      },
    );
    const id = job.id ?? jobId;
    return opts?.withCreated ? { id, created: id === jobId } : id;
  }

  async close(): Promise<void> {
    await Promise.all([this.ingest.close(), this.consolidate.close()]);
  }
}
