import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE, hostileBytes } from '../fixtures/make-hostile.ts';
import { findRedisServer, startRedis, type PrivateRedis } from '../worker/queue/redis-server.ts';
import { TOKENS, until, world, type World } from '../worker/queue/test-world.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const binary = await findRedisServer();

interface CliFile {
  file: string;
  error: { code: string; message: string } | null;
}

describe('hostile-file corpus', () => {
  let dir: string;
  const bytes = new Map<string, Buffer>();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mokuhyo-hostile-'));
    for (const c of HOSTILE) {
      const b = await hostileBytes(c);
      bytes.set(c.name, b);
      await writeFile(join(dir, `error.${c.name}.xlsx`), b);
    }
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gives every file its reason through `validate --json`, exit 2', async () => {
    const paths = HOSTILE.map((c) => join(dir, `error.${c.name}.xlsx`));
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((done) => {
      execFile(
        process.execPath,
        [join(ROOT, 'bin/mokuhyo.js'), 'validate', '--json', ...paths],
        { maxBuffer: 16 * 1024 * 1024 },
        (err, out) => done({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout: out }),
      );
    });
    expect(code).toBe(2);
    const files = (JSON.parse(stdout) as { files: CliFile[] }).files;
    expect(files.map((f) => [f.file.slice(dir.length + 1), f.error?.code])).toEqual(
      HOSTILE.map((c) => [`error.${c.name}.xlsx`, c.code]),
    );
    for (const f of files) expect(f.error?.message).toMatch(JAPANESE);
  }, 120_000);

  describe.skipIf(!binary)('intake and queue', () => {
    let redis: PrivateRedis;
    let w: World;
    beforeAll(async () => {
      redis = await startRedis(binary!);
      w = await world(redis.url, { workers: true });
    });
    afterAll(async () => {
      await w?.close();
      await redis?.stop();
    });

    const finalOf = (id: string) =>
      until(
        async () => {
          const meta = await w.runtime.store.get(id);
          return meta && (meta.status === 'accepted' || meta.status === 'rejected') ? meta : undefined;
        },
        90_000,
        `final status of ${id}`,
      );

    it('refuses every file at the intake (413/415/422) or rejects it with the same reason', async () => {
      for (const c of HOSTILE) {
        const res = await w.app.inject({
          method: 'POST',
          url: '/api/submissions',
          payload: bytes.get(c.name)!,
          headers: { 'content-type': XLSX, authorization: `Bearer ${TOKENS.kenko}` },
        });
        if (res.statusCode === 202) {
          const meta = await finalOf((res.json() as { id: string }).id);
          expect([c.name, meta.status, meta.error?.code]).toEqual([c.name, 'rejected', c.code]);
          expect(meta.error?.message).toMatch(JAPANESE);
        } else {
          expect([413, 415, 422]).toContain(res.statusCode);
          const body = res.json() as { error: { code: string; message: string } };
          expect([c.name, body.error.code]).toEqual([c.name, c.code]);
          expect(body.error.message).toMatch(JAPANESE);
        }
      }
    }, 180_000);

    it('rejects every file in the queue with the same reason, once, without retrying', async () => {
      const ids = new Map<string, string>();
      for (const c of HOSTILE) {
        const meta = await w.runtime.store.put(bytes.get(c.name)!, {
          ward: 'akiha',
          fiscalYear: 2020,
          division: '健康福祉課',
          receivedAt: new Date().toISOString(),
        });
        await w.runtime.queues.addIngest(meta.id);
        ids.set(c.name, meta.id);
      }
      for (const c of HOSTILE) {
        const id = ids.get(c.name)!;
        const meta = await finalOf(id);
        expect([c.name, meta.status, meta.error?.code]).toEqual([c.name, 'rejected', c.code]);
        const job = await w.runtime.queues.ingest.getJob(id);
        expect(job?.attemptsMade ?? 0).toBeLessThanOrEqual(1);
      }
    }, 180_000);
  });
});
