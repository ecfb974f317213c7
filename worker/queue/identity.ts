import type { RenderedFinding } from '../../shared/model/finding.ts';
import type { SheetRecord } from '../../shared/model/record.ts';
import type { WardConfig } from '../config/index.ts';
import type { ContentEntry } from '../storage/content-index.ts';
import type { IngestResult } from './ingest-workbook.ts';

/** Who sent a submission, as the intake recorded it. */
export interface Sender {
  ward: WardConfig | undefined;
  /** The submitter's division, or the ward's name when the ward's coordinator submitted. */
  division: string;
}

/**
 * A division or ward name as staff may write it, reduced for comparison: full-width letters, digits and
 * spaces made half-width (NFKC), every space and middle dot dropped, the ward's name in front dropped, and
 * one trailing 課 or 室 dropped (健康福祉課 = 健康福祉室 = 健康福祉 = ｢ 健康福祉 課 ｣).
 */
export function organizationKey(name: string, wardName = ''): string {
  let key = name.normalize('NFKC').replace(/[\s\u3000・･]/g, '');
  const ward = wardName.normalize('NFKC').replace(/[\s\u3000]/g, '');
  if (ward && key.startsWith(ward) && key.length > ward.length) key = key.slice(ward.length);
  return key.replace(/[課室]$/, '');
}

/** True when a sheet's 組織名 names the sender's division, with the tolerance above. */
export function sameOrganization(sheetName: string, division: string, wardName = ''): boolean {
  return organizationKey(sheetName, wardName) === organizationKey(division, wardName);
}

function byCoordinator(sender: Sender): boolean {
  return !!sender.ward && sender.division === sender.ward.name && !sender.ward.divisions.includes(sender.division);
}

function cellOf(sheet: SheetRecord): string | null {
  return (
    sheet.fields?.['division']?.cell ??
    sheet.fields?.['organization']?.cell ??
    sheet.fields?.['department']?.cell ??
    null
  );
}

/** The identity findings of one sheet: whose sheet it is against who sent it. */
function sheetFindings(sheet: SheetRecord, sender: Sender): RenderedFinding[] {
  if (sheet.family !== 'org-goals') return [];
  const ward = sender.ward;
  const coordinator = byCoordinator(sender);
  if (sheet.variant === 'ward') {
    if (
      coordinator ||
      (ward?.wardSheetDivision !== undefined && sameOrganization(ward.wardSheetDivision, sender.division, ward.name))
    )
      return [];
    return [
      {
        severity: 'error',
        code: 'identity.ward-sheet',
        cell: cellOf(sheet),
        message: `区の組織目標シート（重点目標）は区の集計担当だけが提出できます。${sender.division}のトークンでは提出できません。集計担当に提出を依頼してください。`,
        params: { division: sender.division },
      },
    ];
  }
  if (coordinator) {
    return [
      {
        severity: 'error',
        code: 'identity.coordinator-division-sheet',
        cell: cellOf(sheet),
        message: `課の組織目標管理シート（組織名「${sheet.organization ?? '空欄'}」）は、その課の提出用トークンで提出してください。集計担当が提出できるのは区の組織目標シートだけです。`,
        params: { organization: sheet.organization },
      },
    ];
  }
  if (sheet.organization === null || sameOrganization(sheet.organization, sender.division, ward?.name)) return [];
  const other = ward?.divisions.find((d) => sameOrganization(sheet.organization ?? '', d, ward.name));
  return [
    {
      severity: 'error',
      code: 'identity.division-mismatch',
      cell: cellOf(sheet),
      message:
        `シートの組織名「${sheet.organization}」が、提出した課「${sender.division}」と一致しません。` +
        (other ? `${other}のシートは${other}が提出します。` : '') +
        '自分の課のシートを提出してください。',
      params: { organization: sheet.organization, division: sender.division },
    },
  ];
}

/**
 * Checks that a submission is its sender's own (docs/api.md: a submitter's workbook must be its own
 * division's sheet; the ward's sheet is the coordinator's, or a division the config names for it) and
 * flags content another division of the ward-year also submitted. Error findings turn an accepted result
 * into a rejection; the duplicate is a warning for the coordinator on every sheet of the file.
 */
export function checkIdentity(
  result: IngestResult,
  sender: Sender,
  sameContent: readonly ContentEntry[],
): IngestResult {
  if (result.status === 'unreadable') return result;
  const others = [
    ...new Set(
      sameContent.filter((e) => e.ward === sender.ward?.id && e.division !== sender.division).map((e) => e.division),
    ),
  ];
  let added = 0;
  const sheets = result.sheets.map((sheet) => {
    const findings = sheetFindings(sheet, sender);
    if (sheet.family && others.length > 0) {
      findings.push({
        severity: 'warning',
        code: 'identity.duplicate-content',
        cell: null,
        message: `このファイルと同じ内容（SHA-256 が一致）のファイルが${others.join('、')}からも提出されています。取りまとめ担当は、どの課のシートかを確認してください。`,
        params: { divisions: others.join('、') },
      });
    }
    added += findings.filter((f) => f.severity === 'error').length;
    return findings.length ? { ...sheet, findings: [...findings, ...sheet.findings] } : sheet;
  });
  if (added === 0) return { ...result, sheets };
  const errors = sheets
    .filter((s) => s.family)
    .reduce((n, s) => n + s.findings.filter((f) => f.severity === 'error').length, 0);
  return {
    status: 'rejected',
    error: {
      code: 'validation',
      message: `検証でエラーが ${errors} 件見つかりました。検証結果を確認して修正してください。`,
    },
    sheets,
  };
}
