import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FsSubmissionStore, type SubmissionResult } from '../../worker/storage/index.ts';

describe('exactly-once finalisation in FsSubmissionStore', () => {
  let dir: string;
  let store: FsSubmissionStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mokuhyo-final-'));
    store = new FsSubmissionStore(dir);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const submission = () =>
    store.put(Buffer.from('PK\u0003\u0004x'), {
      ward: 'akiha',
      fiscalYear: 2020,
      division: '健康福祉課',
      receivedAt: new Date().toISOString(),
    });

  it('keeps the first of many concurrent results and leaves no temporary files', async () => {
    const { id } = await submission();
    const results: SubmissionResult[] = Array.from({ length: 12 }, (_, i) => ({
      status: i % 2 ? 'accepted' : 'rejected',
      error: null,
      sheets: [],
      finishedAt: `2020-04-01T00:00:${String(i).padStart(2, '0')}.000Z`,
    }));
    await Promise.all(results.map((r) => store.putResult(id, r)));
    const kept = await store.getResult(id);
    expect(results).toContainEqual(kept);
    await store.putResult(id, { status: 'accepted', error: null, sheets: [], finishedAt: '2099-01-01T00:00:00.000Z' });
    expect(await store.getResult(id)).toEqual(kept);
    expect((await readdir(join(dir, 'submissions'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('never sets a final status back to processing', async () => {
    const { id } = await submission();
    await store.update(id, { status: 'accepted', finishedAt: '2020-04-01T00:00:00.000Z' });
    const after = await store.update(id, { status: 'processing' });
    expect(after.status).toBe('accepted');
    expect((await store.get(id))?.status).toBe('accepted');
  });
});
