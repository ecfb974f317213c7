import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findRedisServer, startRedis, type PrivateRedis } from '../worker/queue/redis-server.ts';
import { TOKENS, world, type World } from '../worker/queue/test-world.ts';
import { seedSubmissions } from './fixtures.ts';
import { XLSX } from './cluster.ts';

// Disk full, in-process: every file the store opens for writing takes half its bytes and then fails
// with ENOSPC while `full` is set, as a filling disk does.
const disk = vi.hoisted(() => ({ full: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof fs.open = async (...args: Parameters<typeof fs.open>) => {
    const handle = await fs.open(...args);
    if (!disk.full || args[1] !== 'wx') return handle;
    const writeFile = async (data: string | Uint8Array) => {
      const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data);
      await handle.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), {
        code: 'ENOSPC',
        errno: -28,
        syscall: 'write',
      });
    };
    return new Proxy(handle, {
      get: (target, key) => (key === 'writeFile' ? writeFile : Reflect.get(target, key, target)) as unknown,
    });
  };
  return { ...fs, open, default: { ...fs, open } };
});

const binary = await findRedisServer();

describe.skipIf(!binary)('disk full while submitting', () => {
  let redis: PrivateRedis;
  let w: World;
  beforeAll(async () => {
    redis = await startRedis(binary!);
    w = await world(redis.url, { workers: false });
  });
  afterAll(async () => {
    await w?.close();
    await redis?.stop();
  });

  it('answers 503 on ENOSPC, leaves no partial file, and stores the next submission once space is back', async () => {
    const [kenko] = await seedSubmissions();
    const post = () =>
      w.app.inject({
        method: 'POST',
        url: '/api/submissions',
        payload: kenko!.bytes,
        headers: { 'content-type': XLSX, authorization: `Bearer ${TOKENS.kenko}` },
      });
    disk.full = true;
    const refused = await post();
    disk.full = false;
    expect(refused.statusCode).toBe(503);
    expect(refused.json()).toMatchObject({ error: { code: 'storage-unavailable' } });
    const files = await readdir(w.config.dataDir, { recursive: true });
    expect(files.filter((f) => f.endsWith('.tmp') || f.endsWith('.xlsx') || f.endsWith('.json'))).toEqual([]);
    expect(await w.runtime.store.list()).toEqual([]);

    const stored = await post();
    expect(stored.statusCode).toBe(202);
    const metas = await w.runtime.store.list();
    expect(metas.map((m) => m.id)).toEqual([(stored.json() as { id: string }).id]);
    expect((await w.runtime.store.bytes(metas[0]!)).equals(kenko!.bytes)).toBe(true);
    expect((await readdir(join(w.config.dataDir, 'submissions'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
