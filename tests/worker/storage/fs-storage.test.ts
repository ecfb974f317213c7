import { createHash } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FsSubmissionStore, FsSummaryStore, StorageError } from '../../../worker/storage/index.ts';

const NEW = { ward: 'akiha', fiscalYear: 2020, division: '健康福祉課', receivedAt: '2020-05-01T00:00:00.000Z' };

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else out.push(p);
  }
  return out;
}

describe('FsSubmissionStore', () => {
  let root: string;
  let store: FsSubmissionStore;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'mokuhyo-store-'));
    store = new FsSubmissionStore(root);
  });
  afterEach(async () => {
    await chmod(root, 0o755).catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  });

  it('stores the bytes under their sha256 and the metadata as queued', async () => {
    const bytes = Buffer.from('PK\u0003\u0004 workbook bytes');
    const meta = await store.put(bytes, NEW);
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(meta).toMatchObject({ ...NEW, sha256: sha, size: bytes.length, status: 'queued', error: null });
    expect(await readFile(join(root, 'blobs', sha.slice(0, 2), `${sha}.xlsx`))).toEqual(bytes);
    expect(await store.get(meta.id)).toEqual(meta);
    expect(await store.bytes(meta)).toEqual(bytes);
  });

  it('keeps one blob for identical submissions and leaves no temporary files', async () => {
    const a = await store.put(Buffer.from('same'), NEW);
    const b = await store.put(Buffer.from('same'), NEW);
    expect(a.id).not.toBe(b.id);
    const files = await walk(root);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(files.filter((f) => f.includes('/blobs/'))).toHaveLength(1);
  });

  it('updates status and keeps results next to the metadata', async () => {
    const meta = await store.put(Buffer.from('x'), NEW);
    await store.update(meta.id, { status: 'accepted', finishedAt: '2020-05-01T00:01:00.000Z' });
    await store.putResult(meta.id, { status: 'accepted', error: null, sheets: [] });
    expect((await store.get(meta.id))?.status).toBe('accepted');
    expect(await store.getResult(meta.id)).toEqual({ status: 'accepted', error: null, sheets: [] });
  });

  it('lists by ward and fiscal year, oldest first', async () => {
    const first = await store.put(Buffer.from('1'), NEW);
    const second = await store.put(Buffer.from('2'), { ...NEW, receivedAt: '2020-05-02T00:00:00.000Z' });
    await store.put(Buffer.from('3'), { ...NEW, ward: 'nishi' });
    expect((await store.list({ ward: 'akiha', fiscalYear: 2020 })).map((m) => m.id)).toEqual([first.id, second.id]);
  });

  it('never builds a path from a client-supplied id', async () => {
    for (const id of ['../../etc/passwd', '..', 'a/b', '%2e%2e', '']) {
      expect(await store.get(id)).toBeNull();
      expect(await store.getResult(id)).toBeNull();
    }
    await expect(store.putResult('../x', { status: 'accepted', error: null, sheets: [] })).rejects.toThrow(
      StorageError,
    );
  });

  it.skipIf(process.getuid?.() === 0)(
    'fails with StorageError and no half-written file when the directory is unwritable',
    async () => {
      await chmod(root, 0o555);
      await expect(store.put(Buffer.from('x'), NEW)).rejects.toThrow(StorageError);
      await chmod(root, 0o755);
      expect(await walk(root)).toEqual([]);
    },
  );
});

describe('FsSummaryStore', () => {
  it('replaces the summary of a ward and year and refuses odd ward ids', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mokuhyo-sum-'));
    const store = new FsSummaryStore(root);
    await store.put('akiha', 2020, Buffer.from('one'));
    await store.put('akiha', 2020, Buffer.from('two'));
    expect(String(await store.get('akiha', 2020))).toBe('two');
    expect(await store.get('../akiha', 2020)).toBeNull();
    await expect(store.put('../x', 2020, Buffer.from(''))).rejects.toThrow(StorageError);
    await rm(root, { recursive: true, force: true });
  });
});
