/** Slice size for getFileAsync: 4 MiB, the largest Office accepts. */
export const SLICE_SIZE = 4 * 1024 * 1024;

/** The part of Office.Document the upload needs; tests pass a fake. */
export type FileSource = Pick<Office.Document, 'getFileAsync'> & { url?: string | null };

/**
 * The workbook's file name from Document.url (a local path, a UNC path or a SharePoint/OneDrive URL;
 * "null if the URL is unavailable"), sent with a submission so the console shows it. A workbook never saved
 * has a bare name such as "Book1": it is sent as "Book1.xlsx", which is what getFileAsync hands over.
 */
export function workbookFileName(url: string | null | undefined): string | null {
  if (!url) return null;
  let path = url;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) {
    try {
      path = decodeURIComponent(new URL(url).pathname);
    } catch {
      return null;
    }
  }
  const name = path.split(/[\\/]/).pop()?.trim() ?? '';
  if (!name) return null;
  return /\.xls[xmb]?$/i.test(name) ? name : `${name}.xlsx`;
}

/** Why the workbook bytes could not be read. */
export class WorkbookFileError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WorkbookFileError';
  }
}

/** The whole workbook as .xlsx bytes, read slice by slice; the file is closed even when a slice fails. */
export async function readWorkbookBytes(source: FileSource): Promise<Uint8Array<ArrayBuffer>> {
  const file = await new Promise<Office.File>((resolve, reject) => {
    source.getFileAsync(Office.FileType.Compressed, { sliceSize: SLICE_SIZE }, (result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
      else reject(new WorkbookFileError(result.error?.message ?? 'getFileAsync failed', { cause: result.error }));
    });
  });
  try {
    const parts: Uint8Array[] = [];
    for (let i = 0; i < file.sliceCount; i++) parts.push(await readSlice(file, i));
    const total = parts.reduce((n, p) => n + p.length, 0);
    const bytes = new Uint8Array(total);
    let offset = 0;
    for (const part of parts) {
      bytes.set(part, offset);
      offset += part.length;
    }
    return bytes;
  } finally {
    await new Promise<void>((resolve) => file.closeAsync(() => resolve()));
  }
}

function readSlice(file: Office.File, index: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    file.getSliceAsync(index, (result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded)
        resolve(Uint8Array.from(result.value.data as ArrayLike<number>));
      else reject(new WorkbookFileError(result.error?.message ?? 'getSliceAsync failed', { cause: result.error }));
    });
  });
}
