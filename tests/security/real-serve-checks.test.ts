// Issue 21 "What to build", checked against a real `serve` over real sockets with real files where the
// earlier tests used fastify's in-process inject: the console's 確認 and marked copy run under the sandbox's
// time limit (a file that spins is cut off with its reason, `serve` and /healthz untouched); 415 on every JSON
// route; macro and name-mismatched packages refused at the intake; downloads always named .xlsx; another ward's
// ward sheet refused; a cell over Excel's 32,767 characters shortened in the marked copy.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXCEL_MAX_CELL_CHARS, TRUNCATED_MARK } from '../../worker/annotate/index.ts';
import { readWorkbook } from '../../worker/xlsx/index.ts';
import { ROOT, startCluster, submit, TOKENS, XLSX, type Cluster } from '../faults/cluster.ts';
import { readZipEntries } from '../helpers/zip-reader.ts';
import { zip } from '../helpers/zip-writer.ts';
import { findRedisServer } from '../worker/queue/redis-server.ts';

const binary = await findRedisServer();
const TIMEOUT_MS = 3000;
const KENKO = join(ROOT, 'seeds/org-goals/akiha-2020-kenko-fukushi.xlsx');
const CHIIKI = join(ROOT, 'seeds/org-goals/akiha-2020-chiiki-somu.xlsx');

interface Reply {
  status: number;
  ms: number;
  headers: Headers;
  json: { status?: string; reason?: string; error?: { code: string; message: string } } | null;
}

async function send(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: Uint8Array | string,
): Promise<Reply> {
  const t0 = performance.now();
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : new Uint8Array(body) }),
  });
  const text = await res.text();
  let json: Reply['json'];
  try {
    json = JSON.parse(text) as Reply['json'];
  } catch {
    json = null;
  }
  return { status: res.status, ms: performance.now() - t0, headers: res.headers, json };
}

describe.skipIf(!binary)("issue 21's controls against a real serve", () => {
  let cluster: Cluster;
  let kenko: Buffer;
  let chiiki: Buffer;
  beforeAll(async () => {
    kenko = await readFile(KENKO);
    chiiki = await readFile(CHIIKI);
    // In serve's own sandbox children (確認, marked copies) the 健康福祉課 seed spins until the time limit.
    cluster = await startCluster(binary!, {
      workers: 0,
      extra: { ingestTimeoutMs: TIMEOUT_MS },
      serveEnv: {
        NODE_OPTIONS: `--import ${join(ROOT, 'tests/faults/hang-hook.mjs')}`,
        MOKUHYO_TEST_HANG_SHA256: createHash('sha256').update(kenko).digest('hex'),
      },
    });
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it('cuts a 確認 and a marked copy off at the sandbox time limit with the reason; serve and /healthz untouched', async () => {
    const health: number[] = [];
    let checking = true;
    const poll = (async () => {
      while (checking) {
        const t0 = performance.now();
        await fetch(`${cluster.base}/healthz`).then((r) => r.arrayBuffer());
        health.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const headers = { 'content-type': XLSX, authorization: `Bearer ${TOKENS.kenko}`, origin: cluster.base };
    try {
      const check = await send(cluster.base, 'POST', '/api/console/check', headers, new Uint8Array(kenko));
      expect(check.status).toBe(200);
      expect(check.json?.status).toBe('unreadable');
      expect(check.json?.reason).toMatch(/制限時間（3 秒）/);
      expect(check.ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 100);
      expect(check.ms).toBeLessThan(TIMEOUT_MS + 5000);
      const marked = await send(cluster.base, 'POST', '/api/console/check/annotated', headers, new Uint8Array(kenko));
      expect(marked.status).toBe(422);
      expect(marked.json?.error?.message).toMatch(/制限時間/);
    } finally {
      checking = false;
      await poll;
    }
    expect(Math.max(...health)).toBeLessThan(500);
    expect(cluster.serve.child.exitCode).toBeNull();
    // The slot and the sandbox are free again: another file is checked at once.
    const other = await send(
      cluster.base,
      'POST',
      '/api/console/check',
      { 'content-type': XLSX, authorization: `Bearer ${TOKENS.chiiki}`, origin: cluster.base },
      new Uint8Array(chiiki),
    );
    expect(other.status).toBe(200);
    expect(other.json?.status).toBe('accepted');
  }, 60_000);

  it.each([
    ['POST', '/api/session', { origin: 'ORIGIN' }],
    ['POST', '/api/consolidations', { authorization: `Bearer ${TOKENS.akiha}` }],
    ['PUT', '/api/console/year/deadline', { authorization: `Bearer ${TOKENS.akiha}` }],
    ['POST', '/api/admin/tokens', { authorization: `Bearer ${TOKENS.admin}` }],
  ] as const)('%s %s answers 415 to text/plain and to a form over a real socket', async (method, path, extra) => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const headers: Record<string, string> = { 'content-type': type };
      for (const [k, v] of Object.entries(extra)) headers[k] = v === 'ORIGIN' ? cluster.base : v;
      const res = await send(cluster.base, method, path, headers, type === 'text/plain' ? '{"token":"x"}' : 'token=x');
      expect(res.status, `${type}`).toBe(415);
      expect(res.json?.error?.code).toBe('unsupported-media-type');
      expect(res.json?.error?.message).toMatch(/JSON/);
    }
  });

  it('refuses a VBA project at the intake (422 macro), and a package whose local and central names differ as corrupt', async () => {
    const parts = await readZipEntries(chiiki);
    const vba = await zip([...parts, { name: 'xl/vbaProject.bin', content: Buffer.alloc(512, 1) }]);
    const macro = await submit(cluster.base, TOKENS.chiiki, vba);
    expect(macro.status).toBe(422);
    expect(macro.body['error']).toMatchObject({ code: 'macro', message: expect.stringMatching(/マクロを含むブック/) });
    // The local header of docProps/app.xml renamed, the central directory untouched.
    const renamed = Buffer.from(chiiki);
    Buffer.from('docProps/app.htm').copy(renamed, renamed.indexOf(Buffer.from('docProps/app.xml')));
    const check = await send(
      cluster.base,
      'POST',
      '/api/console/check',
      { 'content-type': XLSX, authorization: `Bearer ${TOKENS.chiiki}`, origin: cluster.base },
      new Uint8Array(renamed),
    );
    expect(check.status).toBe(200);
    expect(check.json?.status).toBe('unreadable');
    expect(check.json?.reason).toMatch(/部品の名前が食い違っている/);
    // The intake stores a damaged package for the worker to judge 読込不可 (the coordinator sees it was sent).
    expect((await submit(cluster.base, TOKENS.chiiki, renamed)).status).toBe(202);
  }, 30_000);

  it('names every workbook download .xlsx, whatever the uploader called it', async () => {
    for (const name of ['請求書.hta', 'index.html', 'tool.jar', 'マクロ.xlsm']) {
      const res = await submit(cluster.base, TOKENS.chiiki, chiiki, { 'x-mokuhyo-filename': encodeURIComponent(name) });
      expect(res.status).toBe(202);
      const stored = await fetch(`${cluster.base}/api/console/submissions/${String(res.body['id'])}/workbook`, {
        headers: { authorization: `Bearer ${TOKENS.chiiki}` },
      });
      const marked = await fetch(`${cluster.base}/api/console/check/annotated`, {
        method: 'POST',
        body: new Uint8Array(chiiki),
        headers: {
          'content-type': XLSX,
          authorization: `Bearer ${TOKENS.chiiki}`,
          origin: cluster.base,
          'x-mokuhyo-filename': encodeURIComponent(name),
        },
      });
      for (const dl of [stored, marked]) {
        expect(dl.status).toBe(200);
        expect(dl.headers.get('content-type')).toBe(XLSX);
        const disposition = String(dl.headers.get('content-disposition'));
        expect(disposition).toMatch(/^attachment; filename="[^"]*\.xlsx"; filename\*=UTF-8''[^;]*\.xlsx$/);
        expect(disposition).not.toMatch(/\.(hta|html|jar|xlsm)/i);
        expect(
          Buffer.from(await dl.arrayBuffer())
            .subarray(0, 2)
            .toString(),
        ).toBe('PK');
      }
    }
  }, 60_000);

  it("refuses another ward's ward sheet from a coordinator, in the decision 確認 shares with the worker", async () => {
    const ward = await readFile(join(ROOT, 'seeds/org-goals/akiha-2020-ward.xlsx'));
    const check = (token: string) =>
      send(
        cluster.base,
        'POST',
        '/api/console/check',
        { 'content-type': XLSX, authorization: `Bearer ${token}`, origin: cluster.base },
        new Uint8Array(ward),
      );
    const foreign = await check(TOKENS.nishi);
    expect(foreign.json?.status).toBe('rejected');
    expect(foreign.json?.reason).toMatch(/秋葉区/);
    expect((await check(TOKENS.akiha)).json?.status).toBe('accepted');
  }, 30_000);

  it('shortens a 40,000-character cell to 32,767 with a visible mark in the marked copy a real serve sends', async () => {
    const parts = await readZipEntries(chiiki);
    const long = 'あ'.repeat(40_000);
    const edited = await zip(
      parts.map((p) =>
        p.name === 'xl/worksheets/sheet1.xml'
          ? {
              name: p.name,
              content: p.content
                .toString('utf8')
                .replace(
                  '</sheetData>',
                  `<row r="60"><c r="A60" t="inlineStr"><is><t>${long}</t></is></c></row></sheetData>`,
                ),
            }
          : p,
      ),
    );
    const res = await fetch(`${cluster.base}/api/console/check/annotated`, {
      method: 'POST',
      body: new Uint8Array(edited),
      headers: { 'content-type': XLSX, authorization: `Bearer ${TOKENS.chiiki}`, origin: cluster.base },
    });
    expect(res.status).toBe(200);
    const { grids } = await readWorkbook(Buffer.from(await res.arrayBuffer()));
    const cell = grids[0]!.rows[59]![0] as { text?: string; value?: unknown };
    const text = String(cell.text ?? cell.value);
    expect(text.length).toBe(EXCEL_MAX_CELL_CHARS);
    expect(text.endsWith(TRUNCATED_MARK)).toBe(true);
  }, 30_000);
});
