import type { SubmissionStore, SummaryStore } from '../storage/index.ts';
import type { Queues } from './queues.ts';

/**
 * Re-enqueues every stored submission without a final status whose job Redis no longer knows, and asks
 * for a summary of every ward-year that has final submissions but no summary, or a summary listed before
 * its latest final submission (a debounced request can be dropped while a build runs). Safe to run any time.
 */
export async function reconcile(
  store: SubmissionStore,
  summaries: SummaryStore,
  queues: Queues,
): Promise<{ requeued: number }> {
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
      await queues.addIngest(meta.id, `${meta.ward}/${meta.division}`);
      requeued++;
    }
  }
  const latest = new Map<string, string>();
  for (const m of metas) {
    if (m.status !== 'accepted' && m.status !== 'rejected') continue;
    const key = `${m.ward}\u0000${m.fiscalYear}`;
    const finished = m.finishedAt ?? m.receivedAt;
    if (finished > (latest.get(key) ?? '')) latest.set(key, finished);
  }
  for (const [key, finished] of latest) {
    const [ward = '', year = ''] = key.split('\u0000');
    const asOf = await summaries.asOf(ward, Number(year));
    if (!asOf || asOf.getTime() < Date.parse(finished)) await queues.requestConsolidation(ward, Number(year));
  }
  return { requeued };
}
