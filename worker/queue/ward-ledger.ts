import { verdictStatusOf } from '../../shared/ledger/judge-submission.ts';
import type { Ledger, SubmissionVerdict } from '../../shared/ledger/types.ts';
import { ledgerOf } from '../../shared/summary/judge-inputs.ts';
import type { SubmissionInput } from '../../shared/summary/index.ts';
import type { WardConfig } from '../config/index.ts';
import {
  jstDate,
  within,
  type SubmissionMeta,
  type SubmissionResult,
  type SubmissionStore,
  type YearStore,
} from '../storage/index.ts';
import { scopeOf, senderOf } from './decide-submission.ts';

/**
 * The decision stored with a final submission (at ingest), or — for a record written before decisions were
 * stored, or refused by the sandbox's limits before any was made — the one its stored status and reason
 * give, in its sender's row. Every reader (the intake's verdict, the ledger, the summary) takes it from here.
 */
export function storedVerdicts(
  meta: SubmissionMeta,
  result: SubmissionResult | null,
  ward: WardConfig | undefined,
): SubmissionVerdict[] | null {
  if (meta.status !== 'accepted' && meta.status !== 'rejected') return null;
  if (meta.verdicts) return meta.verdicts;
  if (result?.verdicts) return result.verdicts;
  const sender = senderOf(meta, ward);
  const code = meta.error?.code ?? null;
  const status = verdictStatusOf(meta.status, code);
  return [
    {
      slot: sender.role === 'coordinator' ? { kind: 'ward' } : { kind: 'division', division: meta.division },
      status,
      code: status === '受理' ? null : code,
      reason: status === '受理' ? null : (meta.error?.message ?? null),
      sheets: (result?.sheets ?? []).map((s) => s.sheet),
    },
  ];
}

/** A stored submission as the summary and the ledger read it. */
export function submissionInput(
  meta: SubmissionMeta,
  result: SubmissionResult | null,
  ward: WardConfig | undefined,
  url: string | null = null,
): SubmissionInput {
  const verdicts = storedVerdicts(meta, result, ward);
  const file = verdicts?.[0]?.status;
  return {
    id: meta.id,
    // The short id and the name the file was uploaded under: text that survives mailing the summary.
    file: `提出 ${meta.id.slice(0, 8)}（${meta.fileName ?? meta.division}）`,
    queued: true,
    url,
    sha256: meta.sha256,
    submittedAt: meta.receivedAt,
    mtime: null,
    division: meta.division,
    sender: senderOf(meta, ward),
    status: meta.status === 'accepted' ? 'accepted' : file === '読込不可' ? 'unreadable' : 'rejected',
    error: meta.error,
    sheets: result?.sheets ?? [],
    ...(verdicts ? { verdicts } : { pending: true }),
    ...(meta.sentBack ? { sentBack: meta.sentBack } : {}),
  };
}

/** Every stored submission of a ward-year, in order of receipt, with its result. */
export async function wardInputs(
  store: SubmissionStore,
  ward: WardConfig,
  fiscalYear: number,
  url: (id: string) => string | null = () => null,
): Promise<{ metas: SubmissionMeta[]; inputs: SubmissionInput[] }> {
  const metas = await store.list({ ward: ward.id, fiscalYear });
  const inputs: SubmissionInput[] = [];
  for (const meta of metas) {
    const result = meta.status === 'accepted' || meta.status === 'rejected' ? await store.getResult(meta.id) : null;
    inputs.push(submissionInput(meta, result, ward, url(meta.id)));
  }
  return { metas, inputs };
}

/** The 提出期限 of a ward-year and today's date in Japan: what the ledger needs to mark 期限超過. */
export interface YearFacts {
  deadline: string | null;
  today: string;
}

/**
 * A ward-year's deadline: the one the coordinator set in the console, else the config's (which is the
 * configured year's only). While Redis does not answer within a second, the config's.
 */
export async function yearFacts(
  ward: WardConfig,
  fiscalYear: number,
  years: YearStore | null | undefined,
  now: Date = new Date(),
): Promise<YearFacts> {
  const configured = fiscalYear === ward.fiscalYear ? (ward.deadline ?? null) : null;
  const set = years
    ? await within(
        years.settings(ward.id, fiscalYear).then((s) => s.deadline),
        1000,
        null,
      )
    : null;
  return { deadline: set ?? configured, today: jstDate(now) };
}

/**
 * The ward-year's ledger from its stored submissions: the decision the console, the intake and the summary
 * show. It reads the metadata only (the decisions are copied there), so polling it stays cheap.
 */
export async function wardLedger(
  store: SubmissionStore,
  ward: WardConfig,
  fiscalYear: number = ward.fiscalYear,
  years?: YearStore | null,
): Promise<{ ledger: Ledger; metas: SubmissionMeta[]; facts: YearFacts }> {
  const [metas, facts] = await Promise.all([
    store.list({ ward: ward.id, fiscalYear }),
    yearFacts(ward, fiscalYear, years),
  ]);
  const inputs = metas.map((meta) => submissionInput(meta, null, ward));
  const scope = { ...scopeOf(ward), fiscalYear, ...facts };
  return { ledger: ledgerOf(inputs, scope), metas, facts };
}
