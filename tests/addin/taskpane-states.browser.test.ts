// The task pane in every state staff meet (issue 24), at Excel's default pane widths, in headless Chromium
// with Office stubbed by the fake object model. Screenshots go to MOKUHYO_SCREENSHOT_DIR (default: a temp
// folder); MOKUHYO_UPDATE_SCREENSHOT=1 also refreshes the ones docs/addin.md shows.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grid } from '../../shared/grid/grid.ts';
import { readWorkbookFile } from '../../worker/xlsx/index.ts';
import {
  buildPane,
  corsJson,
  haveChromium,
  launchChromium,
  openPane,
  root,
  sideways,
  type Browser,
} from './browser/harness.ts';
import type { FakeExcel } from './fake-excel/fake-excel.ts';

const dist = mkdtempSync(join(tmpdir(), 'mokuhyo-addin-states-'));
const shots = process.env.MOKUHYO_SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'mokuhyo-shots-'));
mkdirSync(shots, { recursive: true });
/** Excel's task pane opens 320 × 378 on the web and about 350 wide on Windows and Mac. */
const SIZES = [
  { width: 320, height: 378 },
  { width: 350, height: 600 },
];
/** The states docs/addin.md shows, at the narrowest pane (Excel on the web, 320 × 378). */
const DOCS = new Set([
  'recognised',
  'long-sheet-name',
  'server-findings',
  'protected',
  'cell-edit-submit',
  'errors-before-submit',
  'memo',
]);
const INTAKE = 'https://intake.example.lg.jp';
const ACTIVE_LONG = '健康福祉課（令和2年度）組織目標管理シート_提出用';
const OTHER_LONG = '産業振興課から移した参考データ（令和元年度 実績・確認中）';

let browser: Browser | undefined;
let seed: { grids: Grid[]; names: Record<string, string> };

async function shoot(page: Page, state: string, width: number): Promise<void> {
  await page.mouse.move(0, 0);
  const file = join(shots, `addin-taskpane-${state}-${width}.png`);
  await page.screenshot({ path: file });
  expect(statSync(file).size).toBeGreaterThan(5_000);
  if (process.env.MOKUHYO_UPDATE_SCREENSHOT && DOCS.has(state) && width === 320)
    copyFileSync(file, join(root, 'docs', `addin-taskpane-${state}-${width}.png`));
}

const fake = (page: Page) =>
  page.evaluate(() => {
    const f = (globalThis as unknown as { __fake: FakeExcel }).__fake;
    return { runs: f.runs.length, active: f.model.sheets[f.model.active]!.name, editing: f.model.cellEditing };
  });

/** An intake that takes the file and answers `verdict`, recording every request the pane sent. */
function intake(verdict: unknown) {
  const requests: { method: string; url: string; fileName: string | null; memo: string | null }[] = [];
  const route = (route: Route) => {
    const request = route.request();
    if (!request.url().startsWith(`${INTAKE}/api/submissions`)) return undefined;
    if (request.method() === 'OPTIONS') return route.fulfill(corsJson(204, {}));
    requests.push({
      method: request.method(),
      url: request.url(),
      fileName: request.headers()['x-mokuhyo-filename'] ?? null,
      memo: request.headers()['x-mokuhyo-memo'] ?? null,
    });
    if (request.method() === 'POST') return route.fulfill(corsJson(202, { id: '3f2a9c1e-77aa', status: 'queued' }));
    return route.fulfill(
      corsJson(200, { id: '3f2a9c1e-77aa', division: '健康福祉課', error: null, ...(verdict as object) }),
    );
  };
  return { requests, route };
}

async function withSettings(page: Page): Promise<void> {
  await page.evaluate(
    (url) => localStorage.setItem('mokuhyo.settings', JSON.stringify({ intakeUrl: url, token: 'tok' })),
    INTAKE,
  );
}

async function seedPane(
  size: { width: number; height: number },
  extra: Record<string, unknown> = {},
  route?: (r: Route) => Promise<void> | undefined,
) {
  const page = await openPane(browser!.context, dist, { ...seed, apiVersion: '1.18', ...extra }, size, route);
  await page.locator('[aria-label="件数"]').waitFor();
  return page;
}

describe.skipIf(!haveChromium)('the task pane in every state', () => {
  beforeAll(async () => {
    await buildPane(dist);
    browser = await launchChromium();
    seed = await readWorkbookFile(join(root, 'seeds/org-goals/akiha-2020-kenko-fukushi.xlsx'));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('says what it recognised, and offers the year-end findings when 自動 reads the sheet as 計画', async () => {
    for (const size of SIZES) {
      const page = await seedPane(size);
      const header = page.getByRole('region', { name: '様式の情報' });
      for (const text of ['課の組織目標管理シート', '秋葉区', '健康福祉課', '令和2年度（2020）', '6件', '計画'])
        await expect.poll(() => header.getByText(text, { exact: true }).count()).toBeGreaterThan(0);
      const offer = page.getByRole('button', { name: '評価として確認' });
      await offer.waitFor();
      expect(await page.getByText('エラー 12件', { exact: false }).count()).toBeGreaterThan(0);
      expect(await sideways(page)).toMatchObject({ overflow: 0 });
      await shoot(page, 'recognised', size.width);
      await offer.click();
      await expect.poll(() => page.getByRole('combobox', { name: '段階' }).inputValue()).toBe('evaluation');
      await expect.poll(() => page.locator('[data-list="sheet"] [data-severity="error"] li').count()).toBe(12);
      await page.close();
    }
  });

  it("shows the intake's findings on another, long-named sheet readably, each reachable by Tab", async () => {
    const grids = [
      { ...seed.grids[0]!, sheet: ACTIVE_LONG },
      { sheet: OTHER_LONG, rows: [[{ text: '参考', kind: 'string' as const, value: '参考' }]], merges: [] },
    ];
    const { route, requests } = intake({
      status: 'rejected',
      findings: [
        {
          severity: 'error',
          code: 'measure.result-missing',
          sheet: OTHER_LONG,
          cell: 'H12',
          message: 'H12 の R2結果が空欄です。評価の時期なので、今年度の実績を記入してください。',
        },
        {
          severity: 'error',
          code: 'sheet.unknown-form',
          sheet: OTHER_LONG,
          cell: null,
          message:
            'このシートは様式として認識できませんでした。提出するブックから外すか、様式のシートに書き写してください。',
        },
        {
          severity: 'warning',
          code: 'measure.label-brackets',
          sheet: ACTIVE_LONG,
          cell: 'D15',
          message: 'D15 の指標名の括弧の組み合わせが合っていません。',
        },
      ],
    });
    for (const size of SIZES) {
      const page = await openPane(
        browser!.context,
        dist,
        { grids, names: seed.names, apiVersion: '1.18' },
        size,
        route,
      );
      await page.getByRole('region', { name: 'このシートの確認結果' }).waitFor();
      // No 提出メモ to offer before a 提出先 is set; once it is, the memo travels with the file as on the web
      // console, and the field is empty and folded for the next 提出.
      const configured = await page.evaluate(() => localStorage.getItem('mokuhyo.settings') !== null);
      expect(await page.getByRole('button', { name: 'メモを添える' }).count()).toBe(configured ? 1 : 0);
      await page.getByRole('button', { name: '設定' }).click();
      await page.getByRole('textbox', { name: '提出先URL' }).fill(INTAKE);
      await page.getByLabel('トークン').fill('tok');
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByRole('button', { name: 'メモを添える' }).click();
      const memo = page.getByRole('textbox', { name: /提出メモ/ });
      await memo.fill('修正版です。指標3の目標値を直しました。');
      if (size.width === 320) await shoot(page, 'memo', size.width);
      await page.getByRole('button', { name: '提出' }).click();
      const server = page.getByRole('region', { name: '提出先の確認結果' });
      await server.waitFor();
      await expect.poll(() => server.locator('li').count()).toBe(3);
      const posted = requests.filter((r) => r.method === 'POST').at(-1);
      expect(posted?.fileName).toBe(encodeURIComponent('健康福祉課.xlsx'));
      expect(decodeURIComponent(posted?.memo ?? '')).toBe('修正版です。指標3の目標値を直しました。');
      expect(await memo.count()).toBe(0);
      await page.getByRole('button', { name: 'メモを添える' }).click();
      expect(await memo.inputValue()).toBe('');
      // Every message keeps most of the pane's width however long the sheet's name.
      const widths = await server
        .locator('li [data-part="message"]')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
      expect(Math.min(...widths)).toBeGreaterThan(size.width * 0.6);
      expect((await sideways(page)).overflow).toBe(0);
      await shoot(page, 'long-sheet-name', size.width);
      await server.scrollIntoViewIfNeeded();
      await shoot(page, 'server-findings', size.width);
      // The finding without a cell is a stop on the Tab order and takes staff to its sheet.
      await page.locator('body').click({ position: { x: 1, y: 1 } });
      let reached = false;
      for (let i = 0; i < 40 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(
          () =>
            document.activeElement?.getAttribute('data-cell') === '' &&
            !!document.activeElement?.closest('[data-list="server"]'),
        );
      }
      expect(reached).toBe(true);
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await fake(page)).active).toBe(OTHER_LONG);
      // The two lists are told apart: their own headings and names, and no id used twice.
      expect(await page.getByRole('heading', { name: '提出先の確認結果' }).count()).toBe(1);
      expect(await page.getByRole('heading', { name: 'このシートの確認結果' }).count()).toBe(1);
      const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
      expect(ids.length).toBe(new Set(ids).size);
      await page.close();
    }
  });

  it('lists the findings of a protected sheet and says why it is not marked', async () => {
    for (const size of SIZES) {
      const page = await seedPane(size, { protectedSheets: [seed.grids[0]!.sheet] });
      await page.getByRole('combobox', { name: '段階' }).selectOption('evaluation');
      await expect.poll(() => page.locator('[data-list="sheet"] [data-severity="error"] li').count()).toBe(12);
      await page.getByText('保護されているため', { exact: false }).waitFor();
      expect(await page.getByRole('alert').count()).toBe(0);
      const fills = await page.evaluate(
        () =>
          [...(globalThis as unknown as { __fake: FakeExcel }).__fake.model.sheets[0]!.cells.values()].filter(
            (c) => c.fill.pattern !== 'None',
          ).length,
      );
      expect(fills).toBe(0);
      await shoot(page, 'protected', size.width);
      await page.close();
    }
  });

  it('waits for staff to finish typing in a cell when they press 提出, and says so', async () => {
    const { route, requests } = intake({
      status: 'accepted',
      findings: [],
      verdict: { status: '受理', reason: null, counted: true, latest: true },
    });
    for (const size of SIZES) {
      const page = await seedPane(size, {}, route);
      await withSettings(page);
      await page.evaluate(() => (globalThis as unknown as { __fake: FakeExcel }).__fake.model.startCellEdit());
      const posted = requests.length;
      await page.getByRole('button', { name: '提出' }).click();
      await page.getByText('セルの入力中です', { exact: false }).waitFor();
      expect(requests.length).toBe(posted);
      await shoot(page, 'cell-edit-submit', size.width);
      await page.evaluate(() => (globalThis as unknown as { __fake: FakeExcel }).__fake.model.endCellEdit());
      // The ledger's word, as the web console shows it.
      await page.getByText('集計にはこの版の数値を使います。', { exact: false }).waitFor();
      expect(requests.filter((r) => r.method === 'POST')).toHaveLength(size === SIZES[0] ? 1 : 2);
      await page.close();
    }
  });

  it('asks before sending a sheet with errors, and a sheet that is not a form', async () => {
    const { route, requests } = intake({ status: 'rejected', findings: [] });
    for (const size of SIZES) {
      const page = await seedPane(size, {}, route);
      await withSettings(page);
      await page.getByRole('combobox', { name: '段階' }).selectOption('evaluation');
      await expect.poll(() => page.locator('[data-list="sheet"] [data-severity="error"] li').count()).toBe(12);
      await page.getByRole('button', { name: '提出' }).click();
      const ask = page.getByRole('alertdialog', { name: 'このままでは差戻しになります' });
      await ask.waitFor();
      expect(await ask.textContent()).toContain('エラー 12件');
      expect(requests).toHaveLength(0);
      await shoot(page, 'errors-before-submit', size.width);
      await ask.getByRole('button', { name: 'やめる' }).click();
      expect(await ask.count()).toBe(0);
      expect(requests).toHaveLength(0);
      await page.getByRole('button', { name: '提出' }).click();
      await page.getByRole('button', { name: 'このまま提出' }).click();
      await expect.poll(() => requests.filter((r) => r.method === 'POST').length).toBe(1);
      requests.length = 0;
      await page.close();

      const memo = await openPane(
        browser!.context,
        dist,
        {
          grids: [{ sheet: 'メモ', rows: [[{ text: '打合せメモ', kind: 'string', value: '打合せメモ' }]], merges: [] }],
          names: {},
          apiVersion: '1.18',
        },
        size,
        route,
      );
      await withSettings(memo);
      await memo.getByRole('heading', { name: '様式を認識できません' }).waitFor();
      await memo.getByRole('button', { name: '提出' }).click();
      const notForm = memo.getByRole('alertdialog', { name: '様式として認識できないシートです' });
      await notForm.waitFor();
      expect(requests).toHaveLength(0);
      await shoot(memo, 'not-a-form', size.width);
      await memo.close();
    }
  });

  it('runs the 再チェック staff press while a live re-check waits for their typing, instead of dropping it', async () => {
    const page = await openPane(browser!.context, dist, { ...seed, apiVersion: '1.18' }, SIZES[1]!);
    await page.locator('[aria-label="件数"]').waitFor();
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      const model = (globalThis as unknown as { __fake: FakeExcel }).__fake.model;
      model.startCellEdit();
      model.typeInto(model.sheets[0]!.name, 10, 8, 9);
    });
    await page.waitForTimeout(1200); // the live re-check has started and waits for the cell edit to end
    const before = (await fake(page)).runs;
    await page.getByRole('button', { name: '再チェック' }).click();
    await page.getByRole('status').filter({ hasText: 'チェック中' }).waitFor();
    await page.evaluate(() => (globalThis as unknown as { __fake: FakeExcel }).__fake.model.endCellEdit());
    await expect.poll(async () => (await fake(page)).runs).toBeGreaterThan(before);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'チェック中' }).count()).toBe(0);
    await page.close();
  });
});
