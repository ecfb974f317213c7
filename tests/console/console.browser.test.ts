// The web console in Debian's Chromium against a real `mokuhyo serve` child process (which builds the
// console itself on start), a private redis-server and a temp config and data folder. Driven by role and
// label, as a clerk (and the acceptance script) would use it. Screenshots go to a temp folder, or to
// MOKUHYO_CONSOLE_SCREENSHOTS (e.g. docs/) when set.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../helpers/required-tools.ts';
import { launchBrowser, startServe, type ServeProcess } from '../helpers/serve-process.ts';
import { findRedisServer, startRedis, type PrivateRedis } from '../worker/queue/redis-server.ts';

const CHROMIUM = findChromium() ?? '';
const ROOT = resolve(import.meta.dirname, '../..');
const SEEDS = join(ROOT, 'seeds/org-goals');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const haveChromium = CHROMIUM !== '';
const redisBinary = await findRedisServer();

const TOKENS = {
  akiha: 'console-coordinator-akiha-0123',
  chiiki: 'console-submitter-chiiki-0123',
  kenko: 'console-submitter-kenko-01234',
  sangyo: 'console-submitter-sangyo-0123',
  kita: 'console-coordinator-kita-01234',
};

describe.skipIf(!haveChromium || !redisBinary)('web console in Chromium', () => {
  let redis: PrivateRedis;
  let serve: ServeProcess | undefined;
  let base = '';
  let temp = '';
  let shots = '';
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    temp = mkdtempSync(join(tmpdir(), 'mokuhyo-console-'));
    shots = process.env['MOKUHYO_CONSOLE_SCREENSHOTS'] ? resolve(process.env['MOKUHYO_CONSOLE_SCREENSHOTS']) : temp;
    redis = await startRedis(redisBinary!);
    const config = {
      dataDir: join(temp, 'data'),
      redisUrl: redis.url,
      consolidationDelayMs: 60_000,
      wards: [
        { id: 'akiha', name: '秋葉区', fiscalYear: 2020, divisions: ['地域総務課', '健康福祉課', '産業振興課'] },
        { id: 'kita', name: '北区', fiscalYear: 2020, divisions: ['地域課'] },
      ],
      tokens: [
        { token: TOKENS.akiha, ward: 'akiha', role: 'coordinator' },
        { token: TOKENS.chiiki, ward: 'akiha', division: '地域総務課', role: 'submitter' },
        { token: TOKENS.kenko, ward: 'akiha', division: '健康福祉課', role: 'submitter' },
        { token: TOKENS.sangyo, ward: 'akiha', division: '産業振興課', role: 'submitter' },
        { token: TOKENS.kita, ward: 'kita', role: 'coordinator' },
      ],
    };
    serve = await startServe(temp, config);
    base = serve.base;
    browser = await launchBrowser(CHROMIUM);
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await serve?.stop();
    await redis?.stop();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }, 60_000);

  async function open(width = 1280, height = 800): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width, height },
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      acceptDownloads: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    // The first visit may wait for the console's build (serve starts it on listen).
    await page.goto(base, { timeout: 120_000 });
    await page.getByLabel('トークン', { exact: true }).waitFor({ timeout: 120_000 });
    return page;
  }

  async function signIn(token: string, width?: number, height?: number): Promise<Page> {
    const page = await open(width, height);
    await page.getByLabel('トークン', { exact: true }).fill(token);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByRole('button', { name: 'ログアウト', exact: true }).waitFor();
    return page;
  }

  /** A submission through the HTTP API, as the add-in sends it. */
  async function submit(token: string, file: string, name: string): Promise<string> {
    const res = await fetch(`${base}/api/submissions`, {
      method: 'POST',
      body: readFileSync(file),
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': XLSX,
        'x-mokuhyo-filename': encodeURIComponent(name),
      },
    });
    expect(res.status).toBe(202);
    return ((await res.json()) as { id: string }).id;
  }

  const row = (page: Page, division: string) =>
    page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: division }) });

  it('shows a wrong token an error and nothing else', async () => {
    const page = await open();
    await page.getByLabel('トークン', { exact: true }).fill('this-is-not-a-token-here');
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/ログインできませんでした/);
    expect(await page.getByRole('button', { name: 'ログアウト', exact: true }).count()).toBe(0);
    expect(await page.getByRole('table').count()).toBe(0);
    expect((await page.context().cookies()).length).toBe(0);
  }, 180_000);

  it("lets a coordinator follow every division's status live, open a submission, and build and download the summary", async () => {
    const page = await signIn(TOKENS.akiha);
    await page.getByRole('heading', { name: '提出状況' }).waitFor();
    for (const division of ['地域総務課', '健康福祉課', '産業振興課'])
      await expect.poll(() => row(page, division).textContent()).toContain('未提出');
    await expect
      .poll(() => page.getByRole('group', { name: '件数' }).textContent())
      .toMatch(/提出0\s*\/ 全 3 課受理0.*未提出3/);

    // Statuses move without a reload while the worker processes the files.
    const kenko = await submit(TOKENS.kenko, join(SEEDS, 'akiha-2020-kenko-fukushi.xlsx'), '健康福祉課_令和2年度.xlsx');
    await submit(TOKENS.sangyo, join(ROOT, 'tests/fixtures/error.corrupt-sheet.xlsx'), '産業振興課.xlsx');
    await submit(TOKENS.chiiki, join(ROOT, 'tests/fixtures/ok.openpyxl.xlsx'), 'よくわからない表.xlsx');
    await expect.poll(() => row(page, '健康福祉課').textContent(), { timeout: 60_000 }).toContain('受理');
    await expect.poll(() => row(page, '産業振興課').textContent(), { timeout: 60_000 }).toContain('読込不可');
    await expect.poll(() => row(page, '地域総務課').textContent(), { timeout: 60_000 }).toContain('差戻し');
    expect(await row(page, '健康福祉課').textContent()).toContain('健康福祉課_令和2年度.xlsx');
    // Each status cell holds its one word; the reason sits with the file.
    for (const [division, word] of [
      ['健康福祉課', '受理'],
      ['産業振興課', '読込不可'],
      ['地域総務課', '差戻し'],
    ] as const) {
      expect(await row(page, division).getByRole('cell', { name: word, exact: true }).count()).toBe(1);
    }
    // The table is an excerpt of 健康福祉課's sheet (its 指標 and title read as a 組織目標管理シート), sent by 地域総務課.
    expect(await row(page, '地域総務課').textContent()).toMatch(
      /理由: シートの組織名「健康福祉課」が、提出した課「地域総務課」/,
    );
    await expect
      .poll(() => page.getByRole('group', { name: '件数' }).textContent())
      .toMatch(/提出3\s*\/ 全 3 課受理1.*未提出0/);

    await page.screenshot({ path: join(shots, 'console-coordinator.png'), animations: 'disabled' });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: join(shots, 'console-coordinator-1024.png') });
    // Nothing spills sideways at 1024 wide: the status table fits.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await page.setViewportSize({ width: 1280, height: 800 });

    // Open a row: the submission's facts, findings and downloads.
    await row(page, '健康福祉課').getByRole('link', { name: '健康福祉課の提出を開く' }).click();
    await page.getByRole('heading', { name: '健康福祉課の提出' }).waitFor();
    expect(page.url()).toContain(`#/submissions/${kenko}`);
    await page.getByText('問題は見つかりませんでした。').waitFor();
    const stored = page.waitForEvent('download');
    await page.getByRole('link', { name: '提出されたファイルをダウンロード' }).click();
    expect((await stored).suggestedFilename()).toBe('健康福祉課_令和2年度.xlsx');
    await page.getByRole('button', { name: '提出状況へ戻る' }).click();

    // 提出状況 offers 集計を作成 itself (one button), as the 集計 tab does.
    await page.getByRole('button', { name: '集計を作成', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: '集計を作成', exact: true }).count()).toBe(1);
    // 集計: build, watch the progress, download with the Japanese name.
    await page.getByRole('tab', { name: '集計' }).click();
    await page.getByRole('button', { name: '集計を作成', exact: true }).click();
    await page.getByRole('progressbar').waitFor();
    const link = page.getByRole('link', { name: '集計をダウンロード', exact: true });
    await link.waitFor({ timeout: 60_000 });
    const download = page.waitForEvent('download');
    await link.click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('秋葉区_令和2年度_集計.xlsx');
    expect(
      readFileSync((await file.path())!)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    await expect.poll(() => page.getByRole('listitem').count()).toBeGreaterThanOrEqual(1);

    // 様式: one set per division.
    await page.getByRole('tab', { name: '様式' }).click();
    const template = page.waitForEvent('download');
    await page.getByRole('link', { name: '健康福祉課の課の組織目標管理シートをダウンロード' }).click();
    expect((await template).suggestedFilename()).toMatch(/^健康福祉課_.*令和2年度\.xlsx$/);

    await page.getByRole('button', { name: 'ログアウト', exact: true }).click();
    await page.getByLabel('トークン', { exact: true }).waitFor();
    expect((await page.request.get(`${base}/api/console/status`)).status()).toBe(401);
  }, 240_000);

  it('lets a division check a workbook, download the marked copy and submit it, and see only itself', async () => {
    const page = await signIn(TOKENS.chiiki);
    expect(await page.getByRole('tab', { name: '提出状況' }).count()).toBe(0);
    await page.getByRole('heading', { name: '確認と提出' }).waitFor();
    // Dropping a file checks it as choosing one does.
    const dropped = await page.evaluateHandle(
      (bytes) => {
        const transfer = new DataTransfer();
        transfer.items.add(
          new File([new Uint8Array(bytes)], 'どこかの表.xlsx', {
            type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          }),
        );
        return transfer;
      },
      [...readFileSync(join(ROOT, 'tests/fixtures/ok.openpyxl.xlsx'))],
    );
    await page.getByRole('region', { name: 'ドロップ先' }).dispatchEvent('drop', { dataTransfer: dropped });
    await page.getByText('このままでは差戻しになります').waitFor({ timeout: 60_000 });
    await page.getByLabel('確認するブック').setInputFiles(join(SEEDS, 'akiha-2020-chiiki-somu.xlsx'));
    await page.getByText('このまま提出できます').waitFor({ timeout: 60_000 });
    const warning = page.locator('[data-severity="warning"]');
    await expect.poll(() => warning.textContent()).toMatch(/D15.*括弧/);
    const copy = page.waitForEvent('download');
    await page.getByRole('button', { name: '注釈付きコピーをダウンロード' }).click();
    expect((await copy).suggestedFilename()).toBe('akiha-2020-chiiki-somu_確認結果.xlsx');
    await expect.poll(() => page.getByRole('button', { name: '提出', exact: true }).isEnabled()).toBe(true);
    await page.screenshot({ path: join(shots, 'console-division.png'), fullPage: true, animations: 'disabled' });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: join(shots, 'console-division-1024.png'), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);

    await page.getByRole('button', { name: '提出', exact: true }).click();
    await expect.poll(() => page.getByText('提出を受理しました。').count(), { timeout: 60_000 }).toBe(1);
    // The division's own line of 提出状況 follows the verdict, in the coordinator's words.
    const own = page.getByRole('region', { name: '地域総務課の状況' });
    await expect.poll(() => own.textContent(), { timeout: 20_000 }).toContain('受理');
    expect(await own.textContent()).toContain('akiha-2020-chiiki-somu.xlsx');
    await page.screenshot({ path: join(shots, 'console-division-after-1024.png'), fullPage: true });
    // Their own history: the earlier 差戻し and this 受理, never another division's file.
    const history = page.getByRole('table', { name: '提出の履歴' });
    await expect.poll(() => history.getByRole('row').count(), { timeout: 20_000 }).toBe(3);
    expect(await history.textContent()).toContain('差戻し');
    expect(await history.textContent()).not.toContain('健康福祉課_令和2年度.xlsx');

    // Another division's submission is refused, even by its address.
    const others = (await (
      await fetch(`${base}/api/console/history`, { headers: { authorization: `Bearer ${TOKENS.akiha}` } })
    ).json()) as { id: string; division: string }[];
    const kenko = others.find((o) => o.division === '健康福祉課')!;
    await page.goto(`${base}/#/submissions/${kenko.id}`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('権限がありません');
    expect((await page.request.get(`${base}/api/console/status`)).status()).toBe(403);
  }, 180_000);

  it('gives a division a marked copy of a sheet without findings too, and names its file input alone by ブック or ファイル', async () => {
    const page = await signIn(TOKENS.kenko);
    await page.getByRole('heading', { name: '確認と提出' }).waitFor();
    // A script that looks the chooser up by a plain word must find exactly the file input (strict locators).
    expect(await page.getByLabel('ファイル').count()).toBe(1);
    await page.getByLabel('ブック').setInputFiles(join(SEEDS, 'akiha-2020-kenko-fukushi.xlsx'));
    await page.getByText('問題は見つかりませんでした').waitFor({ timeout: 60_000 });
    const copy = page.waitForEvent('download');
    await page.getByRole('button', { name: '注釈付きコピーをダウンロード' }).click();
    const download = await copy;
    expect(download.suggestedFilename()).toBe('akiha-2020-kenko-fukushi_確認結果.xlsx');
    expect(
      readFileSync((await download.path())!)
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  }, 120_000);

  it("shows another ward's coordinator only its own ward, and works from the keyboard", async () => {
    const page = await open(1024, 768);
    // Keyboard only: from the loaded page, the first Tab lands on the token field (nothing steals focus first).
    await page.getByLabel('トークン', { exact: true }).waitFor();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('password');
    await page.keyboard.type(TOKENS.kita);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'ログアウト', exact: true }).waitFor();
    await expect.poll(() => page.getByRole('rowheader').allTextContents()).toEqual(['地域課']);
    expect(await page.textContent('body')).not.toContain('健康福祉課');
    const others = (await (
      await fetch(`${base}/api/console/history`, { headers: { authorization: `Bearer ${TOKENS.akiha}` } })
    ).json()) as { id: string }[];
    await page.goto(`${base}/#/submissions/${others[0]!.id}`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('権限がありません');
    expect((await page.request.get(`${base}/api/summaries/akiha/2020`)).status()).toBe(403);
    // The tabs are reachable and usable with the keyboard alone.
    await page.goto(`${base}/#/status`);
    await page.getByRole('tab', { name: '提出状況' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('tab', { name: '集計' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('button', { name: '集計を作成', exact: true }).waitFor();
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
