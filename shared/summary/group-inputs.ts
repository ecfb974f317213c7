import { familyById } from '../families/index.ts';
import type { SheetRecord } from '../model/record.ts';
import { BODY_FIELDS, type IdentitySource } from '../extract/identity.ts';
import { normalizeText } from '../values/normalize.ts';
import type { SubmissionInput } from './types.ts';

/** Title for the sheets that name no body, summarised per year. */
export const UNKNOWN_BODY = '団体名不明';

/** The body as written, tidied: half-width, one space, "秋葉区役所" → "秋葉区"; null when blank. */
export function bodyName(text: string | null | undefined): string | null {
  const t = normalizeText(text ?? '');
  if (!t) return null;
  const bare = t.replace(/(役所|役場)$/, '');
  return bare.length >= 2 ? bare : t;
}

/**
 * The key two spellings of one body share: "秋葉区役所", "秋葉区", "新潟市秋葉区" and "秋 葉区" are one body
 * (a ward is named with or without its city; one inbox holds one city's wards).
 */
export function bodyKey(text: string): string {
  const key = (bodyName(text) ?? '').replace(/\s+/g, '');
  return key.replace(/^[^市]{1,6}市(?=[^市]{1,6}区$)/, '');
}

/** The body a sheet reports to, from its header fields; null when the form names none (施策シート). */
export function bodyOfSheet(sheet: SheetRecord): string | null {
  for (const field of BODY_FIELDS) {
    const name = bodyName(sheet.fields?.[field]?.value);
    if (name) return name;
  }
  return null;
}

/** Where the body of a sheet was read (「団体名の出所」): its labelled cell, the title, the tab, a 所属 cell or the file name. */
export function bodySourceOf(sheet: SheetRecord): IdentitySource | null {
  for (const field of BODY_FIELDS) {
    const value = sheet.fields?.[field];
    if (bodyName(value?.value)) return value?.source ?? '記入欄';
  }
  return null;
}

/** Where the fiscal year of a sheet was read: its labelled cell, the title, the tab, or the file name. */
export function yearSourceOf(sheet: SheetRecord): IdentitySource | null {
  if (sheet.fiscalYear === null || !sheet.family) return null;
  const family = familyById(sheet.family);
  const variant = family?.variants.find((v) => v.id === sheet.variant) ?? family?.variants[0];
  return (variant && sheet.fields?.[variant.fiscalYear]?.source) || '記入欄';
}

/**
 * 「団体名の出所: 表題」: where the sheets' body and year were read, said only when some were read elsewhere
 * than their labelled cells; null when every sheet names them where the form asks.
 */
export function identityNote(sheets: readonly SheetRecord[]): string | null {
  const line = (word: string, sources: (IdentitySource | null)[]) => {
    const found = [...new Set(sources.filter((s) => s !== null))];
    return found.some((s) => s !== '記入欄') ? `${word}の出所: ${found.join('・')}` : null;
  };
  const parts = [line('団体名', sheets.map(bodySourceOf)), line('年度', sheets.map(yearSourceOf))].filter(
    (p) => p !== null,
  );
  return parts.length > 0 ? parts.join('\u3000') : null;
}

/** The inputs of one summary: one body (or none named) and one fiscal year. */
export interface SummaryGroup {
  /** bodyKey of the body, or "" for sheets that name none. */
  key: string;
  /** The body as first written, or null when the sheets name none. */
  body: string | null;
  fiscalYear: number | null;
  /** Each submission with only this group's sheets (a workbook of two years is in two groups). */
  submissions: SubmissionInput[];
}

export interface GroupedInputs {
  /** Ordered by body, then fiscal year. */
  groups: SummaryGroup[];
  /** Unreadable files and workbooks without a known form: they name no body nor year. */
  loose: SubmissionInput[];
}

/** The title of a group: its body, or 団体名不明. */
export function groupTitle(group: Pick<SummaryGroup, 'body'>): string {
  return group.body ?? UNKNOWN_BODY;
}

/**
 * Splits the submissions by body and fiscal year, per sheet. A sheet naming no body takes the body of
 * the other sheets of its workbook; a sheet naming no year joins its body's only year when the body has
 * exactly one, else a group of its own (year unknown). Never merges two bodies or two years.
 */
export function groupSubmissions(
  submissions: readonly SubmissionInput[],
  bodies: readonly { name: string; divisions: readonly string[] }[] = [],
): GroupedInputs {
  const placed = submissions.map((s) => {
    const sheets = s.sheets.filter((sh) => sh.family !== null).map((sheet) => ({ sheet, body: bodyOfSheet(sheet) }));
    // A sheet naming no body takes the one the other sheets of its workbook name, else the configured ward
    // whose division its 組織名 or its file's name names (a blank form the console handed out names no ward).
    const named =
      sheets.find((sh) => sh.body !== null)?.body ??
      configuredBodyOf(
        s.file,
        sheets.map((sh) => sh.sheet.organization),
        bodies,
      );
    return { submission: s, sheets: sheets.map((sh) => ({ ...sh, body: sh.body ?? named })) };
  });
  const yearsOf = new Map<string, Set<number>>();
  for (const p of placed) {
    for (const { sheet, body } of p.sheets) {
      if (sheet.fiscalYear === null) continue;
      const key = body === null ? '' : bodyKey(body);
      const years = yearsOf.get(key) ?? new Set<number>();
      years.add(sheet.fiscalYear);
      yearsOf.set(key, years);
    }
  }
  const groups = new Map<string, SummaryGroup & { sheetsOf: Map<SubmissionInput, SheetRecord[]> }>();
  const loose: SubmissionInput[] = [];
  for (const p of placed) {
    if (p.sheets.length === 0) {
      loose.push(p.submission);
      continue;
    }
    for (const { sheet, body } of p.sheets) {
      const key = body === null ? '' : bodyKey(body);
      const years = yearsOf.get(key);
      const fiscalYear = sheet.fiscalYear ?? (years?.size === 1 ? [...years][0]! : null);
      const id = `${key}\u0000${fiscalYear ?? ''}`;
      let group = groups.get(id);
      if (!group) {
        group = { key, body, fiscalYear, submissions: [], sheetsOf: new Map() };
        groups.set(id, group);
      }
      const own = group.sheetsOf.get(p.submission);
      if (own) own.push(sheet);
      else group.sheetsOf.set(p.submission, [sheet]);
    }
  }
  const ordered = [...groups.values()].map(({ sheetsOf, ...group }) => ({
    ...group,
    submissions: [...sheetsOf].map(([submission, sheets]) =>
      sheets.length === submission.sheets.length ? submission : { ...submission, sheets },
    ),
  }));
  ordered.sort(
    (a, b) =>
      (a.key === '' ? 1 : 0) - (b.key === '' ? 1 : 0) ||
      compare(a.key, b.key) ||
      (a.fiscalYear ?? 9999) - (b.fiscalYear ?? 9999),
  );
  return { groups: ordered, loose };
}

/** The one configured body a file's 組織名 or name says it is a division of; null when none or several do. */
function configuredBodyOf(
  file: string,
  organizations: readonly (string | null)[],
  bodies: readonly { name: string; divisions: readonly string[] }[],
): string | null {
  const base = file.split(/[\\/]/).pop() ?? file;
  const key = (t: string) => normalizeText(t).replace(/\s+/g, '');
  const mine = bodies.filter((b) =>
    b.divisions.some((d) => organizations.some((o) => o !== null && key(o) === key(d)) || base.includes(d)),
  );
  return mine.length === 1 ? mine[0]!.name : null;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when `wanted` (what a coordinator typed: "秋葉区", "秋葉区役所", "増田地域局") names the group's body. */
export function bodyMatches(group: Pick<SummaryGroup, 'key' | 'body'>, wanted: string): boolean {
  const key = bodyKey(wanted);
  if (!key) return false;
  if (group.body === null) return key === UNKNOWN_BODY;
  if (group.key === key) return true;
  // One word of a longer name: "増田地域局" for "まちづくり推進部 増田地域局".
  return group.body.split(' ').some((word) => bodyKey(word) === key);
}

/** The group of the same body and the year before, when the input holds it. */
export function previousGroup(groups: readonly SummaryGroup[], group: SummaryGroup): SummaryGroup | null {
  if (group.fiscalYear === null) return null;
  return groups.find((g) => g.key === group.key && g.fiscalYear === group.fiscalYear! - 1) ?? null;
}
