import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findRedisServer } from '../worker/queue/redis-server.ts';
import { allFinal, filesUnder, startCluster, submit, type Cluster } from './cluster.ts';
import { seedSubmissions, type Submission } from './fixtures.ts';
import { completeSummary } from './summary-check.ts';

const binary = await findRedisServer();
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** Every file under dataDir is complete: no temporaries, and every blob's name is its content's sha256. */
async function nothingHalfWritten(dataDir: string): Promise<string[]> {
  const files = await filesUnder(dataDir);
  expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  for (const f of files.filter((name) => name.startsWith('blobs/'))) {
    const sha = createHash('sha256')
      .update(await readFile(join(dataDir, f)))
      .digest('hex');
    expect(f).toBe(`blobs/${sha.slice(0, 2)}/${sha}.xlsx`);
  }
  return files.filter((f) => /^submissions\/[^/]+\.json$/.test(f) && !f.endsWith('.result.json'));
}

// As root, chmod cannot make a folder unwritable, so a regular file is put where the folder must be:
// every create inside it fails (ENOTDIR), as on a read-only or vanished mount.
async function block(dataDir: string, part: 'blobs' | 'submissions'): Promise<() => Promise<void>> {
  const path = join(dataDir, part);
  await rename(path, `${path}.aside`).catch(() => undefined);
  await writeFile(path, 'not a folder');
  return async () => {
    await rm(path, { force: true });
    await rename(`${path}.aside`, path).catch(() => mkdir(path, { recursive: true }));
  };
}

describe.skipIf(!binary)('an unwritable data folder while submitting', () => {
  let cluster: Cluster;
  let files: Submission[];

  beforeAll(async () => {
    files = await seedSubmissions();
    cluster = await startCluster(binary!, { workers: 0 });
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it('answers 503 with a reason, keeps nothing half-written, and loses no acknowledged submission', async () => {
    const [kenko, chiiki, sangyo] = files;
    const first = await submit(cluster.base, kenko!.token, kenko!.bytes);
    expect(first.status).toBe(202);
    const acknowledged = [String(first.body['id'])];

    for (const part of ['blobs', 'submissions'] as const) {
      const unblock = await block(cluster.dataDir, part);
      const refused = await submit(cluster.base, chiiki!.token, part === 'blobs' ? chiiki!.bytes : sangyo!.bytes);
      expect(refused.status, part).toBe(503);
      const error = refused.body['error'] as { code: string; message: string };
      expect(error.code).toBe('storage-unavailable');
      expect(error.message).toMatch(JAPANESE);
      expect(refused.body['id']).toBeUndefined();
      await unblock();
      const metas = await nothingHalfWritten(cluster.dataDir);
      expect(metas, part).toEqual([`submissions/${acknowledged[0]}.json`]);
    }

    const again = await submit(cluster.base, chiiki!.token, chiiki!.bytes);
    expect(again.status).toBe(202);
    acknowledged.push(String(again.body['id']));
    await cluster.startWorker();
    const metas = await allFinal(cluster.store, acknowledged);
    expect(metas.map((m) => m.status)).toEqual(['accepted', 'accepted']);
    const summary = await completeSummary(cluster.base, acknowledged);
    expect(summary.statuses.filter((r) => r[3])).toHaveLength(2);
  }, 240_000);
});
