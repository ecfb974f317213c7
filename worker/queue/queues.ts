import { randomUUID } from 'node:crypto';
import { Queue, type ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';

export const INGEST_QUEUE = 'mokuhyo-ingest';
export const CONSOLIDATE_QUEUE = 'mokuhyo-consolidate';

/** Job data carries references only, never file bytes. */
export interface IngestJobData {
  submissionId: string;
}

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

  constructor(
    connection: ConnectionOptions,
    private readonly debounceMs: number,
    /** Automatic rebuilds after submissions (config `autoSummaries`); otherwise only requested builds run. */
    private readonly auto = true,
  ) {
    this.ingest = new Queue<IngestJobData>(INGEST_QUEUE, { connection });
    this.consolidate = new Queue<ConsolidateJobData>(CONSOLIDATE_QUEUE, { connection });
    // Connection errors are the connection's to report (once per outage, runtime.ts); without a listener
    // BullMQ prints each one with its stack.
    this.ingest.on('error', () => undefined);
    this.consolidate.on('error', () => undefined);
  }

  /** Enqueues a stored submission; the job id is the submission id, so a submission is queued once. */
  async addIngest(submissionId: string): Promise<void> {
    await this.ingest.add(
      'ingest',
      { submissionId },
      { jobId: submissionId, attempts: 5, backoff: { type: 'exponential', delay: 1000 }, ...JOB_OPTIONS },
    );
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

  /** A consolidation a coordinator asked for: runs now, and has its own id to poll. */
  async addConsolidation(ward: string, fiscalYear: number, by?: string): Promise<string> {
    const jobId = `c-${randomUUID()}`;
    await this.consolidate.add(
      'consolidate',
      { ward, fiscalYear, ...(by ? { by } : {}) },
      { jobId, attempts: 3, backoff: { type: 'exponential', delay: 2000 }, ...JOB_OPTIONS },
    );
    return jobId;
  }

  async close(): Promise<void> {
    await Promise.all([this.ingest.close(), this.consolidate.close()]);
  }
}
