// The coordinator's year in Debian's Chromium against a real `mokuhyo serve`, a private redis-server and a
// local SMTP server: 提出期限 and 期限超過, a division submits with a 提出メモ, the coordinator sees it, sends
// reminders (mails reach exactly the right divisions), sends back with a reason (the division sees it),
// downloads the status list, moves the deadline; 40 divisions stay readable at 800 px. Screenshots go to
// a temp folder, or to MOKUHYO_CONSOLE_SCREENSHOTS (e.g. docs/) when set.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsSubmissionStore } from '../../worker/storage/index.ts';
import { findChromium } from '../helpers/required-tools.ts';
import { launchBrowser, startServe, type ServeProcess } from '../helpers/serve-process.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { findRedisServer, startRedis, type PrivateRedis } from '../worker/queue/redis-server.ts';

const CHROMIUM = findChromium() ?? '';
const ROOT = resolve(import.meta.dirname, '../..');
const SEEDS = join(ROOT, 'seeds/org-goals');
const redisBinary = await findRedisServer();

const TOKENS = {
  akiha: 'year-coordinator-akiha-0123',
  chiiki: 'year-submitter-chiiki-01234',
  kenko: 'year-submitter-kenko-012345',
  sangyo: 'year-submitter-sangyo-01234',
  big: 'year-coordinator-big-012345',
};
/** Submitters of the big ward's first divisions, to fill its table with real rows. */
const BIG_SUBMITTERS = 12;
const bigToken = (i: number) => `year-submitter-big-${String(i).padStart(2, '0')}-0123456`;
/** Forty divisions with names as long as a ward's real ones. */
const BIG = Array.from({ length: 40 }, (_, i) =>
  i % 3 === 0 ? `市民生活部地域振興第${i + 1}課` : i % 3 === 1 ? `健康福祉第${i + 1}課` : `建設${i + 1}課`,
);

describe.skipIf(!CHROMIUM || !redisBinary)("the coordinator's year in Chromium", () => {
  let redis: PrivateRedis;
  let smtp: SmtpSink;
  let serve: ServeProcess | undefined;
  let base = '';
  let temp = '';
  let shots = '';
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    temp = mkdtempSync(join(tmpdir(), 'mokuhyo-year-'));
    shots = process.env['MOKUHYO_CONSOLE_SCREENSHOTS'] ? resolve(process.env['MOKUHYO_CONSOLE_SCREENSHOTS']) : temp;
    redis = await startRedis(redisBinary!);
    smtp = await startSmtpSink();
    const config = {
      dataDir: join(temp, 'data'),
      redisUrl: redis.url,
      consolidationDelayMs: 60_000,
      mail: { smtp: smtp.url, from: 'mokuhyo@example.lg.jp', cc: ['akiha-kikaku@example.lg.jp'] },
      wards: [
        {
          id: 'akiha',
          name: '秋葉区',
          fiscalYear: 2020,
          deadline: '2021-04-30',
          divisions: [
            { name: '地域総務課', email: 'chiiki@example.lg.jp' },
            { name: '健康福祉課', email: 'kenko@example.lg.jp' },
            '産業振興課',
          ],
        },
        { id: 'big', name: '中央区', fiscalYear: 2020, deadline: '2021-04-30', divisions: BIG },
      ],
      tokens: [
        { token: TOKENS.akiha, ward: 'akiha', role: 'coordinator' },
        { token: TOKENS.chiiki, ward: 'akiha', division: '地域総務課', role: 'submitter' },
        { token: TOKENS.kenko, ward: 'akiha', division: '健康福祉課', role: 'submitter' },
        { token: TOKENS.sangyo, ward: 'akiha', division: '産業振興課', role: 'submitter' },
        { token: TOKENS.big, ward: 'big', role: 'coordinator' },
        ...Array.from({ length: BIG_SUBMITTERS }, (_, i) => ({
          token: bigToken(i),
          ward: 'big',
          division: BIG[i]!,
          role: 'submitter',
        })),
      ],
    };
    serve = await startServe(temp, (address) => ({ ...config, publicUrl: address }));
    base = serve.base;
    // A previous year's collection, stored as the intake stores it, to look back at.
    const store = new FsSubmissionStore(join(temp, 'data'));
    const old = await store.put(readFileSync(join(SEEDS, 'akiha-2020-sangyo-shinko.xlsx')), {
      ward: 'akiha',
      fiscalYear: 2019,
      division: '産業振興課',
      role: 'submitter',
      receivedAt: '2020-04-21T00:30:00.000Z',
      fileName: '産業振興課_令和元年度.xlsx',
    });
    await store.update(old.id, { status: 'accepted', finishedAt: '2020-04-21T00:30:05.000Z' });
    browser = await launchBrowser(CHROMIUM);
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await serve?.stop();
    await smtp?.close();
    await redis?.stop();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }, 60_000);

  async function signIn(token: string, width = 1280, height = 800): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width, height },
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      acceptDownloads: true,
    });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(base, { timeout: 120_000 });
    await page.getByLabel('トークン', { exact: true }).fill(token);
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await page.getByRole('button', { name: 'ログアウト', exact: true }).waitFor({ timeout: 120_000 });
    return page;
  }
  const row = (page: Page, division: string) =>
    page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: division, exact: true }) });
  /** An API call as a token (what the page did, read back from the server). */
  const api = async <T>(path: string, token: string): Promise<T> =>
    (await (await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as T;
  const shoot = async (page: Page, name: string) => {
    for (const width of [1280, 800]) {
      await page.setViewportSize({ width, height: 800 });
      await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true, animations: 'disabled' });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  };

  it('walks the year: deadline, a submission with a memo, reminders, 差戻す with a reason, the download', async () => {
    // The sign-in page, as everyone first sees it.
    const signInContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ja-JP' });
    contexts.push(signInContext);
    const first = await signInContext.newPage();
    await first.goto(base, { timeout: 120_000 });
    await first.getByText(/一人ひとりに配られる/).waitFor();
    await shoot(first, 'console-sign-in');

    // The division sees its deadline and that it is late, then submits with a 提出メモ.
    const kenko = await signIn(TOKENS.kenko);
    const note = kenko.getByRole('region', { name: '健康福祉課の状況' });
    await expect.poll(() => note.textContent()).toMatch(/提出期限 2021年4月30日（\d+日超過）/);
    expect(await note.textContent()).toMatch(/健康福祉課の状況未提出期限超過/);
    await kenko.getByLabel('確認するブック').setInputFiles(join(SEEDS, 'akiha-2020-kenko-fukushi.xlsx'));
    await kenko.getByText('このまま提出できます').waitFor({ timeout: 60_000 });
    // The verdict takes the focus (keyboard and screen-reader users hear it); every page has its own title.
    await expect
      .poll(() => kenko.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('このまま提出できます');
    expect(await kenko.title()).toBe('確認と提出 — 目標シート');
    // A memo over the limit is kept whole, counted and named, and holds 提出 back (never cut silently).
    await kenko.getByLabel(/提出メモ/).fill('あ'.repeat(540));
    await expect.poll(() => kenko.locator('#submission-memo-count').textContent()).toContain('540 / 500 文字');
    expect(await kenko.locator('#submission-memo-count').textContent()).toContain('40 文字多すぎます');
    expect(await kenko.getByLabel(/提出メモ/).inputValue()).toHaveLength(540);
    expect(await kenko.getByRole('button', { name: '提出', exact: true }).isDisabled()).toBe(true);
    await kenko.getByLabel(/提出メモ/).fill('修正版です。指標3の目標値を直しました。');
    await expect.poll(() => kenko.locator('#submission-memo-count').textContent()).toBe('20 / 500 文字');
    await shoot(kenko, 'console-division');
    await kenko.getByRole('button', { name: '提出', exact: true }).click();
    await expect.poll(() => kenko.getByText('提出を受理しました。').count(), { timeout: 60_000 }).toBe(1);
    await expect
      .poll(() => kenko.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('提出を受理しました。');
    await expect.poll(() => note.textContent(), { timeout: 20_000 }).toMatch(/健康福祉課の状況受理/);

    // The coordinator sees the deadline, who is late and the memo.
    const page = await signIn(TOKENS.akiha);
    await page.getByRole('heading', { name: '提出状況' }).waitFor();
    expect(await page.title()).toBe('提出状況 — 目標シート');
    const panel = page.getByRole('region', { name: '提出期限と督促' });
    await expect.poll(() => panel.textContent()).toMatch(/提出期限: 2021年4月30日.*期限超過 2 課/);
    await expect.poll(() => row(page, '健康福祉課').textContent()).toContain('提出メモ: 修正版です。');
    expect(await row(page, '健康福祉課').textContent()).not.toContain('期限超過');
    expect(await row(page, '地域総務課').textContent()).toMatch(/未提出期限超過/);
    // The ward's own sheet, still missing after the deadline, is late too (as the ledger route says).
    expect(await page.getByRole('region', { name: /^区の組織目標/ }).textContent()).toMatch(/未提出期限超過/);
    await shoot(page, 'console-coordinator');

    // 督促メールを送る: the preview names who gets what, then exactly those mails arrive.
    await page.getByRole('button', { name: '督促メールを送る' }).click();
    const dialog = page.getByRole('dialog', { name: '督促メールの確認' });
    await expect.poll(() => dialog.textContent()).toContain('地域総務課 — 未提出・期限超過');
    expect(await dialog.textContent()).toContain('アドレスが設定されていないため送らない課: 産業振興課');
    expect(await dialog.getByRole('article').count()).toBe(1);
    expect(await dialog.textContent()).toContain('CC: akiha-kikaku@example.lg.jp');
    await page.screenshot({ path: join(shots, 'console-reminders-1280.png'), animations: 'disabled' });
    await page.setViewportSize({ width: 800, height: 800 });
    await page.screenshot({ path: join(shots, 'console-reminders-800.png'), animations: 'disabled' });
    await page.setViewportSize({ width: 1280, height: 800 });
    await dialog.getByRole('button', { name: '1 件送信する' }).click();
    await page.getByText('督促メールを 1 件送信しました。').waitFor();
    await expect.poll(() => smtp.mails.length, { timeout: 10_000 }).toBe(1);
    expect(smtp.mails[0]!.to.sort()).toEqual(['akiha-kikaku@example.lg.jp', 'chiiki@example.lg.jp']);
    expect(smtp.mails[0]!.subject).toBe('【提出のお願い】令和2年度 目標シート（地域総務課）');
    await page.getByText(/督促メールの予定と送信の記録（1 件）/).click();
    await expect
      .poll(() => page.getByRole('table', { name: '督促メールの送信の記録' }).textContent())
      .toMatch(/地域総務課chiiki@example.lg.jpCC: akiha-kikaku@example.lg.jp.*送信済み集計担当/);
    // At 800 px the record keeps words whole: a division, 送信済み and who sent it each on one line.
    await page.setViewportSize({ width: 800, height: 800 });
    const record = page.getByRole('table', { name: '督促メールの送信の記録' });
    const heights = await record
      .locator('tbody tr')
      .first()
      .evaluate((tr) =>
        [...tr.querySelectorAll('td')].map((td) => {
          // The lines the cell's text takes (the cell itself is as high as the row's tallest cell).
          const range = document.createRange();
          range.selectNodeContents(td);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          return { text: td.textContent ?? '', lines: tops.size };
        }),
      );
    for (const cell of heights.filter((c) => ['地域総務課', '送信済み', '集計担当'].includes(c.text)))
      expect(cell.lines, cell.text).toBe(1);
    await record.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shots, 'console-reminder-record-800.png'), animations: 'disabled' });
    await page.setViewportSize({ width: 1280, height: 800 });

    // 差戻す with a 理由: the row says 差戻し and why; the division sees it too.
    await row(page, '健康福祉課').getByRole('link', { name: '健康福祉課の提出を開く' }).click();
    await page.getByRole('heading', { name: '健康福祉課の提出' }).waitFor();
    expect(await page.textContent('main')).toContain('提出メモ修正版です。指標3の目標値を直しました。');
    await shoot(page, 'console-submission');
    await page.getByRole('button', { name: '差戻す', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: '差し戻す' }).isDisabled()).toBe(true);
    await page.getByLabel(/理由/).fill('指標2の実績値が空欄です。');
    // A double click sends back once; the focus goes to what happened, not to <body>.
    await page.getByRole('button', { name: '差し戻す' }).dblclick();
    await page.getByRole('button', { name: '差戻しを取り消す' }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('差し戻しました（状況: 差戻し）');
    const sentBack = await api<{ entries: { action: string }[] }>('/api/audit', TOKENS.akiha);
    expect(sentBack.entries.filter((e) => e.action === 'send-back')).toHaveLength(1);
    await shoot(page, 'console-send-back');
    await page.getByRole('button', { name: '提出状況へ戻る' }).click();
    await expect.poll(() => row(page, '健康福祉課').textContent()).toMatch(/差戻し期限超過/);
    expect(await row(page, '健康福祉課').textContent()).toContain(
      '理由: 取りまとめ担当が差し戻しました: 指標2の実績値が空欄です。',
    );
    await kenko.reload();
    await expect
      .poll(() => note.textContent(), { timeout: 20_000 })
      .toMatch(/差戻し期限超過.*理由: 取りまとめ担当が差し戻しました: 指標2の実績値が空欄です。/);

    // 未提出だけ keeps the rows still without a usable sheet.
    await page.getByLabel('未提出だけ（未提出・差戻し・読込不可）').check();
    await expect
      .poll(() => page.getByRole('rowheader').allTextContents())
      .toEqual(['地域総務課', '健康福祉課', '産業振興課']);

    // 提出状況をダウンロード: an .xlsx named in Japan time.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '提出状況をダウンロード' }).click();
    expect((await download).suggestedFilename()).toMatch(/^秋葉区_令和2年度_提出状況_\d{4}-\d{2}-\d{2}_\d{4}\.xlsx$/);

    // Print keeps the status words, as black words in a box.
    await page.emulateMedia({ media: 'print' });
    const printed = await row(page, '健康福祉課')
      .locator('[data-status="rejected"]')
      .evaluate((el) => {
        const s = getComputedStyle(el);
        return { color: s.color, visible: s.display !== 'none', text: el.textContent };
      });
    expect(printed).toEqual({ color: 'rgb(0, 0, 0)', visible: true, text: '差戻し' });
    await page.emulateMedia({ media: 'screen' });

    // Moving the deadline ends 期限超過 at once, for the division too.
    await page.getByRole('button', { name: '提出期限を変更' }).click();
    await page.getByLabel('新しい提出期限').fill('2099-03-31');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('提出期限を 2099年3月31日 にしました。').waitFor();
    await expect.poll(() => panel.textContent()).not.toContain('期限超過');
    expect(await page.locator('[data-status="overdue"]').count()).toBe(0);
    await kenko.reload();
    await expect.poll(() => note.textContent(), { timeout: 20_000 }).toMatch(/提出期限 2099年3月31日（あと\d+日）/);

    // A previous fiscal year, read-only, labelled as that year.
    await page.getByLabel('未提出だけ（未提出・差戻し・読込不可）').uncheck();
    await page.getByLabel('年度', { exact: true }).selectOption('2019');
    await expect.poll(() => row(page, '産業振興課').textContent()).toContain('産業振興課_令和元年度.xlsx');
    expect(await page.textContent('main')).toContain('令和元年度の提出状況を表示しています');
    expect(await page.getByRole('button', { name: '督促メールを送る' }).count()).toBe(0);
    // The past year's own summaries and ward sheet row; nothing to build for it.
    await page.getByRole('heading', { name: '令和元年度の集計' }).waitFor();
    expect(await page.getByRole('button', { name: '集計を作成' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: /^区の組織目標/ }).count()).toBe(1);
    await shoot(page, 'console-past-year');
    await page.getByLabel('年度', { exact: true }).selectOption('2020');
    await expect.poll(() => page.getByRole('button', { name: '督促メールを送る' }).count()).toBe(1);

    // 集計 on request: each build listed with who asked and what it covered, in Japan time.
    await page.getByRole('tab', { name: '集計' }).click();
    // A double click builds once.
    await page.getByRole('button', { name: '集計を作成', exact: true }).dblclick();
    await page.getByRole('link', { name: '集計をダウンロード', exact: true }).waitFor({ timeout: 60_000 });
    await expect
      .poll(() => page.getByRole('listitem').first().textContent(), { timeout: 20_000 })
      .toMatch(
        /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2} 作成の集計\s*（集計担当・提出 1 \/ 全 3 課、受理 0、差戻し 1、.*・最新）$/,
      );
    expect(await page.title()).toBe('集計 — 目標シート');
    const builds = await api<{ entries: { action: string }[] }>('/api/audit', TOKENS.akiha);
    expect(builds.entries.filter((e) => e.action === 'summary-build')).toHaveLength(1);
    await shoot(page, 'console-summary');

    // 区の組織目標: the coordinator's own sheet, checked and submitted like a division's.
    await page.goto(`${base}/#/ward-sheet`);
    await page.getByLabel('確認するブック').waitFor();
    await shoot(page, 'console-ward-sheet');

    // 様式: one zip for every division, named for the ward and year.
    await page.getByRole('tab', { name: '様式' }).click();
    const zip = page.waitForEvent('download');
    await page.getByRole('link', { name: '健康福祉課の様式をまとめてダウンロード' }).click();
    expect((await zip).suggestedFilename()).toBe('健康福祉課_様式_令和2年度.zip');
    await shoot(page, 'console-templates');
    expect(pageErrors).toEqual([]);
  }, 300_000);

  it('keeps 40 divisions readable at 800 px: one line per row, long file names and memos folded', async () => {
    // Real submissions with the long names clerks give their files, one with a 500-character memo.
    const bytes = readFileSync(join(SEEDS, 'akiha-2020-chiiki-somu.xlsx'));
    for (let i = 0; i < BIG_SUBMITTERS; i++) {
      const name = `令和2年度_${BIG[i]}_組織目標管理シート_修正版_最終_${i + 1}回目提出用（確認済み）.xlsx`;
      const res = await fetch(`${base}/api/submissions`, {
        method: 'POST',
        body: bytes,
        headers: {
          authorization: `Bearer ${bigToken(i)}`,
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'x-mokuhyo-filename': encodeURIComponent(name),
          ...(i === 0 ? { 'x-mokuhyo-memo': encodeURIComponent('修正版です。'.repeat(83) + '以上') } : {}),
        },
      });
      expect(res.status).toBe(202);
    }
    const page = await signIn(TOKENS.big, 800, 800);
    await expect.poll(() => page.getByRole('rowheader').count()).toBe(40);
    await expect.poll(() => page.locator('tbody [data-status="processing"]').count(), { timeout: 120_000 }).toBe(0);
    await expect.poll(() => page.getByText(/組織目標管理シート_修正版/).count()).toBeGreaterThanOrEqual(BIG_SUBMITTERS);
    await page.screenshot({ path: join(shots, 'console-coordinator-40-800.png'), fullPage: false });
    // Every row one line high (the file cell's notes included), the full name in the tooltip and the text.
    const rows = await page.evaluate(() =>
      [...document.querySelectorAll('table[aria-labelledby="status-title"] tbody tr')].map((tr) => ({
        division: tr.querySelector('th')?.textContent ?? '',
        height: Math.round(tr.getBoundingClientRect().height),
      })),
    );
    const oneLine = Math.min(...rows.map((r) => r.height));
    // A submitted row: its file name, and one folded line of notes under it.
    expect(rows.filter((r) => r.height >= oneLine * 1.8)).toEqual([]);
    const file = page.getByTitle(/^令和2年度_市民生活部地域振興第1課_組織目標管理シート/).first();
    expect(await file.textContent()).toMatch(/（確認済み）\.xlsx$/);
    // The memo: one line, with 全文 to read all of it.
    const memo = page.getByRole('button', { name: `${BIG[0]}のメモと理由を全文表示` });
    await memo.click();
    await expect.poll(() => page.getByText(/以上$/).isVisible()).toBe(true);
    await page.getByRole('button', { name: `${BIG[0]}のメモと理由を閉じる` }).click();
    const lines = await page.evaluate(() => {
      const out: { name: number; badge: number }[] = [];
      for (const tr of document.querySelectorAll('table[aria-labelledby="status-title"] tbody tr')) {
        const th = tr.querySelector('th')!;
        const badges = [...tr.querySelectorAll('[data-status]')].map((b) => b.getBoundingClientRect());
        // The lines the name's text takes (the cell is as high as the row).
        const range = document.createRange();
        range.selectNodeContents(th);
        out.push({
          name: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size,
          badge: new Set(badges.map((b) => Math.round(b.top))).size,
        });
      }
      return out;
    });
    expect(lines.every((l) => l.badge === 1)).toBe(true);
    // A name takes one line, never one character per line.
    expect(lines.every((l) => l.name === 1)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
    await page.screenshot({ path: join(shots, 'console-coordinator-40-800.png'), fullPage: false });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: join(shots, 'console-coordinator-40-1280.png'), fullPage: false });
  }, 180_000);
});
