// Issue 16, items 1 and 3, against a real `serve --no-worker` and a private redis-server: slow and silent
// anonymous connections, slowloris headers, a trickled body, and large hostile uploads scanned off the event loop.
import { readFile, readdir } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINIMAL_XLSX_PARTS, zip } from '../helpers/zip-writer.ts';
import { prng, ROOT, sleep, startCluster, submit, TOKENS, XLSX, type Cluster } from '../faults/cluster.ts';
import { pollHealthz } from '../helpers/healthz-poller.ts';
import { findRedisServer } from '../worker/queue/redis-server.ts';

const binary = await findRedisServer();
const SLOW = 1000;
const HTTP = { headersTimeoutMs: 3000, requestTimeoutMs: 6000, idleTimeoutMs: 4000, maxConnectionsPerAddress: 400 };

/** Opens a raw connection and writes `text`; resolves once connected, with a promise for when the server closes it. */
function open(
  port: number,
  text: string,
): Promise<{ socket: Socket; closed: Promise<number>; received: () => string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (d) => (data += d.toString()));
    const opened = Date.now();
    const closed = new Promise<number>((done) => socket.once('close', () => done(Date.now() - opened)));
    socket.once('error', () => undefined);
    socket.once('connect', () => {
      socket.write(text);
      resolve({ socket, closed, received: () => data });
    });
    socket.once('error', reject);
  });
}

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await f();
  return { ms: performance.now() - t0, value };
}

async function openFds(pid: number): Promise<number> {
  return (await readdir(`/proc/${pid}/fd`)).length;
}

describe.skipIf(!binary)('slow and hostile clients against a real serve', () => {
  let cluster: Cluster;
  let port: number;
  let kenko: Buffer;

  beforeAll(async () => {
    cluster = await startCluster(binary!, { workers: 0, extra: { http: HTTP } });
    port = Number(new URL(cluster.base).port);
    kenko = await readFile(join(ROOT, 'seeds/org-goals/akiha-2020-kenko-fukushi.xlsx'));
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it(`answers /healthz and a real submission while ${SLOW} slow anonymous uploads are open, and holds none of them afterwards`, async () => {
    const pid = cluster.serve.child.pid!;
    const baseline = await openFds(pid);
    const head = `POST /api/submissions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${XLSX}\r\nContent-Length: 5000000\r\n\r\n${'PK'.repeat(50)}`;
    const slow = await Promise.all(Array.from({ length: SLOW }, () => open(port, head).catch(() => null)));
    const health = await timed(() => fetch(`${cluster.base}/healthz`));
    expect(health.value.status).toBe(200);
    expect(health.ms).toBeLessThan(500);
    const real = await timed(() => submit(cluster.base, TOKENS.kenko, kenko));
    expect(real.value.status).toBe(202);
    expect(real.ms).toBeLessThan(5000);
    // Every slow upload was answered 401 and its connection closed by the server, without reading the body.
    const closedWithin = await Promise.race([
      Promise.all(slow.map((s) => s?.closed ?? 0)),
      sleep(45_000).then(() => null),
    ]);
    expect(closedWithin, 'the server still holds slow connections after 45 s').not.toBeNull();
    // Each was either answered 401 with `connection: close`, or — past the per-address cap (400 here) while
    // the flood arrived faster than its headers were read — closed to make room. Nothing else.
    const answered = slow.filter((s) => s?.received().startsWith('HTTP/1.1 401'));
    const evicted = slow.filter((s) => s && s.received() === '');
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.length + evicted.length).toBe(slow.filter(Boolean).length);
    for (const s of answered) expect(s!.received()).toMatch(/connection: close/i);
    await sleep(500);
    expect(await openFds(pid)).toBeLessThanOrEqual(baseline + 5);
  }, 90_000);

  it('closes connections that send their headers too slowly, silent ones, and trickled bodies (408, in the API shape)', async () => {
    const pid = cluster.serve.child.pid!;
    const baseline = await openFds(pid);
    // Slowloris: a request line and one header, then a header byte now and then — never the end of the headers.
    const loris = await Promise.all(
      Array.from({ length: 300 }, () => open(port, 'POST /api/submissions HTTP/1.1\r\nHost: x\r\n')),
    );
    const drip = setInterval(() => loris.forEach((l) => !l.socket.destroyed && l.socket.write('X')), 500);
    const silent = await Promise.all(Array.from({ length: 50 }, () => open(port, '')));
    // A submitter's upload whose body trickles in: answered 408 once the request timeout passes.
    const trickle = await open(
      port,
      `POST /api/submissions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKENS.chiiki}\r\nContent-Type: ${XLSX}\r\nContent-Length: 100000\r\n\r\nPK`,
    );
    const trickling = setInterval(() => !trickle.socket.destroyed && trickle.socket.write('x'), 500);
    try {
      // Past the per-address cap (400) the oldest idle connections make room: /healthz still answers.
      const health = await timed(() => fetch(`${cluster.base}/healthz`));
      expect(health.value.status).toBe(200);
      expect(health.ms).toBeLessThan(500);
      const lorisClosed = await Promise.all(loris.map((l) => l.closed));
      expect(Math.max(...lorisClosed)).toBeLessThan(HTTP.headersTimeoutMs + 3000);
      const silentClosed = await Promise.all(silent.map((s) => s.closed));
      expect(Math.max(...silentClosed)).toBeLessThan(HTTP.idleTimeoutMs + 3000);
      const trickleClosed = await trickle.closed;
      expect(trickleClosed).toBeLessThan(HTTP.requestTimeoutMs + 3000);
      const answer = trickle.received();
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as {
        error: { code: string; message: string };
      };
      expect(body.error.code).toBe('request-timeout');
      expect(body.error.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    } finally {
      clearInterval(drip);
      clearInterval(trickling);
    }
    await sleep(500);
    expect(await openFds(pid)).toBeLessThanOrEqual(baseline + 5);
  }, 60_000);

  it('scans 20 concurrent 6 MB hostile uploads off the event loop: /healthz stays fast, each is refused (422)', async () => {
    // 12 MB of XML-ish text (deflated to ≈ 6 MB) with a DOCTYPE at its very end: found only by scanning it all.
    const noise = Buffer.alloc(6 * 1024 * 1024);
    const random = prng(16);
    for (let i = 0; i < noise.length; i++) noise[i] = (random() * 256) >>> 0;
    const big = zip([
      ...MINIMAL_XLSX_PARTS,
      { name: 'xl/worksheets/sheet9.xml', content: `<x>${noise.toString('hex')}</x><!DOCTYPE x [<!ENTITY e "e">]>` },
    ]);
    expect(big.length).toBeGreaterThan(5 * 1024 * 1024);
    // Polled from its own process: the test process is busy sending 120 MB and would time its own event loop.
    const poller = pollHealthz(cluster.base, 50);
    const tokens = [TOKENS.kenko, TOKENS.chiiki, TOKENS.sangyo];
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => submit(cluster.base, tokens[i % 3]!, big)));
    const samples = await poller.stop();
    const latencies = samples.map((h) => h.ms);
    expect(samples.every((h) => h.status === 200)).toBe(true);
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(422));
    expect(answers[0]!.body).toMatchObject({ error: { code: 'dtd' } });
    expect(latencies.length).toBeGreaterThan(3);
    expect(Math.max(...latencies), `healthz latencies ${latencies.map(Math.round).join(',')}`).toBeLessThan(500);
  }, 120_000);
});
