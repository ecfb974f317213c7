/**
 * What the running Excel can do, decided once from its requirement sets (ExcelApi member tables of
 * learn.microsoft.com/javascript/api/excel). The manifest asks for ExcelApi 1.14 — Office LTSC 2021, the
 * oldest host we support; everything newer is guarded here and falls back.
 */
export interface Capabilities {
  /** ExcelApi 1.14, the manifest's minimum: below it the pane points staff to the web console. */
  supported: boolean;
  /** RangeAreas fills and fill patterns (ExcelApi 1.9). */
  fills: boolean;
  /** Merged areas of a range (ExcelApi 1.13); without them merged cells read as their own cells. */
  merges: boolean;
  suspendScreen: boolean;
  /** Where a finding's text goes on the sheet: notes (1.18), threaded comments (1.10), or the list only. */
  annotations: 'notes' | 'comments' | 'list-only';
  /** Marking a comment resolved (Comment.resolved, ExcelApi 1.11). */
  resolveComments: boolean;
  /** Change events tell the add-in's own writes apart (WorksheetChangedEventArgs.triggerSource, 1.14). */
  triggerSource: boolean;
  /** WorksheetCollection.onChanged (1.9) and onActivated (1.7): the live re-check. */
  changeEvents: boolean;
  /**
   * Add-in writes join staff's undo history only from ExcelApi 1.20 — "The ExcelApi 1.20 adds undo support
   * for Excel JavaScript APIs" (its requirement set page); before it every write clears the history, so the
   * live re-check lists findings without writing and 再チェック writes.
   */
  undoableWrites: boolean;
  /** getFileAsync(Compressed): the CompressedFile set (Excel on the web, Windows, Mac; not iPad). */
  compressedFile: boolean;
}

export type IsSetSupported = (set: string, version: string) => boolean;

export function detectCapabilities(isSetSupported: IsSetSupported): Capabilities {
  const api = (v: string) => isSetSupported('ExcelApi', v);
  return {
    supported: api('1.14'),
    fills: api('1.9'),
    merges: api('1.13'),
    suspendScreen: api('1.9'),
    annotations: api('1.18') ? 'notes' : api('1.10') ? 'comments' : 'list-only',
    resolveComments: api('1.11'),
    triggerSource: api('1.14'),
    changeEvents: api('1.9'),
    undoableWrites: api('1.20'),
    compressedFile: isSetSupported('CompressedFile', '1.1'),
  };
}

/** The host's capabilities through Office.context.requirements. */
export function officeCapabilities(): Capabilities {
  return detectCapabilities((set, version) => Office.context.requirements.isSetSupported(set, version));
}
