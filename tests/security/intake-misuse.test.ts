// Issue 16 against a real `serve --no-worker`, a `worker` and a private redis-server: a division's token with
// another division's and the ward's sheet, bursts, bull-board by role, malformed requests, wrong types,
// security headers, file modes and the audit log.
import { readFile, readdir, stat } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allFinal, getJson, ROOT, sleep, startCluster, submit, TOKENS, XLSX, type Cluster } from '../faults/cluster.ts';
import { downloadSummary, readSummary } from '../faults/summary-check.ts';
import { LINGER_MS } from '../../worker/intake/security-headers.ts';
import { findRedisServer } from '../worker/queue/redis-server.ts';

const binary = await findRedisServer();
const seed = (name: string) => readFile(join(ROOT, 'seeds/org-goals', name));
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

type Finding = { code: string; severity: string; message: string };
type Status = {
  status: string;
  division: string;
  findings: Finding[];
  error: { code: string; message: string } | null;
};

describe.skipIf(!binary)('the intake misused, against a real serve and worker', () => {
  let cluster: Cluster;
  let kenko: Buffer;
  let chiiki: Buffer;
  let ward: Buffer;

  beforeAll(async () => {
    // The per-token limit as shipped (30 a minute), unlike the other fault runs.
    cluster = await startCluster(binary!, { workers: 1, extra: { rateLimits: { submissionsPerMinute: 30 } } });
    [kenko, chiiki, ward] = await Promise.all([
      seed('akiha-2020-kenko-fukushi.xlsx'),
      seed('akiha-2020-chiiki-somu.xlsx'),
      seed('akiha-2020-ward.xlsx'),
    ]);
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  const status = async (id: string): Promise<Status> =>
    (await getJson(cluster.base, `/api/submissions/${id}`, TOKENS.akiha)).body as unknown as Status;

  it("keeps a division's token from rewriting another division's figures or the ward's sheet, and flags shared content", async () => {
    const own = await submit(cluster.base, TOKENS.kenko, kenko);
    const foreign = await submit(cluster.base, TOKENS.chiiki, kenko); // 地域総務課's token, 健康福祉課's sheet
    const wardByDivision = await submit(cluster.base, TOKENS.kenko, ward);
    const wardByCoordinator = await submit(cluster.base, TOKENS.akiha, ward);
    const chiikiOwn = await submit(cluster.base, TOKENS.chiiki, chiiki);
    const divisionByCoordinator = await submit(cluster.base, TOKENS.akiha, chiiki);
    const answers = [own, foreign, wardByDivision, wardByCoordinator, chiikiOwn, divisionByCoordinator];
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(202));
    const ids = answers.map((a) => String(a.body['id']));
    await allFinal(cluster.store, ids, 120_000);
    const [s0, s1, s2, s3, s4, s5] = await Promise.all(ids.map(status));

    expect(s0).toMatchObject({ status: 'accepted', division: '健康福祉課' });
    expect(s1).toMatchObject({ status: 'rejected', division: '地域総務課' });
    const mismatch = s1!.findings.find((f) => f.code === 'identity.division-mismatch')!;
    expect(mismatch).toMatchObject({ severity: 'error' });
    expect(mismatch.message).toContain('健康福祉課');
    expect(mismatch.message).toContain('地域総務課');
    // The same bytes from two divisions: flagged to the coordinator on whichever of the two was ingested
    // second (the first may already be final when the second arrives), naming the other division.
    const flagged = [s0, s1].map((x) => x!.findings.find((f) => f.code === 'identity.duplicate-content'));
    expect(flagged.some(Boolean)).toBe(true);
    if (flagged[0]) expect(flagged[0].message).toContain('地域総務課');
    if (flagged[1]) expect(flagged[1].message).toContain('健康福祉課');
    expect(s2).toMatchObject({ status: 'rejected' });
    expect(s2!.findings.map((f) => f.code)).toContain('identity.ward-sheet');
    expect(s3).toMatchObject({ status: 'accepted', division: '秋葉区' });
    expect(s4).toMatchObject({ status: 'accepted', division: '地域総務課' });
    expect(s5).toMatchObject({ status: 'rejected' });
    expect(s5!.findings.map((f) => f.code)).toContain('identity.coordinator-division-sheet');
    for (const s of [s1, s2, s5])
      for (const f of s!.findings.filter((x) => x.code.startsWith('identity.'))) expect(f.message).toMatch(JAPANESE);

    // The summary lists 健康福祉課's figures under 健康福祉課 only.
    let measures: string[][] = [];
    for (let i = 0; i < 60; i++) {
      const bytes = await downloadSummary(cluster.base);
      const view = bytes ? await readSummary(bytes) : null;
      if (view && view.statuses.length >= 6) {
        measures = view.measures;
        break;
      }
      await sleep(1000);
    }
    const cafe = measures.filter((row) => row.some((c) => c.includes('認知症カフェ')));
    expect(cafe.length).toBeGreaterThan(0);
    for (const row of cafe) {
      expect(row.join('|')).toContain('健康福祉課');
      expect(row.join('|')).not.toContain('地域総務課');
    }
  }, 180_000);

  it('limits one token to 30 submissions a minute: 429 with Retry-After, before the body is read', async () => {
    const answers = [];
    for (let i = 0; i < 40; i++) answers.push(await submit(cluster.base, TOKENS.sangyo, kenko));
    const accepted = answers.filter((a) => a.status === 202).length;
    expect(accepted).toBeGreaterThanOrEqual(30);
    expect(accepted).toBeLessThanOrEqual(32);
    const limited = answers.find((a) => a.status === 429)!;
    expect(limited.body).toMatchObject({ error: { code: 'rate-limited' } });
    expect(String((limited.body['error'] as { message: string }).message)).toMatch(JAPANESE);
    const raw = await fetch(`${cluster.base}/api/submissions`, {
      method: 'POST',
      body: new Uint8Array(kenko),
      headers: { 'content-type': XLSX, authorization: `Bearer ${TOKENS.sangyo}` },
    });
    expect(raw.status).toBe(429);
    expect(Number(raw.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(raw.headers.get('connection')).toBe('close');
    // Another division is not held back by it.
    expect((await submit(cluster.base, TOKENS.chiiki, chiiki)).status).toBe(202);
  }, 60_000);

  it('shows bull-board to admins only; nobody else sees jobs, stack traces or paths', async () => {
    for (const token of [null, TOKENS.kenko, TOKENS.akiha, TOKENS.nishi]) {
      for (const path of ['/admin/queues', '/admin/queues/api/queues', '/admin/queues/api/redis/stats']) {
        const res = await fetch(`${cluster.base}${path}`, {
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
        const text = await res.text();
        expect(res.status, `${path} ${token}`).toBe(token ? 403 : 401);
        expect(text).not.toMatch(/stacktrace|mokuhyo-ingest|redis_version|\/work\/|node_modules/i);
        expect((JSON.parse(text) as { error: { message: string } }).error.message).toMatch(JAPANESE);
      }
    }
    const admin = await fetch(`${cluster.base}/admin/queues/api/queues`, {
      headers: { authorization: `Bearer ${TOKENS.admin}` },
    });
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain('mokuhyo-ingest');
  });

  it('answers malformed requests 400, wrong types 415, unknown routes 404 — all in the error shape, in Japanese', async () => {
    const errorShape = (body: Record<string, unknown>) => {
      const error = body['error'] as { code?: unknown; message?: unknown };
      expect(typeof error.code).toBe('string');
      expect(String(error.message)).toMatch(JAPANESE);
    };
    const badQuery = await submit(cluster.base, TOKENS.kenko, kenko, {}, '/api/submissions?division=%E5%ZZ');
    expect(badQuery.status).toBe(400);
    errorShape(badQuery.body);
    for (const type of [
      'text/plain',
      'image/png',
      'multipart/form-data; boundary=x',
      'application/x-www-form-urlencoded',
      'application/json',
    ]) {
      const res = await submit(cluster.base, TOKENS.kenko, kenko, { 'content-type': type });
      expect(res.status, type).toBe(415);
      errorShape(res.body);
    }
    for (const [path, token] of [
      ['/nope', TOKENS.kenko],
      ['/api/nope', TOKENS.akiha],
    ] as const) {
      const res = await getJson(cluster.base, path, token);
      expect(res.status, path).toBe(404);
      errorShape(res.body);
    }
    const anonymous = await getJson(cluster.base, '/nope', null);
    expect(anonymous.status).toBe(401);
    errorShape(anonymous.body);
    const badJson = await fetch(`${cluster.base}/api/consolidations`, {
      method: 'POST',
      body: '{"ward": "akiha", ',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.akiha}` },
    });
    expect(badJson.status).toBe(400);
    errorShape((await badJson.json()) as Record<string, unknown>);
    // Consolidations: refused before the body for anyone but a coordinator, and a few bytes of JSON at most.
    const big = JSON.stringify({ ward: 'akiha', fiscalYear: 2020, pad: 'x'.repeat(1_000_000) });
    const bySubmitter = await fetch(`${cluster.base}/api/consolidations`, {
      method: 'POST',
      body: big,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.kenko}` },
    });
    expect(bySubmitter.status).toBe(403);
    expect(bySubmitter.headers.get('connection')).toBe('close');
    const tooBig = await fetch(`${cluster.base}/api/consolidations`, {
      method: 'POST',
      body: big,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKENS.akiha}` },
    });
    expect(tooBig.status).toBe(413);
    errorShape((await tooBig.json()) as Record<string, unknown>);
    for (const fiscalYear of [99999999, 0, -1, 1800, 2020.5]) {
      const res = await getJson(cluster.base, '/api/consolidations', TOKENS.akiha, 'POST', {
        ward: 'akiha',
        fiscalYear,
      });
      expect(res.status, String(fiscalYear)).toBe(400);
      errorShape(res.body);
    }
    // A broken query is malformed on every route, not read as text (it answered 200 with the summary or the page).
    for (const path of [
      '/api/summaries/akiha/2020?division=%E5%ZZ',
      '/api/console/templates/org-goals/division?division=%E5%ZZ',
      '/?division=%E5%ZZ',
      '/api/console/history?x=%',
    ]) {
      const res = await getJson(cluster.base, path, TOKENS.akiha);
      expect(res.status, path).toBe(400);
      errorShape(res.body);
    }
    for (const path of [
      '/api/summaries/akiha/99999999',
      '/api/summaries/akiha/%E5%ZZ',
      '/api/submissions/%E5%ZZ',
      '/%E5%ZZ',
    ]) {
      const res = await getJson(cluster.base, path, TOKENS.akiha);
      expect([400, 404], path).toContain(res.status);
      errorShape(res.body);
    }
  });

  it('answers a refusal to a client still streaming its body (multipart FormData) instead of resetting it, and still closes soon', async () => {
    // fetch streams a FormData body after its headers; the 415 goes out before the body is in. Destroying the
    // socket at once reset the client mid-write: "fetch failed" (EPIPE) instead of the 415 (a lingering close now).
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(kenko)], { type: XLSX }), 'kenko.xlsx');
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${cluster.base}/api/submissions`, {
        method: 'POST',
        body: form,
        headers: { authorization: `Bearer ${TOKENS.kenko}` },
      });
      expect(res.status).toBe(415);
      expect(res.headers.get('connection')).toBe('close');
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unsupported-media-type');
    }
    // A client that does not hang up at the server's FIN and keeps trickling its body is cut off all the same.
    const { port } = new URL(cluster.base);
    const socket = connect({ port: Number(port), host: '127.0.0.1', allowHalfOpen: true });
    socket.on('error', () => undefined);
    let received = '';
    socket.on('data', (d) => (received += d.toString()));
    socket.write(
      `POST /api/submissions HTTP/1.1\r\nHost: x\r\nContent-Type: ${XLSX}\r\nContent-Length: 5000000\r\n\r\nPK`,
    );
    const trickle = setInterval(() => socket.writable && socket.write('x'), 200);
    const t0 = Date.now();
    await new Promise((r) => socket.once('close', r));
    clearInterval(trickle);
    expect(received).toMatch(/^HTTP\/1\.1 401/);
    expect(Date.now() - t0).toBeLessThan(LINGER_MS + 2000);
  });

  it('sends security headers everywhere and never lets a download be cached', async () => {
    const summary = await fetch(`${cluster.base}/api/summaries/akiha/2020`, {
      headers: { authorization: `Bearer ${TOKENS.akiha}` },
    });
    expect(summary.status).toBe(200);
    expect(summary.headers.get('cache-control')).toBe('no-store');
    for (const res of [
      summary,
      await fetch(`${cluster.base}/healthz`),
      await fetch(`${cluster.base}/api/submissions/x`),
    ]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('keeps the data folder private: folders 0700, files 0600', async () => {
    const root = cluster.dataDir;
    expect((await stat(root)).mode & 0o777).toBe(0o700);
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    expect(entries.filter((e) => e.isFile()).length).toBeGreaterThan(10);
    for (const e of entries) {
      const mode = (await stat(join(e.parentPath, e.name))).mode & 0o777;
      expect(mode, join(e.parentPath, e.name)).toBe(e.isDirectory() ? 0o700 : 0o600);
    }
  });

  it('logs every request with its principal and what it did, never a token or a query string', async () => {
    await fetch(`${cluster.base}/api/submissions/x?token=${TOKENS.nishi}`, {
      headers: { authorization: `Bearer ${TOKENS.kenko}` },
    });
    await fetch(`${cluster.base}/healthz?access_token=${TOKENS.nishiSub}`);
    const id = String(
      (await submit(cluster.base, TOKENS.chiiki, chiiki, {}, `/api/submissions?token=${TOKENS.chiiki}`)).body['id'],
    );
    await fetch(`${cluster.base}/api/summaries/akiha/2020`, { headers: { authorization: `Bearer ${TOKENS.akiha}` } });
    await sleep(500);
    const out = cluster.serve.output();
    for (const token of Object.values(TOKENS)) {
      expect(out).not.toContain(token);
      expect(out).not.toContain(encodeURIComponent(token));
    }
    expect(out).not.toMatch(/\?(token|access_token)=/);
    const lines = out
      .split('\n')
      .filter((l) => l.includes('"msg":"request"'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.find((l) => l['submission'] === id)).toMatchObject({
      method: 'POST',
      path: '/api/submissions',
      status: 202,
      principal: 'submitter akiha/地域総務課',
    });
    expect(lines.find((l) => String(l['download']).startsWith('summary akiha/2020'))).toMatchObject({
      principal: 'coordinator akiha',
      status: 200,
    });
    expect(lines.find((l) => l['path'] === '/healthz')).toMatchObject({ principal: 'anonymous' });
    expect(lines.find((l) => l['status'] === 401)).toBeDefined();
  });
});
