/** What the running Excel can do, decided once from its requirement sets. */
export interface Capabilities {
  /** RangeAreas fills and fill patterns (ExcelApi 1.9); without them findings are listed only. */
  fills: boolean;
  /** Merged areas of a range (ExcelApi 1.13); without them merged cells read as their own cells. */
  merges: boolean;
  suspendScreen: boolean;
  /** Where a finding's text goes on the sheet. */
  annotations: 'notes' | 'comments' | 'list-only';
  /** Change events tell the add-in's own writes apart (ExcelApi 1.14). */
  triggerSource: boolean;
}

export type IsSetSupported = (set: string, version: string) => boolean;

export function detectCapabilities(isSetSupported: IsSetSupported): Capabilities {
  const api = (v: string) => isSetSupported('ExcelApi', v);
  const fills = api('1.9');
  return {
    fills,
    merges: api('1.13'),
    suspendScreen: api('1.9'),
    annotations: api('1.18') ? 'notes' : api('1.10') ? 'comments' : 'list-only',
    triggerSource: api('1.14'),
  };
}

/** The host's capabilities through Office.context.requirements. */
export function officeCapabilities(): Capabilities {
  return detectCapabilities((set, version) => Office.context.requirements.isSetSupported(set, version));
}
