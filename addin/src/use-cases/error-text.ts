import { ProtectedSheetError } from '../excel/clear-sheet.ts';
import { SheetTooLargeError } from '../excel/read-sheet.ts';
import { WorkbookFileError } from '../excel/workbook-file.ts';

/** A failure whose message is already plain Japanese for staff. */
export class UserFacingError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UserFacingError';
  }
}

/** Where staff lift a sheet's protection in Excel's Japanese UI. */
const UNPROTECT = '［校閲］タブの［シート保護の解除］';

const EXCEL_CODES: Record<string, string> = {
  AccessDenied: `シートが保護されているため、注釈を書き込めません。${UNPROTECT}で保護を解除してからもう一度お試しください。`,
  InvalidOperationInCellEditMode:
    'セルの編集中は操作できません。Enter キーで入力を確定してからもう一度お試しください。',
  ItemNotFound: '対象のシートまたはセルが見つかりません。シートを開き直してからもう一度お試しください。',
  GeneralException: 'Excel で処理中にエラーが起きました。少し待ってからもう一度お試しください。',
  RequestPayloadSizeLimitExceeded:
    'シートが大きすぎて読み込めません。不要な行や列を削除するか、Web の提出ページで確認してください。',
  ResponsePayloadSizeLimitExceeded:
    'シートが大きすぎて読み込めません。不要な行や列を削除するか、Web の提出ページで確認してください。',
  ApiNotFound:
    'この Excel のバージョンでは使えない機能です。Microsoft 365 または Office LTSC 2021 以降の Excel か、Web の提出ページをお使いください。',
};

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : '';
}

/** Any error as one plain Japanese sentence for the pane's MessageBar. */
export function errorText(error: unknown): string {
  if (error instanceof UserFacingError) return error.message;
  if (error instanceof ProtectedSheetError)
    return `シート「${error.sheet}」は保護されているため、注釈を消せません。${UNPROTECT}で保護を解除してから、もう一度［注釈を消す］を押してください。`;
  if (error instanceof SheetTooLargeError)
    return `シートの使用範囲（${error.address}）が広すぎて確認できません。離れた行や列に残っている値や書式を削除してから［再チェック］を押すか、Web の提出ページで確認してください。`;
  if (error instanceof WorkbookFileError)
    return 'Excel からブックの内容を読み出せませんでした。ブックを保存して閉じ、Web の提出ページからファイルを提出してください。';
  const code = codeOf(error);
  if (code in EXCEL_CODES) return EXCEL_CODES[code]!;
  return '予期しないエラーが起きました。Excel を開き直してもう一度お試しください。解決しない場合は担当者にお問い合わせください。';
}

/**
 * Why the sheet was checked but its annotations (colours and メモ) were not written, or null when they were.
 * The list in the pane is complete either way.
 */
export function writeErrorText(failure: unknown): string | null {
  if (failure === null || failure === undefined) return null;
  const code = codeOf(failure);
  const why =
    code === 'AccessDenied'
      ? `シートが保護されています。${UNPROTECT}で保護を解除してから［再チェック］を押すと注釈を付けます。`
      : code === 'InvalidOperation' || code === 'InvalidArgument'
        ? 'セルにすでにメモやコメントがある可能性があります。'
        : '少し待ってから［再チェック］を押してください。';
  return `シートに注釈（色とメモ）を付けられませんでした。一覧の内容は最新です。${why}`;
}
