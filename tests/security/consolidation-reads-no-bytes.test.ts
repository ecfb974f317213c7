// Issue 21 "No workbook is ever parsed in the server process": the worker's consolidation builds the summary
// from the results the sandboxed ingest stored, never by reading a submitted workbook again. Shown with real
// processes: once a submission is 受理, its stored file is replaced by a hostile one (XML nested 100,000
// deep) — a rebuild asked for afterwards still lists the division's figures and 受理.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allFinal, ROOT, sleep, startCluster, submit, TOKENS, type Cluster } from '../faults/cluster.ts';
import { downloadSummary, readSummary } from '../faults/summary-check.ts';
import { findRedisServer } from '../worker/queue/redis-server.ts';

const binary = await findRedisServer();

describe.skipIf(!binary)('the summary is built from stored results, not from stored workbooks', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(binary!, { workers: 1 });
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it('lists a division’s figures after its stored file was replaced by a hostile one', async () => {
    const kenko = await readFile(join(ROOT, 'seeds/org-goals/akiha-2020-kenko-fukushi.xlsx'));
    const sent = await submit(cluster.base, TOKENS.kenko, kenko);
    expect(sent.status).toBe(202);
    const [meta] = await allFinal(cluster.store, [String(sent.body['id'])], 60_000);
    expect(meta?.status).toBe('accepted');
    await writeFile(cluster.store.file(meta!), await readFile(join(ROOT, 'tests/fixtures/error.deep-sheet.xlsx')));
    await sleep(1500); // past any automatic rebuild already under way
    const asked = await fetch(`${cluster.base}/api/consolidations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.akiha}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ward: 'akiha', fiscalYear: 2020 }),
    });
    expect(asked.status).toBe(202);
    const { id } = (await asked.json()) as { id: string };
    let status = '';
    for (let i = 0; i < 300 && status !== 'done' && status !== 'failed'; i++) {
      const res = await fetch(`${cluster.base}/api/consolidations/${id}`, {
        headers: { authorization: `Bearer ${TOKENS.akiha}` },
      });
      status = ((await res.json()) as { status: string }).status;
      if (status !== 'done') await sleep(200);
    }
    expect(status).toBe('done');
    const summary = await readSummary((await downloadSummary(cluster.base))!);
    expect(summary.statuses.find((r) => r[0] === '健康福祉課')?.[1]).toBe('受理');
    expect(summary.measures.some((r) => r.some((cell) => cell.includes('認知症カフェ開催回数')))).toBe(true);
  }, 120_000);
});
