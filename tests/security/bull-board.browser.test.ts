// bull-board in Chromium under the intake's Content-Security-Policy, against a real serve and worker: it
// works for an admin (scripts, styles, its <base href>), and a coordinator gets the Japanese refusal.
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startCluster, submit, TOKENS, type Cluster } from '../faults/cluster.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findChromium } from '../helpers/required-tools.ts';
import { findRedisServer } from '../worker/queue/redis-server.ts';

const CHROMIUM = findChromium() ?? '';
const haveChromium = CHROMIUM !== '';
const binary = await findRedisServer();

describe.skipIf(!haveChromium || !binary)('bull-board in a browser', () => {
  let cluster: Cluster;
  let browser: Browser;

  beforeAll(async () => {
    cluster = await startCluster(binary!, { workers: 1 });
    const kenko = await readFile(join(ROOT, 'seeds/org-goals/akiha-2020-kenko-fukushi.xlsx'));
    expect((await submit(cluster.base, TOKENS.kenko, kenko)).status).toBe(202);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await cluster?.stop();
  });

  it("renders for an admin with nothing blocked but the dashboard's external web font", async () => {
    const context = await browser.newContext({ httpCredentials: { username: 'admin', password: TOKENS.admin } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on(
      'console',
      (m) => m.type() === 'error' && !m.text().includes('fonts.googleapis.com') && problems.push(m.text()),
    );
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${cluster.base}/admin/queues/queue/mokuhyo-ingest?status=latest`);
    await page.getByText('mokuhyo-consolidate').first().waitFor({ timeout: 20_000 });
    await page.screenshot({ path: join(cluster.dataDir, '..', 'bull-board.png') });
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it('refuses a coordinator with the Japanese message, and shows no dashboard', async () => {
    const context = await browser.newContext({ httpCredentials: { username: 'coordinator', password: TOKENS.akiha } });
    const page = await context.newPage();
    const res = await page.goto(`${cluster.base}/admin/queues`);
    expect(res?.status()).toBe(403);
    expect(await page.textContent('body')).toContain('運用担当（admin）のみ');
    expect(await page.getByText('mokuhyo-ingest').count()).toBe(0);
    await context.close();
  }, 60_000);
});
