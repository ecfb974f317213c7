import { eraFiscalYear } from '../values/format-year.ts';
import type { ExcludedInput } from './excluded.ts';
import { fileNamed } from '../ledger/judge-submission.ts';
import {
  bodyKey,
  bodyMatches,
  bodyOfSheet,
  groupSubmissions,
  groupTitle,
  previousGroup,
  type SummaryGroup,
} from './group-inputs.ts';
import type { SubmissionInput } from './types.ts';

/** A ward (or other body) the configuration knows, with the divisions expected to submit. */
export interface ExpectedBody {
  id: string;
  name: string;
  /** The year the divisions are expected for; null when the config names none (every year of the body). */
  fiscalYear: number | null;
  divisions: readonly string[];
}

/** Which summary a coordinator asked for (`--ward`, `--fiscal-year`); null fields select every one. */
export interface SummarySelection {
  body: string | null;
  fiscalYear: number | null;
}

/** One summary to build: its body and year, its inputs, and what it leaves out. */
export interface SummaryPlan {
  group: SummaryGroup;
  /** The group's submissions plus the unreadable and form-less files placed with it. */
  submissions: SubmissionInput[];
  /** The same body's previous fiscal year, when the input holds it. */
  previous: SubmissionInput[];
  /** Inputs not in this summary, with the reason (only when a selection narrowed the input). */
  excluded: ExcludedInput[];
  expectedDivisions: readonly string[];
}

export interface SummaryPlans {
  plans: SummaryPlan[];
  /** Every body and year the input holds, selected or not. */
  groups: SummaryGroup[];
  /** Unreadable and form-less files no summary lists (several summaries, none from their folder). */
  unplaced: SubmissionInput[];
  /** Inputs of the groups the selection left out. */
  excluded: ExcludedInput[];
}

/** "秋葉区 令和2年度" — how a group is named in messages and file names. */
export function groupLabel(group: Pick<SummaryGroup, 'body' | 'fiscalYear'>): string {
  return `${groupTitle(group)} ${yearLabel(group.fiscalYear)}`;
}

function yearLabel(year: number | null): string {
  return year === null ? '年度不明' : eraFiscalYear(year);
}

/**
 * Decides the summaries: one per body and fiscal year the input holds, or the ones the selection names.
 * A selection that matches no input but a configured ward gives that ward's summary (every division 未提出).
 * Unreadable files name no body: with one summary they are all in it; with several, each is in the
 * summaries that have a file in its folder.
 */
export function planSummaries(
  submissions: readonly SubmissionInput[],
  selection: SummarySelection,
  bodies: readonly ExpectedBody[],
): SummaryPlans {
  const candidates = claimedByName(submissions, bodies);
  let { groups, loose } = groupSubmissions(
    submissions.filter((s) => !candidates.has(s)),
    bodies,
  );
  const selected = selection.body === null ? null : findBody(bodies, selection.body, selection.fiscalYear);
  // A claim needs its ward in the input (or asked for): else the file stays a summary of its own body.
  const claimed = new Map<SubmissionInput, { division: string; key: string; fiscalYear: number | null }>();
  // Whether the ward is in the input at all, its claimed files included (they may be all it has).
  const everything = candidates.size > 0 ? groupSubmissions(submissions, bodies).groups : groups;
  for (const [s, c] of candidates) {
    const key = bodyKey(c.body.name);
    const own = everything.filter((g) => g.key === key);
    const year =
      c.body.fiscalYear ??
      [...own].sort(
        (a, b) => b.submissions.length - a.submissions.length || (b.fiscalYear ?? 0) - (a.fiscalYear ?? 0),
      )[0]?.fiscalYear ??
      null;
    const present = own.some((g) => g.fiscalYear === year) || (selected === c.body && c.body.fiscalYear !== null);
    if (present) claimed.set(s, { division: c.division, key, fiscalYear: year });
  }
  if (claimed.size < candidates.size)
    ({ groups, loose } = groupSubmissions(
      submissions.filter((s) => !claimed.has(s)),
      bodies,
    ));
  // A ward whose every file was claimed has a summary all the same.
  for (const c of claimed.values())
    if (!groups.some((g) => g.key === c.key && g.fiscalYear === c.fiscalYear)) {
      const body = everything.find((g) => g.key === c.key)?.body ?? c.key;
      groups = [...groups, { key: c.key, body, fiscalYear: c.fiscalYear, submissions: [] }];
    }
  const selecting = selection.body !== null || selection.fiscalYear !== null;
  let chosen = groups.filter((g) => matches(g, selection, bodies));
  if (chosen.length === 0 && selection.body !== null) {
    const configured = findBody(bodies, selection.body, selection.fiscalYear);
    if (configured)
      chosen = [
        {
          key: bodyKey(configured.name),
          body: configured.name,
          fiscalYear: selection.fiscalYear ?? configured.fiscalYear,
          submissions: [],
        },
      ];
  }
  const excluded = selecting
    ? groups
        .filter((g) => !chosen.includes(g))
        .flatMap((g) => (chosen.length === 1 ? excludedFrom(g, chosen[0]!) : excludedFrom(g, null)))
    : [];
  const placedLoose = new Set<SubmissionInput>();
  const plans = chosen.map((group) => {
    const folders = new Set(group.submissions.map((g) => folderOf(g.file)));
    const mine = chosen.length === 1 ? loose : loose.filter((s) => folders.has(folderOf(s.file)));
    for (const s of mine) placedLoose.add(s);
    const previous = previousGroup(groups, group);
    const theirs = [...claimed]
      .filter(([, c]) => c.key === group.key && c.fiscalYear === group.fiscalYear)
      .map(([s, c]) => ({ ...s, sender: { role: 'submitter' as const, division: c.division } }));
    return {
      group,
      submissions: [...group.submissions, ...mine, ...theirs],
      previous: previous?.submissions ?? [],
      excluded,
      expectedDivisions: expectedFor(group, bodies),
    };
  });
  // A claimed file of a ward the selection left out is 対象外 like that ward's other files.
  const planned = new Set(plans.flatMap((p) => p.submissions.map((s) => s.id)));
  for (const [s, c] of claimed) {
    if (planned.has(s.id)) continue;
    const group = { key: c.key, body: groups.find((g) => g.key === c.key)?.body ?? c.key, fiscalYear: c.fiscalYear };
    excluded.push({
      file: s.file,
      sheet: null,
      body: group.body,
      fiscalYear: c.fiscalYear,
      reason: `指定された団体・年度ではありません（${groupLabel(group)}）`,
    });
  }
  return { plans, groups, unplaced: plans.length === 0 ? [] : loose.filter((s) => !placedLoose.has(s)), excluded };
}

/**
 * Files named after a configured ward's division ("産業振興課.xlsx") are that division's, as a submission made with
 * its token is: the ledger then judges them as the intake would — another division's sheet, the ward's own
 * sheet, another body's or year's sheet (北区, まちづくり推進部 増田地域局 when not a configured ward) are that
 * division's 差戻し with the reason, and an unreadable file is its 読込不可 in that ward's summary only. A file
 * is claimed when its sheets are the ward's of the collected year (or carry no body), or are misplaced: another
 * body's, or the ward's own of a year neither collected nor compared (last year's stay last year's, for the
 * year-over-year comparison). A name that more than one configured ward has claims nothing.
 */
function claimedByName(
  submissions: readonly SubmissionInput[],
  bodies: readonly ExpectedBody[],
): Map<SubmissionInput, { body: ExpectedBody; division: string }> {
  const claimed = new Map<SubmissionInput, { body: ExpectedBody; division: string }>();
  const configured = new Set(bodies.map((b) => bodyKey(b.name)));
  for (const s of submissions) {
    const named = bodies.flatMap((body) => {
      const division = fileNamed(s.file, body.divisions);
      return division ? [{ body, division }] : [];
    });
    // An Excel lock file (~$健康福祉課.xlsx) is nobody's submission, whatever its name says.
    if (named.length !== 1 || s.error?.code === 'lock-file') continue;
    const sheets = s.sheets.filter((sh) => sh.family !== null);
    // Nothing of a known form (unreadable, or no form recognised): the named division's file all the same.
    if (sheets.length === 0) {
      claimed.set(s, named[0]!);
      continue;
    }
    const { body } = named[0]!;
    const key = bodyKey(body.name);
    // Without a configured year, which year is collected is known only later: such sheets go by their year.
    const collected = (year: number | null) => year === null || (body.fiscalYear !== null && year === body.fiscalYear);
    const ours = sheets.every((sheet) => {
      const theirs = bodyOfSheet(sheet);
      const own = theirs === null || bodyKey(theirs) === key || sameWard(theirs, body.name);
      return own && collected(sheet.fiscalYear);
    });
    const misplaced = sheets.every((sheet) => {
      const theirs = bodyOfSheet(sheet);
      if (theirs === null) return false;
      const year = sheet.fiscalYear;
      const compared = body.fiscalYear !== null && year === body.fiscalYear - 1;
      // The ward's own sheet: misplaced only in a year neither collected nor compared.
      if (bodyKey(theirs) === key)
        return body.fiscalYear !== null && year !== null && year !== body.fiscalYear && !compared;
      // The ward written with an office or division in it ("秋葉区 建設課"): it belongs to the ward's collection.
      if (sameWard(theirs, body.name)) return !compared;
      // Another body's: the division's mistake, unless that body is configured (its own ward's collection).
      return !configured.has(bodyKey(theirs));
    });
    if (ours || misplaced) claimed.set(s, named[0]!);
  }
  return claimed;
}

/** A name written with the ward in it ("秋葉区 建設課", "新潟市秋葉区"): the ward's own. */
function sameWard(name: string, ward: string): boolean {
  const key = bodyKey(ward);
  return name
    .normalize('NFKC')
    .split(/[\s\u3000]+/)
    .some((w) => bodyKey(w) === key);
}

function matches(group: SummaryGroup, selection: SummarySelection, bodies: readonly ExpectedBody[]): boolean {
  if (selection.fiscalYear !== null && group.fiscalYear !== selection.fiscalYear) return false;
  if (selection.body === null) return true;
  const configured = bodies.find((b) => b.id === selection.body);
  return bodyMatches(group, configured ? configured.name : selection.body);
}

/** The configured body a coordinator named (by id or name), preferring the entry of the year asked for. */
export function findBody(
  bodies: readonly ExpectedBody[],
  wanted: string,
  fiscalYear: number | null,
): ExpectedBody | null {
  const named = bodies.filter((b) => b.id === wanted || bodyKey(b.name) === bodyKey(wanted));
  return named.find((b) => fiscalYear === null || b.fiscalYear === null || b.fiscalYear === fiscalYear) ?? null;
}

function expectedFor(group: SummaryGroup, bodies: readonly ExpectedBody[]): readonly string[] {
  if (group.body === null) return [];
  const mine = bodies.filter((b) => bodyKey(b.name) === group.key);
  return (
    (mine.find((b) => b.fiscalYear === group.fiscalYear) ?? mine.find((b) => b.fiscalYear === null))?.divisions ?? []
  );
}

/** One line per file of a left-out group, saying how it differs from the summary (or summaries) written. */
function excludedFrom(group: SummaryGroup, target: SummaryGroup | null): ExcludedInput[] {
  const reason =
    target === null
      ? `指定された団体・年度ではありません（${groupLabel(group)}）`
      : target.key === group.key
        ? target.fiscalYear !== null && group.fiscalYear === target.fiscalYear - 1
          ? `前年度（${yearLabel(group.fiscalYear)}）の提出です（前年度との比較にだけ使います）`
          : `対象年度（${yearLabel(target.fiscalYear)}）と異なる年度（${yearLabel(group.fiscalYear)}）です`
        : target.fiscalYear === group.fiscalYear
          ? `対象の団体（${groupTitle(target)}）と異なる団体（${groupTitle(group)}）です`
          : `対象（${groupLabel(target)}）と異なる団体・年度（${groupLabel(group)}）です`;
  return group.submissions.map((s) => ({
    file: s.file,
    sheet: s.sheets.length === 1 ? s.sheets[0]!.sheet : null,
    body: group.body,
    fiscalYear: group.fiscalYear,
    reason: s.sheets.length > 1 ? `${reason}（${s.sheets.length} シート）` : reason,
  }));
}

function folderOf(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut < 0 ? '' : file.slice(0, cut);
}
