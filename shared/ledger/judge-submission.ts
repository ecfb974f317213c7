import { familyById, type VariantSpec } from '../families/index.ts';
import type { RenderedFinding } from '../model/finding.ts';
import type { FileError, SheetRecord } from '../model/record.ts';
import { renderFinding } from '../messages/render.ts';
import { bodyOfSheet } from '../summary/group-inputs.ts';
import { eraFiscalYear } from '../values/format-year.ts';
import { divisionInText } from '../extract/identity.ts';
import { namesOtherBody, sameOrganization } from './organization.ts';
import type {
  JudgedSubmission,
  LedgerScope,
  ReadOutcome,
  Recognition,
  Sender,
  Slot,
  SubmissionVerdict,
  VerdictStatus,
} from './types.ts';

/** The name of a row no division can be told from. */
export const UNKNOWN_DIVISION = '（課名不明）';
/** A sheet of a known form whose 組織名 is blank and whose file names no division. */
export const UNNAMED_DIVISION = '（組織名不明）';

/** Reasons that are about the sheet (差戻し); any other refusal means the file could not be read (読込不可). */
const SENT_BACK_CODES: ReadonlySet<string> = new Set([
  'validation',
  'no-form',
  'other-body',
  'other-year',
  'blank',
  'ward-sheet',
  'identity',
  'sent-back',
]);

/** The word of a stored outcome: 受理, 差戻し (about the sheet) or 読込不可 (about the file). */
export function verdictStatusOf(status: 'accepted' | 'rejected' | 'unreadable', code: string | null): VerdictStatus {
  if (status === 'accepted') return '受理';
  if (status === 'unreadable') return '読込不可';
  return code !== null && SENT_BACK_CODES.has(code) ? '差戻し' : '読込不可';
}

/** The variant spec of a sheet, when its family and variant are known. */
function variantOf(sheet: SheetRecord): VariantSpec | undefined {
  if (!sheet.family) return undefined;
  const family = familyById(sheet.family);
  return family?.variants.find((v) => v.id === sheet.variant) ?? family?.variants[0];
}

/** The body's own sheet (区の組織目標), as its family's spec declares. */
export function isWardSheet(sheet: SheetRecord): boolean {
  return variantOf(sheet)?.wardSheet === true;
}

/** True when the sheet carries what its form is for (its spec's `content`), not just the blank form. */
export function hasContent(sheet: SheetRecord): boolean {
  const content = variantOf(sheet)?.content ?? { measures: true };
  if (content.measures && sheet.measures.length > 0) return true;
  for (const [key, fields] of Object.entries(content.items ?? {})) {
    const items = sheet.items?.[key] ?? [];
    if (items.some((item) => fields.some((f) => (item[f] ?? '').trim() !== ''))) return true;
  }
  return false;
}

/** The expected division a file's name names ("区民生活課_R2.xls"), longest name first; null when none. */
export function fileNamed(file: string | null, expected: readonly string[]): string | null {
  if (!file) return null;
  const name = file.split(/[\\/]/).pop() ?? file;
  const named = [...expected].sort((a, b) => b.length - a.length).find((d) => name.includes(d));
  // With no list of expected divisions, a name that is a division's (「区民生活課.xlsx」) is the last resort.
  return named ?? (expected.length === 0 ? divisionInText(name) : null);
}

function cellOf(sheet: SheetRecord, keys: readonly string[]): string | null {
  for (const key of keys) {
    const cell = sheet.fields?.[key]?.cell;
    if (cell) return cell;
  }
  return null;
}

const ORGANIZATION_CELLS = [
  'division',
  'organization',
  'titleOrganization',
  'department',
  'ward',
  'wardName',
  'municipality',
];

function byCoordinator(sender: Sender | null): boolean {
  return sender?.role === 'coordinator';
}

/** The row a sheet fills: the sender's (a coordinator's is the ward's), or what the sheet and file say. */
function slotOf(sheet: SheetRecord, scope: LedgerScope, sender: Sender | null, file: string | null): Slot {
  if (byCoordinator(sender)) return { kind: 'ward' };
  if (sender?.division) {
    const mayWard = scope.wardSheetDivision && sameOrganization(scope.wardSheetDivision, sender.division, scope.ward);
    return mayWard && isWardSheet(sheet) ? { kind: 'ward' } : { kind: 'division', division: sender.division };
  }
  if (isWardSheet(sheet)) return { kind: 'ward' };
  const named = scope.divisions.find((d) => sheet.organization && sameOrganization(sheet.organization, d, scope.ward));
  return {
    kind: 'division',
    division: named ?? sheet.organization ?? fileNamed(file, scope.divisions) ?? UNNAMED_DIVISION,
  };
}

/**
 * The row of a file nothing could be read from: its sender's, or the division its name names — but never
 * for an Excel lock file (~$健康福祉課.xlsx), which is no one's submission.
 */
function fileSlot(scope: LedgerScope, sender: Sender | null, file: string | null, code: string | null): Slot {
  if (byCoordinator(sender)) return { kind: 'ward' };
  const division = sender?.division ?? (code === 'lock-file' ? null : fileNamed(file, scope.divisions));
  return division ? { kind: 'division', division } : { kind: 'unattributed' };
}

/** Findings about whose and which sheet it is, most decisive first. */
function scopeFindings(sheet: SheetRecord, scope: LedgerScope, sender: Sender | null, slot: Slot): RenderedFinding[] {
  const found: RenderedFinding[] = [];
  const body = bodyOfSheet(sheet);
  if (namesOtherBody(body, scope.ward)) {
    found.push(
      renderFinding({
        code: 'submission/other-body',
        severity: 'error',
        cell: cellOf(sheet, ['ward', 'wardName', 'municipality', 'department', 'organization']),
        params: { body, ward: scope.ward },
      }),
    );
  }
  if (scope.fiscalYear !== null && sheet.fiscalYear !== null && sheet.fiscalYear !== scope.fiscalYear) {
    const spec = variantOf(sheet);
    found.push(
      renderFinding({
        code: 'submission/other-year',
        severity: 'error',
        cell: cellOf(sheet, [spec?.fiscalYear ?? 'fiscalYear', 'fiscalYear', 'period']),
        params: { year: eraFiscalYear(sheet.fiscalYear), expected: eraFiscalYear(scope.fiscalYear) },
      }),
    );
  }
  if (sender) found.push(...identityFindings(sheet, scope, sender, slot));
  if (!hasContent(sheet))
    found.push(renderFinding({ code: 'submission/blank', severity: 'error', cell: null, params: {} }));
  return found;
}

/** Whose sheet it is against who sent it: the ward's own sheet, and the forms a division keeps (its spec says). */
function identityFindings(sheet: SheetRecord, scope: LedgerScope, sender: Sender, slot: Slot): RenderedFinding[] {
  if (!isWardSheet(sheet) && variantOf(sheet)?.ownedByDivision !== true) return [];
  const cell = cellOf(sheet, ORGANIZATION_CELLS);
  const division = sender.division ?? scope.ward;
  if (isWardSheet(sheet)) {
    if (slot.kind === 'ward') return [];
    return [renderFinding({ code: 'identity.ward-sheet', severity: 'error', cell, params: { division } })];
  }
  if (byCoordinator(sender)) {
    return [
      renderFinding({
        code: 'identity.coordinator-division-sheet',
        severity: 'error',
        cell,
        params: { organization: sheet.organization ?? '空欄' },
      }),
    ];
  }
  if (sheet.organization === null || sameOrganization(sheet.organization, division, scope.ward)) return [];
  const owner = scope.divisions.find((d) => sameOrganization(sheet.organization ?? '', d, scope.ward)) ?? null;
  return [
    renderFinding({
      code: 'identity.division-mismatch',
      severity: 'error',
      cell,
      params: { organization: sheet.organization, division, owner },
    }),
  ];
}

const REASON_CODES: Record<string, string> = {
  'identity.ward-sheet': 'ward-sheet',
  'identity.coordinator-division-sheet': 'ward-sheet',
  'identity.division-mismatch': 'identity',
};

/** The first sentence of a message, without its full stop. */
function firstSentence(text: string): string {
  const end = text.indexOf('。');
  return end > 0 ? text.slice(0, end) : text;
}

/** The reason of a 差戻し, from the most decisive finding of the row's sheets. */
function rejection(sheets: readonly SheetRecord[], scope: LedgerScope): FileError {
  const findings = sheets.flatMap((s) => s.findings.filter((f) => f.severity === 'error'));
  const other = findings.filter((f) => f.code === 'submission/other-body' || f.code === 'submission/other-year');
  if (other.length > 0) {
    const body = other.find((f) => f.code === 'submission/other-body')?.params?.['body'] ?? null;
    const year = other.find((f) => f.code === 'submission/other-year')?.params?.['year'] ?? null;
    const wanted = [
      body ? scope.ward : null,
      year && scope.fiscalYear !== null ? eraFiscalYear(scope.fiscalYear) : null,
    ].filter(Boolean);
    return {
      code: body ? 'other-body' : 'other-year',
      message: `${[body, year].filter(Boolean).join('・')}のシートです（この取りまとめは${wanted.join('・')}）。`,
    };
  }
  for (const code of ['identity.ward-sheet', 'identity.coordinator-division-sheet', 'identity.division-mismatch']) {
    const f = findings.find((x) => x.code === code);
    if (f) return { code: REASON_CODES[code]!, message: `${firstSentence(f.message)}。` };
  }
  if (findings.some((f) => f.code === 'submission/blank'))
    return { code: 'blank', message: '記入がありません（様式のままのシートです）。' };
  const first = findings[0];
  const more = findings.length > 1 ? ` ほか ${findings.length - 1} 件` : '';
  return {
    code: 'validation',
    message: `検証でエラーが ${findings.length} 件見つかりました${first ? `（${firstSentence(first.message)}${more}）` : ''}。`,
  };
}

/** What a sheet says it is, for 確認 to tell before anyone submits. */
function recognise(sheet: SheetRecord): Recognition {
  const family = sheet.family ? familyById(sheet.family) : undefined;
  const ward = isWardSheet(sheet);
  return {
    family: sheet.family,
    familyTitle: family ? (ward ? '区の組織目標' : family.title) : null,
    variant: sheet.variant ?? null,
    body: bodyOfSheet(sheet),
    fiscalYear: sheet.fiscalYear,
    division: !ward && variantOf(sheet)?.ownedByDivision ? sheet.organization : null,
    indicators: sheet.measures.filter((m) => m.fields?.['relist'] !== 'true').length,
    priorities: ward ? (sheet.items?.['priorities']?.length ?? 0) : 0,
    wardSheet: ward,
    divisionSheet: !ward && variantOf(sheet)?.ownedByDivision === true,
  };
}

function sameSlot(a: Slot, b: Slot): boolean {
  if (a.kind !== b.kind) return false;
  return a.kind !== 'division' || a.division === (b as { division: string }).division;
}

/**
 * The decision on one read submission, made once for every touchpoint: for each row it fills (the sender's;
 * without a sender, each division its sheets name, or the ward's own sheet), 受理 only for this body's, this
 * year's, this division's filled-in sheet of a known form with no error; else 差戻し with the most decisive
 * reason (another body or year, the ward sheet from a division, another division's sheet, a blank form,
 * validation errors), or 読込不可 for a file that could not be read. The scope findings are added to the
 * sheets, so the console, the add-in and the marked copy show them at their cells.
 */
export function judgeSubmission(
  read: ReadOutcome,
  scope: LedgerScope,
  sender: Sender | null,
  file: string | null = null,
): JudgedSubmission {
  if (read.status === 'unreadable') {
    const error = read.error ?? { code: 'corrupt', message: '読み込めないファイルです。' };
    const verdict: SubmissionVerdict = {
      slot: fileSlot(scope, sender, file, error.code),
      status: '読込不可',
      code: error.code,
      reason: error.message,
      sheets: [],
    };
    return { verdicts: [verdict], status: '読込不可', error, sheets: read.sheets, recognised: [] };
  }
  const known = read.sheets.filter((s) => s.family !== null);
  if (known.length === 0) {
    const error = read.error ?? {
      code: 'no-form',
      message: '既知の様式（目標管理シートなど）のシートが見つかりません。',
    };
    const status = verdictStatusOf('rejected', error.code);
    const verdict = {
      slot: fileSlot(scope, sender, file, error.code),
      status,
      code: error.code,
      reason: error.message,
      sheets: [],
    };
    return { verdicts: [verdict], status, error, sheets: read.sheets, recognised: [] };
  }
  const slots: Slot[] = [];
  const placed = new Map<SheetRecord, Slot>();
  const sheets = read.sheets.map((sheet) => {
    if (sheet.family === null) return sheet;
    let slot = slotOf(sheet, scope, sender, file);
    const existing = slots.find((s) => sameSlot(s, slot));
    if (existing) slot = existing;
    else slots.push(slot);
    const added = scopeFindings(sheet, scope, sender, slot);
    const judged = added.length > 0 ? { ...sheet, findings: [...added, ...sheet.findings] } : sheet;
    placed.set(judged, slot);
    return judged;
  });
  // A refusal decided while reading (its findings not in these sheets) stands for every row.
  const refusedAlready =
    read.status === 'rejected' && !sheets.some((s) => s.findings.some((f) => f.severity === 'error'));
  const verdicts = slots.map((slot): SubmissionVerdict => {
    const own = sheets.filter((s) => placed.get(s) === slot);
    const names = own.map((s) => s.sheet);
    if (refusedAlready) {
      const error = read.error ?? { code: 'validation', message: '検証でエラーが見つかりました。' };
      return {
        slot,
        status: verdictStatusOf('rejected', error.code),
        code: error.code,
        reason: error.message,
        sheets: names,
      };
    }
    if (!own.some((s) => s.findings.some((f) => f.severity === 'error')))
      return { slot, status: '受理', code: null, reason: null, sheets: names };
    const error = rejection(own, scope);
    return { slot, status: '差戻し', code: error.code, reason: error.message, sheets: names };
  });
  const refused = verdicts.find((v) => v.status !== '受理');
  return {
    verdicts,
    status: refused ? refused.status : '受理',
    error: refused ? { code: refused.code ?? 'validation', message: refused.reason ?? '' } : null,
    sheets,
    recognised: known.map((s) => recognise(sheets[read.sheets.indexOf(s)] ?? s)),
  };
}
