import { UnrecoverableError, type Job } from 'bullmq';
import type { WardConfig } from '../config/index.ts';
import type { ContentIndex } from '../storage/content-index.ts';
import type { SubmissionResult, SubmissionStore } from '../storage/index.ts';
import { decideSubmission } from './decide-submission.ts';
import type { Queues, IngestJobData } from './queues.ts';
import { SandboxLimitError, type SandboxPool } from './sandbox.ts';

export interface IngestDeps {
  store: SubmissionStore;
  queues: Queues;
  sandbox: SandboxPool;
  /** The configured wards and the content index: whose sheet a submission is, and who else sent the same bytes. */
  identity?: { wards: readonly WardConfig[]; content: ContentIndex };
}

/**
 * read → extract → validate → record for one stored submission. Idempotent: a job picked up again after
 * a crash finds the final status and stops, so each submission is counted once.
 */
export function ingestProcessor(deps: IngestDeps) {
  const ingest = ingestOnce(deps);
  // Once a file is final (done, or refused for good) it no longer counts against its division's next files.
  const done = (job: Job<IngestJobData>) =>
    job.data.owner ? deps.queues.ingestDone(job.data.owner, job.data.submissionId).catch(() => undefined) : undefined;
  return async (job: Job<IngestJobData>): Promise<{ status: string }> => {
    try {
      const out = await ingest(job);
      await done(job);
      return out;
    } catch (err) {
      if (err instanceof UnrecoverableError) await done(job);
      throw err;
    }
  };
}

function ingestOnce(deps: IngestDeps) {
  return async (job: Job<IngestJobData>): Promise<{ status: string }> => {
    const { store, queues } = deps;
    const meta = await store.get(job.data.submissionId);
    if (!meta) throw new UnrecoverableError(`提出 ${job.data.submissionId} が保存されていません。`);
    if (meta.status === 'accepted' || meta.status === 'rejected') return { status: meta.status };
    // No durable "processing" write: the intake reads that state from the job itself, and the record is
    // written once, with its final status.
    // The child reads a stored file itself: the bytes never cross the IPC channel (≈ 0.4 ms per workbook).
    const input = store.file ? { file: store.file(meta) } : await store.bytes(meta);
    let result;
    try {
      result = await deps.sandbox.run(input);
    } catch (err) {
      if (!(err instanceof SandboxLimitError)) throw err;
      await finalize(store, meta.id, {
        status: 'rejected',
        error: { code: err.code, message: err.message },
        sheets: [],
      });
      await queues.requestConsolidation(meta.ward, meta.fiscalYear);
      throw new UnrecoverableError(err.message);
    }
    // The one decision (shared/ledger): whose and which sheet it is against this ward-year, as every
    // touchpoint will show it; stored with the record so nobody decides it again.
    const ward = deps.identity?.wards.find((w) => w.id === meta.ward);
    let verdicts: SubmissionResult['verdicts'];
    if (deps.identity && ward) {
      const same = await deps.identity.content.add(meta.sha256, {
        id: meta.id,
        ward: meta.ward,
        fiscalYear: meta.fiscalYear,
        division: meta.division,
      });
      const judged = decideSubmission(
        result,
        ward,
        meta,
        same.filter((e) => e.fiscalYear === meta.fiscalYear),
      );
      result = {
        status: judged.status === '受理' ? 'accepted' : judged.status === '読込不可' ? 'unreadable' : 'rejected',
        error: judged.error,
        sheets: judged.sheets,
      };
      verdicts = judged.verdicts;
    }
    const status = result.status === 'accepted' ? 'accepted' : 'rejected';
    await finalize(store, meta.id, {
      status,
      error: result.error,
      sheets: result.sheets,
      ...(verdicts ? { verdicts } : {}),
    });
    // Rejections too: 提出状況 lists them, and a build skipped while this one was pending waits for it.
    await queues.requestConsolidation(meta.ward, meta.fiscalYear);
    if (result.status === 'unreadable')
      throw new UnrecoverableError(result.error?.message ?? '読み込めないファイルです。');
    return { status };
  };
}

/**
 * Records the outcome exactly once: the first stored result wins (two workers may race on a job whose
 * lock was lost with Redis), and the metadata is copied from that result, so every writer writes the same.
 */
async function finalize(
  store: SubmissionStore,
  id: string,
  outcome: Pick<SubmissionResult, 'status' | 'error' | 'sheets' | 'verdicts'>,
): Promise<void> {
  const mine: SubmissionResult = { ...outcome, finishedAt: new Date().toISOString() };
  const kept: SubmissionResult = (await store.putResult(id, mine)) ? mine : ((await store.getResult(id)) ?? mine);
  await store.update(id, {
    status: kept.status,
    error: kept.error,
    finishedAt: kept.finishedAt ?? new Date().toISOString(),
    ...(kept.verdicts ? { verdicts: kept.verdicts } : {}),
  });
}
