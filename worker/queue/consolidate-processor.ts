import type { Job } from 'bullmq';
import { ledgerOf } from '../../shared/summary/judge-inputs.ts';
import { buildSummary, type SubmissionInput } from '../../shared/summary/index.ts';
import type { Config } from '../config/index.ts';
import type { SubmissionStore, SummaryStore, YearStore } from '../storage/index.ts';
import { writeSummary } from '../summary/write-summary.ts';
import { scopeOf } from './decide-submission.ts';
import type { ConsolidateJobData } from './queues.ts';
import { submissionInput, yearFacts } from './ward-ledger.ts';

export interface ConsolidateDeps {
  config: Config;
  store: SubmissionStore;
  summaries: SummaryStore;
  /** The coordinator's 提出期限 when set in the console. */
  years?: YearStore | null;
}

/** Builds a ward's summary from the latest final submission of each division and stores it. */
export function consolidateProcessor(deps: ConsolidateDeps) {
  return async (job: Job<ConsolidateJobData>): Promise<{ summary: string; submissions: number; built: boolean }> => {
    const { ward, fiscalYear } = job.data;
    const summary = `/api/summaries/${ward}/${fiscalYear}`;
    const wardConfig = deps.config.wards.find((w) => w.id === ward);
    const listedAt = new Date();
    const all = await deps.store.list({ ward, fiscalYear });
    // The last submission of a burst to finish asks again, so an automatic build can wait for it.
    // A submission pending for long (its job failed for good) does not hold the summary back forever.
    const since = Date.now() - 3 * deps.config.ingestTimeoutMs;
    const pending = all.some(
      (m) => (m.status === 'queued' || m.status === 'processing') && Date.parse(m.receivedAt) > since,
    );
    if (job.data.auto && pending) return { summary, submissions: 0, built: false };
    const inputs: SubmissionInput[] = [];
    for (const [i, meta] of all.entries()) {
      const result =
        meta.status === 'accepted' || meta.status === 'rejected' ? await deps.store.getResult(meta.id) : null;
      inputs.push(submissionInput(meta, result, wardConfig, consoleUrl(deps.config.publicUrl, meta.id)));
      await job.updateProgress(Math.round(((i + 1) / Math.max(1, all.length)) * 70));
    }
    // The summary shows the ward-year's ledger: the same words, counted versions and reasons as the console.
    const scope = wardConfig
      ? { ...scopeOf(wardConfig), fiscalYear, ...(await yearFacts(wardConfig, fiscalYear, deps.years)) }
      : null;
    const ledger = scope ? ledgerOf(inputs, scope) : null;
    const model = buildSummary(inputs, {
      ward: wardConfig?.name ?? ward,
      fiscalYear,
      expectedDivisions: wardConfig?.divisions ?? [],
      generatedAt: new Date().toISOString(),
      ...(scope && ledger ? { ledger, scope } : {}),
    });
    await job.updateProgress(85);
    const c = ledger?.counts;
    const about = {
      by: job.data.by ?? (job.data.auto ? '自動（提出のあと）' : '集計担当'),
      counts: {
        expected: c?.expected ?? 0,
        submitted: c?.submitted ?? 0,
        accepted: c?.受理 ?? 0,
        rejected: c?.差戻し ?? 0,
        unreadable: c?.読込不可 ?? 0,
        missing: c?.未提出 ?? 0,
      },
    };
    await deps.summaries.put(ward, fiscalYear, await writeSummary(model), listedAt, about);
    await job.updateProgress(100);
    return { summary, submissions: inputs.length, built: true };
  };
}

/** The web console's page of a submission, when the config says where the console is served. */
export function consoleUrl(publicUrl: string | undefined, id: string): string | null {
  return publicUrl ? `${publicUrl.replace(/\/+$/, '')}/#/submissions/${encodeURIComponent(id)}` : null;
}
