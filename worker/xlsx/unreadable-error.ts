import type { FileError } from '../../shared/model/record.ts';

/** Why a workbook could not be read. */
export type UnreadableCode =
  | 'empty'
  | 'too-large'
  | 'not-zip'
  | 'truncated'
  | 'encrypted'
  | 'legacy-xls'
  | 'not-spreadsheet'
  | 'zip-bomb'
  | 'dtd'
  | 'too-many-cells'
  | 'macro'
  | 'corrupt';

const DEFAULT_MESSAGES: Record<UnreadableCode, string> = {
  empty: 'ファイルが空です（0 バイト）。',
  'too-large': 'ファイルが大きすぎるため読み込めません。',
  'not-zip': 'Excel ブック（.xlsx）ではありません。',
  truncated: 'ファイルが途中で切れているか壊れているため読み込めません。',
  encrypted: 'ブックがパスワードで保護されているため読み込めません。パスワードを解除して保存し直してください。',
  'legacy-xls': '古い Excel 形式（.xls）のファイルです。Excel で「Excel ブック（.xlsx）」として保存し直してください。',
  'not-spreadsheet': 'Excel ブックではない Office ファイルです。',
  'zip-bomb': '展開後のサイズや構成が不自然なため、安全のため読み込みを中止しました。',
  dtd: 'ブック内の XML に DTD（<!DOCTYPE> / <!ENTITY>）が含まれているため、安全のため読み込みを中止しました。',
  'too-many-cells': 'ブックのセル数が多すぎるため読み込めません。',
  macro:
    'マクロを含むブック（.xlsm など）や ActiveX コントロールを含むブックは受け付けていません。Excel で「Excel ブック（.xlsx）」として保存し直してから提出してください。',
  corrupt: 'ブックの内容が壊れているため読み込めません。Excel で開いて保存し直してください。',
};

/** The one typed error for a workbook that cannot be read; the queue must not retry it. */
export class UnreadableWorkbookError extends Error {
  readonly code: UnreadableCode;
  /** The file being read, when the caller named it. */
  file?: string;

  constructor(code: UnreadableCode, message: string = DEFAULT_MESSAGES[code], options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UnreadableWorkbookError';
    this.code = code;
  }
}

/** Type guard that also works across module copies (checks the name, not only the prototype). */
export function isUnreadableWorkbookError(err: unknown): err is UnreadableWorkbookError {
  return (
    err instanceof UnreadableWorkbookError ||
    (err instanceof Error && err.name === 'UnreadableWorkbookError' && 'code' in err)
  );
}

/** Turns any error into the FileError of docs/api.md; unexpected faults get a generic message, never a stack. */
export function toFileError(err: unknown): FileError {
  if (isUnreadableWorkbookError(err)) return { code: err.code, message: err.message };
  return { code: 'internal', message: 'ファイルの処理中に予期しないエラーが発生しました。' };
}
