import type { SubmissionStore, SummaryStore } from '../storage/index.ts';
import type { Queues } from './queues.ts';

/**
 * Re-enqueues every stored submission without a final status whose job Redis no longer knows, and asks
 * for a summary of every ward-year that has final submissions but no summary. Safe to run any time.
 */
export async function reconcile(store: SubmissionStore, summaries: SummaryStore, queues: Queues): Promise<{ requeued: number }> {
  let requeued = 0;
  const metas = await store.list();
  for (const meta of metas) {
    if (meta.status === 'accepted' || meta.status === 'rejected') continue;
    const job = await queues.ingest.getJob(meta.id);
    const state = job ? await job.getState() : 'unknown';
    if (state === 'failed' && job) {
      await job.retry();
      requeued++;
    } else if (!job || state === 'unknown' || state === 'completed') {
      if (job) await job.remove().catch(() => undefined);
      await queues.addIngest(meta.id);
      requeued++;
    }
  }
  const wardYears = new Set(metas.filter((m) => m.status === 'accepted').map((m) => `${m.ward}\u0000${m.fiscalYear}`));
  for (const key of wardYears) {
    const [ward = '', year = ''] = key.split('\u0000');
    if (!(await summaries.get(ward, Number(year)))) await queues.requestConsolidation(ward, Number(year));
  }
  return { requeued };
}
