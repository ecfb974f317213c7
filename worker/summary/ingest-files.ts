import { createHash } from 'node:crypto';
import { readFileSync, statSync, type Stats } from 'node:fs';
import type { SubmissionInput } from '../../shared/summary/index.ts';
import { pathProblem } from '../ingest/collect-files.ts';
import { ingestWorkbook, type IngestOptions } from '../queue/ingest-workbook.ts';
import { resolveLimits, tooLarge } from '../xlsx/index.ts';

/**
 * Reads one workbook from disk as an embedded-mode submission (no submission time; mtime breaks ties).
 * Batch code on its own thread: the file is read synchronously — four thread-pool round trips per
 * file (open, fstat, read, close) cost more than reading a few dozen kilobytes from the page cache.
 */
export async function ingestFile(
  file: string,
  options: IngestOptions & { link?: string | null } = {},
): Promise<SubmissionInput> {
  const base = { id: file, file, link: options.link ?? null, submittedAt: null, division: null };
  const info = statOrNull(file);
  if (!info || !info.isFile()) {
    return {
      ...base,
      sha256: null,
      mtime: null,
      status: 'unreadable',
      // A folder, a named pipe, a link loop or to nowhere: listed with what it is, never opened.
      error: pathProblem(file) ?? { code: 'not-found', message: 'ファイルが見つかりません。' },
      sheets: [],
    };
  }
  const mtime = info.mtime.toISOString();
  const limits = resolveLimits(options.limits);
  if (info.size > limits.maxBytes) {
    const err = tooLarge(info.size, limits.maxBytes);
    return {
      ...base,
      sha256: null,
      mtime,
      status: 'unreadable',
      error: { code: err.code, message: err.message },
      sheets: [],
    };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    // A file another program holds or the user may not read is the user's to fix, not a fault.
    const busy = (err as NodeJS.ErrnoException).code === 'EBUSY';
    return {
      ...base,
      sha256: null,
      mtime,
      status: 'unreadable',
      error: {
        code: 'no-access',
        message: busy
          ? 'ほかのプログラムが使用中のため読めません（Excel で開いていませんか）。'
          : 'ファイルを読む権限がないため読めません。',
      },
      sheets: [],
    };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    const result = await ingestWorkbook(bytes, { ...options, file });
    return { ...base, sha256, mtime, ...result };
  } catch {
    return {
      ...base,
      sha256,
      mtime,
      status: 'unreadable',
      error: { code: 'internal', message: 'ファイルの処理中に予期しないエラーが発生しました。' },
      sheets: [],
    };
  }
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}
