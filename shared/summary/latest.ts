import type { SheetRecord } from '../model/record.ts';
import { parseJapaneseDate } from '../values/index.ts';
import type { SubmissionInput } from './types.ts';

/** A sheet chosen for the summary, with the submission it came from. */
export interface KeptSheet {
  submission: SubmissionInput;
  sheet: SheetRecord;
  division: string;
}

/**
 * Orders submissions oldest first: by submission time, then by the dates the sheets themselves carry
 * (作成日/修正日/評価日, latest first: a version with a later 修正日 or 評価日 is the newer one, whatever its
 * file's mtime after being mailed or copied), then file mtime, then name.
 */
export function bySubmissionTime(a: SubmissionInput, b: SubmissionInput): number {
  return (
    cmp(a.submittedAt, b.submittedAt) ||
    byWrittenDates(a, b) ||
    cmp(a.mtime, b.mtime) ||
    cmp(a.file, b.file) ||
    cmp(a.id, b.id)
  );
}

const DATE_FIELDS = ['createdOn', 'revisedOn', 'evaluatedOn'] as const;
const writtenCache = new WeakMap<SubmissionInput, readonly string[]>();

/** The dates written on a submission's sheets, as YYYY-MM-DD, latest first. */
function writtenDates(s: SubmissionInput): readonly string[] {
  let dates = writtenCache.get(s);
  if (!dates) {
    const seen = new Set<string>();
    for (const sheet of s.sheets) {
      for (const key of DATE_FIELDS) {
        // A date cell reads as "2021-03-25 0:00:00": the time of day says nothing here.
        const d = parseJapaneseDate(
          (sheet.fields?.[key]?.value ?? '').replace(/[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?Z?$/, ''),
        );
        if (d) seen.add(`${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`);
      }
    }
    dates = [...seen].sort().reverse();
    writtenCache.set(s, dates);
  }
  return dates;
}

/**
 * The dates a submission's sheets carry as one sortable key (latest first, comma-joined), or null when they
 * carry none: a later key is a newer version.
 */
export function writtenKey(s: SubmissionInput): string | null {
  const dates = writtenDates(s);
  return dates.length === 0 ? null : dates.join(',');
}

/** Compares two submissions by their written dates when both carry some; 0 when either has none or they agree. */
function byWrittenDates(a: SubmissionInput, b: SubmissionInput): number {
  const da = writtenDates(a);
  const db = writtenDates(b);
  if (da.length === 0 || db.length === 0) return 0;
  for (let i = 0; i < Math.min(da.length, db.length); i++) {
    const c = cmp(da[i]!, db[i]!);
    if (c !== 0) return c;
  }
  return da.length - db.length;
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
export function keepLatest(
  submissions: readonly SubmissionInput[],
  inScope: (sheet: SheetRecord) => boolean,
): KeptSheet[] {
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
      if (latest.get(keyOf(submission, sheet)) === submission)
        kept.push({ submission, sheet, division: divisionOf(submission, sheet) });
    }
  }
  return kept;
}

function keyOf(submission: SubmissionInput, sheet: SheetRecord): string {
  const who = isWardSheet(sheet) ? `ward:${sheet.organization ?? ''}` : divisionOf(submission, sheet);
  const anonymous =
    sheet.organization === null && submission.division === null ? `\u0000${submission.id}\u0000${sheet.sheet}` : '';
  return `${sheet.family ?? ''}\u0000${sheet.fiscalYear ?? ''}\u0000${who}${anonymous}`;
}
