import type { Job } from 'bullmq';
import { buildSummary, type SubmissionInput } from '../../shared/summary/index.ts';
import type { Config } from '../config/index.ts';
import type { SubmissionStore, SummaryStore } from '../storage/index.ts';
import { writeSummary } from '../summary/write-summary.ts';
import type { ConsolidateJobData } from './queues.ts';

const UNREADABLE = new Set([
  'empty',
  'too-large',
  'not-zip',
  'truncated',
  'encrypted',
  'legacy-xls',
  'not-spreadsheet',
  'zip-bomb',
  'dtd',
  'too-many-cells',
  'corrupt',
  'timeout',
  'resource',
]);

export interface ConsolidateDeps {
  config: Config;
  store: SubmissionStore;
  summaries: SummaryStore;
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
    const metas = all.filter((m) => m.status === 'accepted' || m.status === 'rejected');
    const inputs: SubmissionInput[] = [];
    for (const [i, meta] of metas.entries()) {
      const result = await deps.store.getResult(meta.id);
      const unreadable = meta.status === 'rejected' && UNREADABLE.has(meta.error?.code ?? '');
      inputs.push({
        id: meta.id,
        // The short id and the name the file was uploaded under: text that survives mailing the summary.
        file: `提出 ${meta.id.slice(0, 8)}（${meta.fileName ?? meta.division}）`,
        queued: true,
        url: consoleUrl(deps.config.publicUrl, meta.id),
        sha256: meta.sha256,
        submittedAt: meta.receivedAt,
        mtime: null,
        division: meta.division,
        status: meta.status === 'accepted' ? 'accepted' : unreadable ? 'unreadable' : 'rejected',
        error: meta.error,
        sheets: result?.sheets ?? [],
      });
      await job.updateProgress(Math.round(((i + 1) / Math.max(1, metas.length)) * 70));
    }
    const model = buildSummary(inputs, {
      ward: wardConfig?.name ?? ward,
      fiscalYear,
      expectedDivisions: wardConfig?.divisions ?? [],
      generatedAt: new Date().toISOString(),
    });
    await job.updateProgress(85);
    await deps.summaries.put(ward, fiscalYear, await writeSummary(model), listedAt);
    await job.updateProgress(100);
    return { summary, submissions: inputs.length, built: true };
  };
}

/** The web console's page of a submission, when the config says where the console is served. */
export function consoleUrl(publicUrl: string | undefined, id: string): string | null {
  return publicUrl ? `${publicUrl.replace(/\/+$/, '')}/#/submissions/${encodeURIComponent(id)}` : null;
}
