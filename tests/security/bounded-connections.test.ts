// Issue 21 item 2 against a real `serve`: answers the client does not read are cut off and evicted under
// pressure, bodies are refused before they are read (per-route limits, Content-Type, busy), and /healthz
// stays answerable throughout.
import { readdir, readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readZipEntries } from '../helpers/zip-reader.ts';
import { zip } from '../helpers/zip-writer.ts';
import { ROOT, sleep, startCluster, submit, TOKENS, XLSX, type Cluster } from '../faults/cluster.ts';
import { findRedisServer } from '../worker/queue/redis-server.ts';

const binary = await findRedisServer();
const PER_ADDRESS = 16;
const HTTP = { maxConnectionsPerAddress: PER_ADDRESS, writeTimeoutMs: 10_000 };

async function openFds(pid: number): Promise<number> {
  return (await readdir(`/proc/${pid}/fd`)).length;
}

/** A raw request whose answer is never read: the socket is paused at once. */
function neverRead(port: number, request: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.pause();
      socket.write(request);
      resolve(socket);
    });
    socket.on('error', () => undefined);
    socket.once('error', reject);
  });
}

async function healthMs(base: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${base}/healthz`);
  expect(res.status).toBe(200);
  return performance.now() - t0;
}

describe.skipIf(!binary)('bounded connections and bodies against a real serve', () => {
  let cluster: Cluster;
  let port: number;
  let big: Buffer;
  let id: string;

  beforeAll(async () => {
    cluster = await startCluster(binary!, { workers: 0, extra: { http: HTTP } });
    port = Number(new URL(cluster.base).port);
    // A division's own 19 MB workbook (a large stored picture beside its sheet).
    const parts = await readZipEntries(await readFile(join(ROOT, 'seeds/org-goals/akiha-2020-kenko-fukushi.xlsx')));
    big = zip([...parts, { name: 'xl/media/image1.bin', content: randomBytes(19 * 1024 * 1024), store: true }]);
    const res = await submit(cluster.base, TOKENS.kenko, big);
    expect(res.status).toBe(202);
    id = String(res.body['id']);
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it('evicts downloads nobody reads when the connection cap is reached, and cuts them off after writeTimeoutMs', async () => {
    const pid = cluster.serve.child.pid!;
    const baseline = await openFds(pid);
    const request = `GET /api/console/submissions/${id}/workbook HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKENS.kenko}\r\n\r\n`;
    const sockets = await Promise.all(Array.from({ length: PER_ADDRESS }, () => neverRead(port, request)));
    try {
      // Every connection of this address is now an answer stuck in the send buffers. Once they have not
      // moved for 2 s, a newcomer from the same address gets room (one of them is closed for it).
      await sleep(5000);
      expect(await healthMs(cluster.base)).toBeLessThan(500);
      // And each is cut off by the server once it has made no progress for writeTimeoutMs (10 s).
      let fds = Infinity;
      for (let i = 0; i < 40 && fds > baseline + 2; i++) {
        await sleep(500);
        fds = await openFds(pid);
      }
      expect(fds).toBeLessThanOrEqual(baseline + 2);
      expect(await healthMs(cluster.base)).toBeLessThan(500);
    } finally {
      for (const s of sockets) s.destroy();
    }
  }, 60_000);

  it('refuses bodies by route before reading them: 413 over the route’s limit, 415 for a check that is not a workbook', async () => {
    const consolidation = await fetch(`${cluster.base}/api/consolidations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.akiha}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ward: 'akiha', fiscalYear: 2020, pad: 'x'.repeat(200_000) }),
    });
    expect(consolidation.status).toBe(413);
    const other = await fetch(`${cluster.base}/api/console/history`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.akiha}`, 'content-type': 'application/json' },
      body: 'x'.repeat(200_000),
    });
    expect([404, 413]).toContain(other.status);
    for (const type of ['text/plain', 'application/json', 'multipart/form-data; boundary=x', 'image/png']) {
      for (const path of ['/api/console/check', '/api/console/check/annotated']) {
        const res = await fetch(`${cluster.base}${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKENS.kenko}`, 'content-type': type },
          body: await readFile(join(ROOT, 'seeds/org-goals/akiha-2020-kenko-fukushi.xlsx')),
        });
        expect(res.status, `${path} ${type}`).toBe(415);
        expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/Excel/);
      }
    }
  }, 30_000);

  it('answers a second 20 MB check from the same division 503 busy before its body is sent', async () => {
    // The first check holds the division's slot: its body trickles in.
    const slow = connect(port, '127.0.0.1');
    await new Promise((r) => slow.once('connect', r));
    slow.on('error', () => undefined);
    slow.write(
      `POST /api/console/check HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKENS.kenko}\r\nContent-Type: ${XLSX}\r\nContent-Length: 1000000\r\n\r\nPK`,
    );
    await sleep(500);
    try {
      // The second one sends its headers only: the answer comes without a byte of the 20 MB.
      const second = connect(port, '127.0.0.1');
      second.on('error', () => undefined);
      const answer = await new Promise<string>((resolve) => {
        let data = '';
        second.on('data', (d: Buffer) => {
          data += d.toString();
          if (data.includes('\r\n\r\n')) resolve(data);
        });
        second.once('connect', () =>
          second.write(
            `POST /api/console/check HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKENS.kenko}\r\nContent-Type: ${XLSX}\r\nContent-Length: 20000000\r\n\r\n`,
          ),
        );
        setTimeout(() => resolve(data), 5000);
      });
      second.destroy();
      expect(answer).toMatch(/^HTTP\/1\.1 503/);
      expect(answer.toLowerCase()).toContain('retry-after');
      // Another division is not held back.
      const other = await fetch(`${cluster.base}/api/console/check`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKENS.chiiki}`, 'content-type': XLSX },
        body: await readFile(join(ROOT, 'seeds/org-goals/akiha-2020-kenko-fukushi.xlsx')),
      });
      expect(other.status).toBe(200);
    } finally {
      slow.destroy();
    }
  }, 30_000);
});
