import type { SheetRecord } from '../model/record.ts';
import type { SubmissionInput } from './types.ts';

/** A sheet chosen for the summary, with the submission it came from. */
export interface KeptSheet {
  submission: SubmissionInput;
  sheet: SheetRecord;
  division: string;
}

/** Orders submissions oldest first: by submission time, then file mtime, then name. */
export function bySubmissionTime(a: SubmissionInput, b: SubmissionInput): number {
  return cmp(a.submittedAt, b.submittedAt) || cmp(a.mtime, b.mtime) || cmp(a.file, b.file) || cmp(a.id, b.id);
}

function cmp(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** The division a sheet reports for: the submitter's own division when known, else the sheet's 組織名. */
export function divisionOf(submission: SubmissionInput, sheet: SheetRecord): string {
  return submission.division ?? sheet.organization ?? '（組織名不明）';
}

/** A ward-level sheet: the "ward" variant of its form, carrying the ward's priorities and no measures. */
export function isWardSheet(sheet: SheetRecord): boolean {
  return sheet.variant === 'ward' && sheet.measures.length === 0 && (sheet.items?.['priorities']?.length ?? 0) > 0;
}

/**
 * Keeps, per family and division, the sheets of the latest submission that was read (accepted, or sent
 * back for its errors); a division that sent its sheet twice is counted once, from the newer file. A
 * sent-back latest file is kept too, so its division shows as 差戻し instead of silently falling back to an
 * older version: callers count only the accepted ones.
 */
export function keepLatest(submissions: readonly SubmissionInput[], inScope: (sheet: SheetRecord) => boolean): KeptSheet[] {
  const latest = new Map<string, SubmissionInput>();
  const ordered = submissions.filter((s) => s.status === 'accepted' || s.status === 'rejected').sort(bySubmissionTime);
  for (const submission of ordered) {
    for (const sheet of submission.sheets) {
      if (!sheet.family || !inScope(sheet)) continue;
      latest.set(keyOf(submission, sheet), submission);
    }
  }
  const kept: KeptSheet[] = [];
  for (const submission of ordered) {
    for (const sheet of submission.sheets) {
      if (!sheet.family || !inScope(sheet)) continue;
      if (latest.get(keyOf(submission, sheet)) === submission) kept.push({ submission, sheet, division: divisionOf(submission, sheet) });
    }
  }
  return kept;
}

function keyOf(submission: SubmissionInput, sheet: SheetRecord): string {
  const who = isWardSheet(sheet) ? `ward:${sheet.organization ?? ''}` : divisionOf(submission, sheet);
  const anonymous = sheet.organization === null && submission.division === null ? `\u0000${submission.id}\u0000${sheet.sheet}` : '';
  return `${sheet.family ?? ''}\u0000${sheet.fiscalYear ?? ''}\u0000${who}${anonymous}`;
}

/** The expected division a file's name names ("区民生活課_R2.xls"), longest name first; null when none. */
export function fileNamed(file: string, expected: readonly string[]): string | null {
  const name = file.split(/[\\/]/).pop() ?? file;
  return [...expected].sort((a, b) => b.length - a.length).find((d) => name.includes(d)) ?? null;
}