import { buildLedger } from '../ledger/build-ledger.ts';
import { judgeSubmission } from '../ledger/judge-submission.ts';
import type { Ledger, LedgerEntry, LedgerScope, SubmissionVerdict } from '../ledger/types.ts';
import { writtenKey } from './latest.ts';
import type { SubmissionInput } from './types.ts';

/**
 * Each submission with its decision: a stored one (the intake decided at ingest) as it is, any other judged
 * now against the scope — its verdicts per row, the scope findings added to its sheets, and its file-level
 * status and reason set from them.
 */
export function judgeInputs(submissions: readonly SubmissionInput[], scope: LedgerScope): SubmissionInput[] {
  return submissions.map((s) => {
    if (s.verdicts || s.pending) return s;
    const judged = judgeSubmission(
      { status: s.status, error: s.error, sheets: s.sheets },
      scope,
      s.sender ?? null,
      s.file,
    );
    const status = judged.status === '受理' ? 'accepted' : judged.status === '読込不可' ? 'unreadable' : 'rejected';
    return { ...s, status, error: judged.error, sheets: judged.sheets, verdicts: judged.verdicts };
  });
}

/**
 * Arrival keys of one submission, its own facts only (so no other file changes them): the receipt time when
 * the intake recorded one; else the file's modification time and name, with the dates its sheets carry
 * (作成日/修正日/評価日) as the key the ledger prefers among versions that all carry some.
 */
function arrivalKeys(s: SubmissionInput): Pick<LedgerEntry, 'order' | 'written'> {
  if (s.submittedAt) return { order: `1:${s.submittedAt}`, written: null };
  return { order: `0:${s.mtime ?? ''}\u0000${s.file}`, written: writtenKey(s) };
}

/** One ledger entry per row each submission fills (a pending one fills its sender's row, 処理中). */
export function ledgerEntries(submissions: readonly SubmissionInput[]): LedgerEntry[] {
  return submissions.flatMap((s): LedgerEntry[] => {
    const base = {
      id: s.id,
      file: s.file,
      receivedAt: s.submittedAt,
      ...arrivalKeys(s),
      ...(s.sentBack ? { sentBack: s.sentBack } : {}),
    };
    if (s.pending) {
      const slot: LedgerEntry['slot'] =
        s.sender?.role === 'coordinator'
          ? { kind: 'ward' }
          : s.sender?.division
            ? { kind: 'division', division: s.sender.division }
            : { kind: 'unattributed' };
      return [{ ...base, slot, verdict: null }];
    }
    return (s.verdicts ?? []).map((v: SubmissionVerdict) => ({
      ...base,
      slot: v.slot,
      verdict: { status: v.status, code: v.code, reason: v.reason },
    }));
  });
}

/** The ledger of judged submissions. */
export function ledgerOf(judged: readonly SubmissionInput[], scope: LedgerScope): Ledger {
  return buildLedger(ledgerEntries(judged), scope);
}
