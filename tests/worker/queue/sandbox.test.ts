import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SandboxLimitError, SandboxPool } from '../../../worker/queue/sandbox.ts';
import { readZipEntries } from '../../helpers/zip-reader.ts';
import { zip } from '../../helpers/zip-writer.ts';

const HOOK = resolve(import.meta.dirname, '../../faults/hang-hook.mjs');
const SEED = resolve(import.meta.dirname, '../../../seeds/org-goals/akiha-2020-kenko-fukushi.xlsx');

describe('SandboxPool', () => {
  it('stops a child whose file needs more than its heap cap, says so in Japanese, and reads the next file', async () => {
    // Within every structural limit (600,000 distinct shared strings of 64 characters: 40 MB of XML, a few MB
    // zipped), but more than a 64 MB heap holds once read.
    const parts = await readZipEntries(await readFile(SEED));
    const strings = Array.from(
      { length: 600_000 },
      () => `<si><t>${randomBytes(4).toString('hex')}${'x'.repeat(56)}</t></si>`,
    );
    const big = await zip(
      parts.map((p) =>
        p.name === 'xl/sharedStrings.xml'
          ? {
              name: p.name,
              content: `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings.join('')}</sst>`,
            }
          : p,
      ),
    );
    const pool = new SandboxPool({ timeoutMs: 60_000, memoryMb: 64 });
    try {
      expect(big.length).toBeLessThan(20 * 1024 * 1024);
      await expect(pool.run(big)).rejects.toMatchObject({ name: 'SandboxLimitError', code: 'resource' });
      await expect(pool.run(big)).rejects.toThrow(/メモリが上限（64 MB）/);
      expect((await pool.run(await readFile(SEED))).status).toBe('accepted');
    } finally {
      pool.close();
    }
  }, 120_000);

  it("starts a file's time limit once its child has started, so a slow start-up never times a good file out", async () => {
    // Every child takes 2.5 s to start (the test-only preload), the time limit is 1.5 s: a good file is read.
    const saved = { options: process.env['NODE_OPTIONS'], boot: process.env['MOKUHYO_TEST_BOOT_MS'] };
    process.env['NODE_OPTIONS'] = `${saved.options ?? ''} --import ${HOOK}`.trim();
    process.env['MOKUHYO_TEST_BOOT_MS'] = '2500';
    const pool = new SandboxPool({ timeoutMs: 1500, memoryMb: 256 });
    try {
      const t0 = performance.now();
      const read = await pool.run(await readFile(SEED));
      expect(read.status).toBe('accepted');
      expect(performance.now() - t0).toBeGreaterThanOrEqual(2500);
    } finally {
      pool.close();
      for (const [key, value] of [
        ['NODE_OPTIONS', saved.options],
        ['MOKUHYO_TEST_BOOT_MS', saved.boot],
      ] as const)
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
    }
  }, 30_000);

  it('ingests a workbook in a child process and reuses the child', async () => {
    const pool = new SandboxPool({ timeoutMs: 60_000, memoryMb: 256 });
    try {
      const bytes = await readFile(SEED);
      const first = await pool.run(bytes);
      const second = await pool.run(bytes);
      expect(first.status).toBe('accepted');
      expect(first.sheets[0]?.organization).toBe('健康福祉課');
      expect(second).toEqual(first);
    } finally {
      pool.close();
    }
  });

  it('starts children ahead of the first file and replaces one after its quota of files', async () => {
    const pool = new SandboxPool({ timeoutMs: 60_000, memoryMb: 256, jobsPerChild: 2 });
    try {
      await pool.warm(1);
      expect(pool.started).toBe(1);
      const bytes = await readFile(SEED);
      for (let i = 0; i < 3; i++) expect((await pool.run(bytes)).status).toBe('accepted');
      // The warmed child took files 1 and 2, then was retired; file 3 needed a second child.
      expect(pool.started).toBe(2);
    } finally {
      pool.close();
    }
  });

  it('reads a stored file itself when given its path, with the same result as for its bytes', async () => {
    const pool = new SandboxPool({ timeoutMs: 60_000, memoryMb: 256 });
    try {
      expect(await pool.run({ file: SEED })).toEqual(await pool.run(await readFile(SEED)));
      // A stored file that vanished is an infrastructure fault (the job is retried), not a rejection.
      await expect(pool.run({ file: `${SEED}.missing` })).rejects.toThrow(/ENOENT/);
    } finally {
      pool.close();
    }
  });

  it('kills a child that runs past the timeout and reports it as a limit', async () => {
    const pool = new SandboxPool({ timeoutMs: 50, memoryMb: 256 });
    try {
      const err = await pool.run(await readFile(SEED)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SandboxLimitError);
      expect((err as SandboxLimitError).code).toBe('timeout');
      expect((err as Error).message).toContain('制限時間');
    } finally {
      pool.close();
    }
  });

  it('reports an unreadable file as a result, not a crash', async () => {
    const pool = new SandboxPool({ timeoutMs: 60_000, memoryMb: 256 });
    try {
      const result = await pool.run(Buffer.from('PK\u0003\u0004broken'));
      expect(result.status).toBe('unreadable');
      expect(result.error?.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    } finally {
      pool.close();
    }
  });
});
