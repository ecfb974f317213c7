import { createHash, randomUUID } from 'node:crypto';
import { access, readdir, readFile, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { durableCreate, durableWrite } from './durable-write.ts';
import {
  StorageError,
  type NewSubmission,
  type SubmissionMeta,
  type SubmissionResult,
  type SubmissionStore,
  type SummaryStore,
  type SummaryAbout,
  type SummaryVersion,
} from './storage-port.ts';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SHA = /^[0-9a-f]{64}$/;
const WARD = /^[a-z0-9][a-z0-9_-]{0,63}$/;
/** A history id: the build time, compact and sortable (20201201T093000123Z). */
const VERSION = /^\d{8}T\d{9}Z$/;

/** True for ids this store hands out; anything else never reaches a path. */
export function isSubmissionId(id: string): boolean {
  return ID.test(id);
}

/**
 * Submissions on a local filesystem: `blobs/ab/<sha256>.xlsx`, `submissions/<id>.json` and
 * `<id>.result.json`. Paths are built only from generated ids and hashes.
 */
export class FsSubmissionStore implements SubmissionStore {
  constructor(private readonly root: string) {}

  async put(bytes: Buffer, submission: NewSubmission): Promise<SubmissionMeta> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const meta: SubmissionMeta = {
      id: randomUUID(),
      ...submission,
      sha256,
      size: bytes.length,
      status: 'queued',
      error: null,
      finishedAt: null,
    };
    try {
      const blob = this.blobPath(sha256);
      const exists = await access(blob).then(
        () => true,
        () => false,
      );
      if (!exists) await durableWrite(blob, bytes);
      await durableWrite(this.metaPath(meta.id), JSON.stringify(meta));
    } catch (err) {
      throw new StorageError('提出ファイルを保存できませんでした。', { cause: err });
    }
    return meta;
  }

  async get(id: string): Promise<SubmissionMeta | null> {
    if (!isSubmissionId(id)) return null;
    return readJson<SubmissionMeta>(this.metaPath(id));
  }

  async bytes(meta: SubmissionMeta): Promise<Buffer> {
    return readFile(this.blobPath(meta.sha256));
  }

  file(meta: SubmissionMeta): string {
    return this.blobPath(meta.sha256);
  }

  async update(
    id: string,
    patch: Partial<Pick<SubmissionMeta, 'status' | 'error' | 'finishedAt' | 'verdicts' | 'sentBack'>>,
  ): Promise<SubmissionMeta> {
    const meta = await this.get(id);
    if (!meta) throw new StorageError(`提出 ${id} が見つかりません。`);
    if (isFinal(meta.status) && patch.status !== undefined && !isFinal(patch.status)) return meta;
    const next = { ...meta, ...patch };
    await durableWrite(this.metaPath(id), JSON.stringify(next));
    return next;
  }

  async putResult(id: string, result: SubmissionResult): Promise<boolean> {
    if (!isSubmissionId(id)) throw new StorageError(`不正な提出 ID です: ${id}`);
    return durableCreate(this.resultPath(id), JSON.stringify(result));
  }

  async getResult(id: string): Promise<SubmissionResult | null> {
    if (!isSubmissionId(id)) return null;
    return readJson<SubmissionResult>(this.resultPath(id));
  }

  async list(filter: { ward?: string; fiscalYear?: number } = {}): Promise<SubmissionMeta[]> {
    const dir = join(this.root, 'submissions');
    const names = await readdir(dir).catch(() => [] as string[]);
    const metas: SubmissionMeta[] = [];
    for (const name of names) {
      const m = /^(.+)\.json$/.exec(name);
      if (!m?.[1] || !isSubmissionId(m[1])) continue;
      const meta = await readJson<SubmissionMeta>(join(dir, name));
      if (!meta) continue;
      if (filter.ward !== undefined && meta.ward !== filter.ward) continue;
      if (filter.fiscalYear !== undefined && meta.fiscalYear !== filter.fiscalYear) continue;
      metas.push(meta);
    }
    return metas.sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0));
  }

  private blobPath(sha256: string): string {
    if (!SHA.test(sha256)) throw new StorageError('不正なハッシュ値です。');
    return join(this.root, 'blobs', sha256.slice(0, 2), `${sha256}.xlsx`);
  }

  private metaPath(id: string): string {
    return join(this.root, 'submissions', `${id}.json`);
  }

  private resultPath(id: string): string {
    return join(this.root, 'submissions', `${id}.result.json`);
  }
}

/**
 * Summaries on a local filesystem: `summaries/<ward>/<fiscalYear>.xlsx`, replaced atomically, and a copy of
 * every build under `summaries/<ward>/history/<fiscalYear>/<built>.xlsx` for the console's list.
 */
export class FsSummaryStore implements SummaryStore {
  constructor(private readonly root: string) {}

  async put(ward: string, fiscalYear: number, bytes: Buffer, asOf?: Date, about?: SummaryAbout): Promise<void> {
    await durableWrite(this.path(ward, fiscalYear), bytes);
    if (asOf) await utimes(this.path(ward, fiscalYear), asOf, asOf);
    // The history copy is a convenience: the latest summary above is what counts, so a failure here is not one.
    const id = new Date().toISOString().replace(/[-:.]/g, '');
    await durableWrite(join(this.historyDir(ward, fiscalYear), `${id}.xlsx`), bytes).catch(() => undefined);
    if (about)
      await durableWrite(join(this.historyDir(ward, fiscalYear), `${id}.json`), JSON.stringify(about)).catch(
        () => undefined,
      );
  }

  async history(ward: string, fiscalYear: number): Promise<SummaryVersion[]> {
    if (!WARD.test(ward) || !Number.isInteger(fiscalYear)) return [];
    const dir = this.historyDir(ward, fiscalYear);
    const names = await readdir(dir).catch(() => [] as string[]);
    const versions: SummaryVersion[] = [];
    for (const name of names) {
      const id = name.replace(/\.xlsx$/, '');
      if (!VERSION.test(id) || name !== `${id}.xlsx`) continue;
      const size = await stat(join(dir, name)).then(
        (s) => s.size,
        () => -1,
      );
      if (size < 0) continue;
      const builtAt = `${id.slice(0, 4)}-${id.slice(4, 6)}-${id.slice(6, 8)}T${id.slice(9, 11)}:${id.slice(11, 13)}:${id.slice(13, 15)}.${id.slice(15, 18)}Z`;
      const about = await readJson<SummaryAbout>(join(dir, `${id}.json`));
      versions.push({ id, builtAt, size, ...(about ? { about } : {}) });
    }
    return versions.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  async getVersion(ward: string, fiscalYear: number, id: string): Promise<Buffer | null> {
    if (!WARD.test(ward) || !Number.isInteger(fiscalYear) || !VERSION.test(id)) return null;
    return readFile(join(this.historyDir(ward, fiscalYear), `${id}.xlsx`)).catch(() => null);
  }

  async asOf(ward: string, fiscalYear: number): Promise<Date | null> {
    if (!WARD.test(ward) || !Number.isInteger(fiscalYear)) return null;
    return stat(this.path(ward, fiscalYear)).then(
      (s) => s.mtime,
      () => null,
    );
  }

  async get(ward: string, fiscalYear: number): Promise<Buffer | null> {
    if (!WARD.test(ward) || !Number.isInteger(fiscalYear)) return null;
    return readFile(this.path(ward, fiscalYear)).catch(() => null);
  }

  private path(ward: string, fiscalYear: number): string {
    if (!WARD.test(ward) || !Number.isInteger(fiscalYear)) throw new StorageError('不正な区 ID または年度です。');
    return join(this.root, 'summaries', ward, `${fiscalYear}.xlsx`);
  }

  private historyDir(ward: string, fiscalYear: number): string {
    if (!WARD.test(ward) || !Number.isInteger(fiscalYear)) throw new StorageError('不正な区 ID または年度です。');
    return join(this.root, 'summaries', ward, 'history', String(fiscalYear));
  }
}

function isFinal(status: SubmissionMeta['status']): boolean {
  return status === 'accepted' || status === 'rejected';
}

async function readJson<T>(path: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return null;
  }
}
