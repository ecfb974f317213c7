// Issue 21 item 5: a download is always named `.xlsx` with the workbook Content-Type, whatever the uploader
// called the file (`.hta`, `.html`, `.jar`, `.xlsm`, double extensions), so no browser opens it as a program.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asXlsxName } from '../../worker/console-server/cookies.ts';
import { findRedisServer, startRedis, type PrivateRedis } from '../worker/queue/redis-server.ts';
import { TOKENS, until, world, type World } from '../worker/queue/test-world.ts';

const SEED = resolve(import.meta.dirname, '../../seeds/org-goals/akiha-2020-kenko-fukushi.xlsx');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const binary = await findRedisServer();
const NAMES = [
  '報告.hta',
  'page.html',
  'tool.jar',
  'macro.xlsm',
  '健康福祉課.xlsx.exe',
  'a.b.c.svg',
  '名前だけ',
  '.hta',
];

describe('asXlsxName', () => {
  it('ends every name in .xlsx and keeps the rest of it', () => {
    expect(NAMES.map(asXlsxName)).toEqual([
      '報告.xlsx',
      'page.xlsx',
      'tool.xlsx',
      'macro.xlsx',
      '健康福祉課.xlsx',
      'a.xlsx',
      '名前だけ.xlsx',
      'workbook.xlsx',
    ]);
  });
});

describe.skipIf(!binary)('downloads of stored workbooks', () => {
  let redis: PrivateRedis;
  let w: World;
  beforeAll(async () => {
    redis = await startRedis(binary!);
    w = await world(redis.url, { workers: true });
  }, 60_000);
  afterAll(async () => {
    await w?.close();
    await redis?.stop();
  });

  it.each(NAMES)(
    'serves a workbook uploaded as %s as .xlsx, the file and both marked copies',
    async (name) => {
      const res = await w.app.inject({
        method: 'POST',
        url: '/api/submissions',
        headers: {
          authorization: `Bearer ${TOKENS.kenko}`,
          'content-type': XLSX,
          'x-mokuhyo-filename': encodeURIComponent(name),
        },
        payload: await readFile(SEED),
      });
      expect(res.statusCode).toBe(202);
      const id = (res.json() as { id: string }).id;
      await until(
        async () =>
          ['accepted', 'rejected'].includes((await w.runtime.store.get(id))?.status ?? '') ? true : undefined,
        60_000,
        'final',
      );
      const stored = () =>
        w.app.inject({
          method: 'GET',
          url: `/api/console/submissions/${id}/workbook`,
          headers: { authorization: `Bearer ${TOKENS.kenko}` },
        });
      const marked = async () =>
        w.app.inject({
          method: 'POST',
          url: '/api/console/check/annotated',
          headers: {
            authorization: `Bearer ${TOKENS.kenko}`,
            'content-type': XLSX,
            'x-mokuhyo-filename': encodeURIComponent(name),
          },
          payload: await readFile(SEED),
        });
      const storedMarked = () =>
        w.app.inject({
          method: 'GET',
          url: `/api/console/submissions/${id}/annotated`,
          headers: { authorization: `Bearer ${TOKENS.kenko}` },
        });
      for (const [path, get] of [
        ['workbook', stored],
        ['marked copy', marked],
        ['marked copy of the stored file', storedMarked],
      ] as const) {
        const dl = await get();
        expect(dl.statusCode, path).toBe(200);
        expect(dl.headers['content-type']).toBe(XLSX);
        const disposition = String(dl.headers['content-disposition']);
        expect(disposition).toMatch(/^attachment; /);
        expect(disposition).toMatch(/filename="[^"]*\.xlsx"; filename\*=UTF-8''[^;]*\.xlsx$/);
        expect(disposition).not.toMatch(/\.(hta|html|jar|xlsm|exe|svg)/i);
        expect(dl.rawPayload.subarray(0, 2).toString()).toBe('PK');
      }
    },
    60_000,
  );
});
