import { UnrecoverableError, type Job } from 'bullmq';
import type { SubmissionStore } from '../storage/index.ts';
import type { Queues, IngestJobData } from './queues.ts';
import { SandboxLimitError, type SandboxPool } from './sandbox.ts';

export interface IngestDeps {
  store: SubmissionStore;
  queues: Queues;
  sandbox: SandboxPool;
}

/**
 * read → extract → validate → record for one stored submission. Idempotent: a job picked up again after
 * a crash finds the final status and stops, so each submission is counted once.
 */
export function ingestProcessor(deps: IngestDeps) {
  return async (job: Job<IngestJobData>): Promise<{ status: string }> => {
    const { store, queues } = deps;
    const meta = await store.get(job.data.submissionId);
    if (!meta) throw new UnrecoverableError(`提出 ${job.data.submissionId} が保存されていません。`);
    if (meta.status === 'accepted' || meta.status === 'rejected') return { status: meta.status };
    await store.update(meta.id, { status: 'processing' });
    await job.updateProgress(10);
    const bytes = await store.bytes(meta);
    let result;
    try {
      result = await deps.sandbox.run(bytes);
    } catch (err) {
      if (!(err instanceof SandboxLimitError)) throw err;
      const error = { code: err.code, message: err.message };
      await store.putResult(meta.id, { status: 'rejected', error, sheets: [] });
      await store.update(meta.id, { status: 'rejected', error, finishedAt: new Date().toISOString() });
      throw new UnrecoverableError(err.message);
    }
    await job.updateProgress(80);
    const status = result.status === 'accepted' ? 'accepted' : 'rejected';
    await store.putResult(meta.id, { status, error: result.error, sheets: result.sheets });
    await store.update(meta.id, { status, error: result.error, finishedAt: new Date().toISOString() });
    await job.updateProgress(100);
    if (status === 'accepted') await queues.requestConsolidation(meta.ward, meta.fiscalYear);
    if (result.status === 'unreadable') throw new UnrecoverableError(result.error?.message ?? '読み込めないファイルです。');
    return { status };
  };
}
