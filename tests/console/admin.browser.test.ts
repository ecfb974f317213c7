// The admin's console in Debian's Chromium against a real `mokuhyo serve` and a private redis-server: an admin
// signs in with the same トークン form, issues a token for a division (the form names a missing field beside it),
// that token signs in at once in another browser and submits a sample workbook, 操作履歴 shows the issue and the
// submission by the person's name, the admin revokes the token and the division's next action is refused;
// the coordinator sees their ward's 操作履歴. Screenshots go to a temp folder, or to MOKUHYO_CONSOLE_SCREENSHOTS
// (e.g. docs/) when set.
import { mkdtempSync, rmSync } from 'node:fs';
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
const redisBinary = await findRedisServer();

const TOKENS = {
  admin: 'admin-console-tokens-0123456',
  akiha: 'admin-test-coordinator-akiha-01',
  nishi: 'admin-test-coordinator-nishi-01',
};

describe.skipIf(!CHROMIUM || !redisBinary)("the admin's トークン and 操作履歴 in Chromium", () => {
  let redis: PrivateRedis;
  let serve: ServeProcess | undefined;
  let base = '';
  let temp = '';
  let shots = '';
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    temp = mkdtempSync(join(tmpdir(), 'mokuhyo-admin-'));
    shots = process.env['MOKUHYO_CONSOLE_SCREENSHOTS'] ? resolve(process.env['MOKUHYO_CONSOLE_SCREENSHOTS']) : temp;
    redis = await startRedis(redisBinary!);
    serve = await startServe(temp, {
      dataDir: join(temp, 'data'),
      redisUrl: redis.url,
      consolidationDelayMs: 60_000,
      wards: [
        {
          id: 'akiha',
          name: '秋葉区',
          fiscalYear: 2020,
          deadline: '2099-04-30',
          divisions: ['地域総務課', '健康福祉課', '産業振興課'],
        },
        { id: 'nishi', name: '西区', fiscalYear: 2021, divisions: ['地域課', '健康福祉課'] },
      ],
      tokens: [
        { token: TOKENS.admin, role: 'admin', name: '高橋 真理' },
        { token: TOKENS.akiha, ward: 'akiha', role: 'coordinator', name: '山田 花子' },
        { token: TOKENS.nishi, ward: 'nishi', role: 'coordinator' },
      ],
    });
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

  async function signIn(token: string, width = 1280): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width, height: 800 },
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(base, { timeout: 120_000 });
    await page.getByLabel('トークン', { exact: true }).fill(token);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByRole('button', { name: 'ログアウト', exact: true }).waitFor({ timeout: 120_000 });
    return page;
  }
  const shoot = async (page: Page, name: string) => {
    for (const width of [1280, 800]) {
      await page.setViewportSize({ width, height: 800 });
      await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true, animations: 'disabled' });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  };
  const tokenRow = (page: Page, name: string) =>
    page
      .getByRole('table', { name: 'トークンの一覧' })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  /** A form field by its label (a required one's label ends with an asterisk). */
  const field = (page: Page, label: string) => page.getByLabel(new RegExp(`^${label}\\s*\\*?$`));
  const auditRows = (page: Page) => page.getByRole('table', { name: '操作履歴' }).locator('tbody tr');

  it('issues a division token that works at once, shows it in 操作履歴, and revokes it', async () => {
    const admin = await signIn(TOKENS.admin);
    await admin.getByRole('heading', { name: 'トークン', exact: true }).waitFor();
    expect(await admin.title()).toBe('トークン — 目標シート');
    expect(await admin.locator('header').textContent()).toContain('高橋 真理（管理者）');
    // The config's tokens are listed read-only, saying so.
    expect(await tokenRow(admin, '山田 花子').textContent()).toMatch(
      /集計担当秋葉区.*設定ファイル画面からは取り消せません/,
    );
    expect(await tokenRow(admin, '山田 花子').getByRole('button').count()).toBe(0);

    // A missing name and division are named beside their fields; the focus goes to the first.
    await field(admin, '区').selectOption({ label: '秋葉区' });
    await admin.getByRole('button', { name: '発行する' }).click();
    await admin.getByText('名前を入力してください。').waitFor();
    await admin.getByText('課を選んでください。').waitFor();
    expect(await admin.evaluate(() => document.activeElement?.id)).toBe('issue-name');

    await field(admin, '名前（使う人）').fill('佐藤 健');
    await field(admin, '課').selectOption('健康福祉課');
    await admin.getByRole('button', { name: '発行する' }).click();
    const fresh = admin.getByRole('region', { name: '佐藤 健さんのトークンを発行しました' });
    await fresh.waitFor();
    await expect.poll(() => admin.evaluate(() => document.activeElement?.id)).toBe('fresh-token-title');
    expect(await fresh.textContent()).toContain('このトークンは今だけ表示されます。');
    expect(await fresh.textContent()).toContain('提出担当・秋葉区 健康福祉課');
    const token = await admin.getByLabel('発行したトークン').inputValue();
    expect(token).toMatch(/^[\w-]{43}$/);
    await fresh.getByRole('button', { name: 'コピー' }).click();
    await fresh.getByText(/コピーしました|Ctrl\+C/).waitFor();
    const copied = await admin.evaluate(() => navigator.clipboard.readText().catch(() => ''));
    if (copied !== '') expect(copied).toBe(token);
    expect(await tokenRow(admin, '佐藤 健').textContent()).toMatch(
      /佐藤 健提出担当秋葉区健康福祉課\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}高橋 真理画面で発行取り消す/,
    );
    await shoot(admin, 'console-tokens');

    // The token works at once, in another browser: it signs in as the division and submits.
    const division = await signIn(token);
    expect(await division.locator('header').textContent()).toContain('秋葉区 健康福祉課（佐藤 健）');
    await division.getByLabel('確認するブック').setInputFiles(join(SEEDS, 'akiha-2020-kenko-fukushi.xlsx'));
    await division.getByText('このまま提出できます').waitFor({ timeout: 60_000 });
    await division.getByRole('button', { name: '提出', exact: true }).click();
    await expect.poll(() => division.getByText('提出を受理しました。').count(), { timeout: 60_000 }).toBe(1);

    // The coordinator acts on it (through the API, as the console's own buttons do): each step is recorded.
    const asCoordinator = (path: string, init: RequestInit = {}) =>
      fetch(`${base}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${TOKENS.akiha}`,
          ...(init.body ? { 'content-type': 'application/json' } : {}),
        },
      });
    const history = (await (await asCoordinator('/api/console/history')).json()) as { id: string }[];
    const workbook = await asCoordinator(`/api/console/submissions/${history[0]!.id}/workbook`);
    expect(workbook.status).toBe(200);
    await workbook.arrayBuffer();
    const back = await asCoordinator(`/api/console/submissions/${history[0]!.id}/send-back`, {
      method: 'POST',
      body: JSON.stringify({ reason: '指標2の実績値が空欄です。' }),
    });
    expect(back.status).toBe(204);

    // 操作履歴 names the person who issued it and the person who submitted, newest first.
    await admin.getByRole('tab', { name: '操作履歴' }).click();
    await admin.getByRole('heading', { name: '操作履歴' }).waitFor();
    await expect.poll(() => auditRows(admin).count()).toBe(4);
    const texts = (await auditRows(admin).allTextContents()).slice(2);
    expect((await auditRows(admin).allTextContents()).slice(0, 2)).toEqual([
      expect.stringMatching(
        /差戻し山田 花子集計担当秋葉区健康福祉課akiha-2020-kenko-fukushi\.xlsx理由: 指標2の実績値が空欄です。$/,
      ),
      expect.stringMatching(
        /ブックのダウンロード山田 花子集計担当秋葉区健康福祉課akiha-2020-kenko-fukushi\.xlsx提出されたブック$/,
      ),
    ]);
    expect(texts[0]).toMatch(
      /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}提出佐藤 健提出担当秋葉区健康福祉課akiha-2020-kenko-fukushi\.xlsx/,
    );
    expect(texts[1]).toMatch(/トークンの発行高橋 真理管理者秋葉区健康福祉課佐藤 健（提出担当・秋葉区 健康福祉課）/);
    expect(await admin.title()).toBe('操作履歴 — 目標シート');
    await shoot(admin, 'console-audit');
    // Filtered to another ward: nothing of 秋葉区.
    await admin.getByLabel('区で絞り込む').selectOption({ label: '西区' });
    await admin.getByText('まだ記録はありません。').waitFor();

    // 取り消す, confirmed: the token stops at once and the division's next action is refused.
    await admin.getByRole('tab', { name: 'トークン' }).click();
    await tokenRow(admin, '佐藤 健').getByRole('button', { name: '佐藤 健のトークンを取り消す' }).click();
    const dialog = admin.getByRole('dialog', { name: 'トークンを取り消しますか' });
    expect(await dialog.textContent()).toContain(
      '佐藤 健さん（提出担当・秋葉区 健康福祉課）のトークンを取り消します。',
    );
    await dialog.getByRole('button', { name: '取り消す' }).click();
    await admin.getByText(/佐藤 健さんのトークンを取り消しました。ログイン中の画面 1 件も終了しました。/).waitFor();
    await expect.poll(() => tokenRow(admin, '佐藤 健').count()).toBe(0);

    await division.getByLabel('確認するブック').setInputFiles(join(SEEDS, 'akiha-2020-kenko-fukushi.xlsx'));
    await division.getByText(/ログインが終わりました（時間が経ったか、トークンが取り消されました）/).waitFor();
    const bearer = await fetch(`${base}/api/console/own-status`, { headers: { authorization: `Bearer ${token}` } });
    expect(bearer.status).toBe(401);
    await division.getByLabel('トークン', { exact: true }).fill(token);
    await division.getByRole('button', { name: 'ログイン', exact: true }).click();
    await division.getByText('ログインできませんでした。トークンを確かめてもう一度入力してください。').waitFor();

    // The revocation is in 操作履歴 too; the coordinator sees their ward's entries, not another ward's.
    await admin.getByRole('tab', { name: '操作履歴' }).click();
    await expect.poll(async () => (await auditRows(admin).first().textContent()) ?? '').toContain('トークンの取り消し');
    const coordinator = await signIn(TOKENS.akiha);
    await coordinator.getByRole('tab', { name: '操作履歴' }).click();
    await expect.poll(() => auditRows(coordinator).count()).toBe(5);
    expect(await coordinator.getByLabel('区で絞り込む').count()).toBe(0);
    const nishi = await signIn(TOKENS.nishi);
    await nishi.getByRole('tab', { name: '操作履歴' }).click();
    await nishi.getByText('まだ記録はありません。').waitFor();
    expect(pageErrors).toEqual([]);
  }, 300_000);
});
