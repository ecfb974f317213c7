import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { SubmissionInput } from '../../shared/summary/index.ts';
import { ingestWorkbook, type IngestOptions } from '../queue/ingest-workbook.ts';
import { resolveLimits, tooLarge } from '../xlsx/index.ts';

/** Reads one workbook from disk as an embedded-mode submission (no submission time; mtime breaks ties). */
export async function ingestFile(file: string, options: IngestOptions & { link?: string | null } = {}): Promise<SubmissionInput> {
  const base = { id: file, file, link: options.link ?? null, submittedAt: null, division: null };
  const info = await stat(file).catch(() => null);
  if (!info || !info.isFile()) {
    return { ...base, sha256: null, mtime: null, status: 'unreadable', error: { code: 'not-found', message: 'ファイルが見つかりません。' }, sheets: [] };
  }
  const mtime = info.mtime.toISOString();
  const limits = resolveLimits(options.limits);
  if (info.size > limits.maxBytes) {
    const err = tooLarge(info.size, limits.maxBytes);
    return { ...base, sha256: null, mtime, status: 'unreadable', error: { code: err.code, message: err.message }, sheets: [] };
  }
  const bytes = await readFile(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    const result = await ingestWorkbook(bytes, options);
    return { ...base, sha256, mtime, ...result };
  } catch {
    return { ...base, sha256, mtime, status: 'unreadable', error: { code: 'internal', message: 'ファイルの処理中に予期しないエラーが発生しました。' }, sheets: [] };
  }
}
