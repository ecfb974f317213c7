import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../worker/config/index.ts';
import { getJson, kill, startCluster, submit, TOKENS, type Cluster } from '../faults/cluster.ts';
import { seedSubmissions } from '../faults/fixtures.ts';
import { findRedisServer } from '../worker/queue/redis-server.ts';

const binary = await findRedisServer();

/** A token as it may show up in a log: raw, base64 in a Basic header, or URL-encoded. */
function leaks(output: string, token: string): boolean {
  const basic = Buffer.from(`user:${token}`).toString('base64');
  return (
    output.includes(token) ||
    output.includes(basic) ||
    output.includes(encodeURIComponent(token)) ||
    output.includes(token.slice(0, 16))
  );
}

describe.skipIf(!binary)('tokens never logged', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(binary!, { workers: 1 });
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it('keeps every token out of the intake and worker logs, for good, bad and refused requests', async () => {
    const [kenko] = await seedSubmissions();
    const wrong = 'wrong-token-0123456789-abcdef';
    const ok = await submit(cluster.base, TOKENS.kenko, kenko!.bytes);
    expect(ok.status).toBe(202);
    await submit(cluster.base, wrong, kenko!.bytes);
    await submit(cluster.base, TOKENS.akiha, kenko!.bytes);
    await getJson(cluster.base, `/api/submissions/${String(ok.body['id'])}`, TOKENS.nishi);
    await fetch(`${cluster.base}/admin/queues/api/queues`, {
      headers: { authorization: `Basic ${Buffer.from(`user:${TOKENS.akiha}`).toString('base64')}` },
    });
    await fetch(`${cluster.base}/admin/queues`, {
      headers: { authorization: `Basic ${Buffer.from(`user:${wrong}`).toString('base64')}` },
    });
    await fetch(`${cluster.base}/api/summaries/akiha/2020`, {
      headers: { authorization: `Bearer ${TOKENS.kenko}`, cookie: `session=${TOKENS.sangyo}` },
    });
    await kill(cluster.serve, 'SIGTERM');
    const logs = cluster.serve.output() + cluster.workers.map((w) => w.output()).join('\n');
    // The intake does log requests, so a token in a header would have had its chance to appear.
    expect(logs).toMatch(/\/api\/submissions/);
    for (const token of [...Object.values(TOKENS), wrong]) expect(leaks(logs, token), token).toBe(false);
  }, 120_000);
});

describe('config errors', () => {
  it('never echo a token back', async () => {
    const dir = process.env['TMPDIR'] ?? '/tmp';
    const file = join(dir, `mokuhyo-secret-config-${process.pid}.json`);
    const short = 'short-secret';
    const dup = 'duplicated-secret-0123456789';
    await writeFile(
      file,
      JSON.stringify({
        wards: [{ id: 'akiha', name: '秋葉区', fiscalYear: 2020, divisions: ['健康福祉課'] }],
        tokens: [
          { token: short, ward: 'akiha', division: '健康福祉課', role: 'submitter' },
          { token: dup, ward: 'akiha', role: 'coordinator' },
          { token: dup, ward: 'nowhere', role: 'admin' },
        ],
      }),
    );
    const err = (() => {
      try {
        loadConfig({ MOKUHYO_CONFIG: file });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(ConfigError);
    const message = (err as Error).message;
    expect(message).toMatch(/tokens/);
    expect(message).not.toContain(short);
    expect(message).not.toContain(dup);
  });

  it('name the field, never its value, when a token is pasted into ward or division', async () => {
    const dir = process.env['TMPDIR'] ?? '/tmp';
    const file = join(dir, `mokuhyo-pasted-config-${process.pid}.json`);
    const pasted = 'Zq8wK3vN7pL2xR9tY4mB6cH1jD5fG0sA';
    const other = 'Hk3mW9qP2vX7nB4tR8yL1cJ6dF5gS0aZ';
    await writeFile(
      file,
      JSON.stringify({
        wards: [{ id: 'akiha', name: '秋葉区', fiscalYear: 2020, divisions: ['健康福祉課'] }],
        tokens: [
          { token: 'a-good-long-token-0123456789abcdef', ward: pasted, role: 'coordinator' },
          { token: 'another-good-token-0123456789abcdef', ward: 'akiha', division: other, role: 'submitter' },
        ],
      }),
    );
    let message = '';
    try {
      loadConfig({ MOKUHYO_CONFIG: file });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('tokens[0].ward');
    expect(message).toContain('tokens[1].division');
    expect(message).not.toContain(pasted.slice(0, 8));
    expect(message).not.toContain(other.slice(0, 8));
  });
});
