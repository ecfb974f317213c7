// The slow add-in tests in one file: the Vite build, the manifest against the build, and the task pane
// in headless Chromium with Office stubbed by the fake object model.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEVERITY_FILL } from '../../addin/src/excel/fills.ts';
import { checkGrid } from '../../shared/rules/index.ts';
import { readWorkbookFile } from '../../worker/xlsx/index.ts';
import { buildPane, haveChromium, launchChromium, openPane as open, root, type Browser } from './browser/harness.ts';
import type { FakeExcel } from './fake-excel/fake-excel.ts';

const dist = mkdtempSync(join(tmpdir(), 'mokuhyo-addin-dist-'));

/** Child order Microsoft's schema requires (learn.microsoft.com/office/dev/add-ins/develop/manifest-element-ordering, TaskPaneApp). */
const SCHEMA_ORDER: Record<string, string[]> = {
  OfficeApp: [
    'Id',
    'AlternateId',
    'Version',
    'ProviderName',
    'DefaultLocale',
    'DisplayName',
    'Description',
    'IconUrl',
    'HighResolutionIconUrl',
    'SupportUrl',
    'AppDomains',
    'Hosts',
    'Requirements',
    'DefaultSettings',
    'Permissions',
    'AllowSnapshot',
    'Dictionary',
    'VersionOverrides',
  ],
  VersionOverrides: [
    'Description',
    'Requirements',
    'Hosts',
    'Resources',
    'VersionOverrides',
    'WebApplicationInfo',
    'EquivalentAddins',
  ],
  DefaultSettings: ['SourceLocation', 'RequestedWidth', 'RequestedHeight'],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  GetStarted: ['Title', 'Description', 'LearnMoreUrl'],
  Group: ['Label', 'Icon', 'Control'],
  Control: ['Label', 'Supertip', 'Icon', 'Action'],
  Supertip: ['Title', 'Description'],
  Action: ['TaskpaneId', 'SourceLocation', 'Title', 'SupportsPinning', 'FunctionName'],
  Resources: ['Images', 'Urls', 'ShortStrings', 'LongStrings'],
};

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.css': 'text/css',
};

let browser: Browser | undefined;
let shots: string | undefined;

function openPane(
  workbook: unknown,
  viewport: { width: number; height: number },
  extraRoute?: (route: Route) => Promise<void> | undefined,
) {
  return open(browser!.context, dist, workbook, viewport, extraRoute);
}

describe('add-in build and task pane', () => {
  beforeAll(async () => {
    await buildPane(dist);
    if (!haveChromium) return;
    shots = mkdtempSync(join(tmpdir(), 'mokuhyo-shots-'));
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dist, { recursive: true, force: true });
    if (shots) rmSync(shots, { recursive: true, force: true });
  });

  it('builds the pane and the command page, and reports the bundle size', () => {
    const assets = readdirSync(join(dist, 'assets'));
    const scripts = assets.filter((f) => f.endsWith('.js'));
    const bytes = scripts.reduce((n, f) => n + statSync(join(dist, 'assets', f)).size, 0);
    const gzip = scripts.reduce((n, f) => n + gzipSync(readFileSync(join(dist, 'assets', f))).length, 0);
    console.log(
      `add-in bundle: ${scripts.length} scripts, ${(bytes / 1024).toFixed(1)} KiB (${(gzip / 1024).toFixed(1)} KiB gzip)`,
    );
    expect(
      ['taskpane.html', 'commands.html', 'result.html', 'manifest.xml'].every((f) => existsSync(join(dist, f))),
    ).toBe(true);
    expect(readFileSync(join(dist, 'taskpane.html'), 'utf8')).toContain(
      'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
    );
    expect(gzip).toBeLessThan(400 * 1024);
  });

  it('names only files that exist in the build', () => {
    const xml = readFileSync(join(dist, 'manifest.xml'), 'utf8');
    const urls = [...xml.matchAll(/https:\/\/localhost:3000\/([^"<]*)/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !existsSync(join(dist, u)))).toEqual([]);
    for (const size of [16, 32, 64, 80])
      expect(readFileSync(join(dist, `assets/icon-${size}.png`)).readUInt32BE(16)).toBe(size);
  });

  it.skipIf(!haveChromium)('keeps manifest.xml well-formed with children in schema order', async () => {
    // office-addin-manifest validate needs Microsoft's online service, so the order is checked here offline.
    const page = await browser!.context.newPage();
    const tree = await page.evaluate(
      (xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        if (doc.getElementsByTagName('parsererror').length > 0) return null;
        const out: { parent: string; children: string[] }[] = [];
        const walk = (el: Element) => {
          out.push({ parent: el.localName, children: [...el.children].map((c) => c.localName) });
          [...el.children].forEach(walk);
        };
        walk(doc.documentElement);
        return out;
      },
      readFileSync(join(root, 'manifest.xml'), 'utf8'),
    );
    await page.close();
    expect(tree).not.toBeNull();
    const misplaced: string[] = [];
    for (const { parent, children } of tree!) {
      const order = SCHEMA_ORDER[parent];
      if (!order) continue;
      const ranks = children.map((c) => order.indexOf(c));
      ranks.forEach((rank, i) => {
        if (rank < 0 || (i > 0 && rank < ranks[i - 1]!)) misplaced.push(`${parent} > ${children[i]}`);
      });
    }
    expect(misplaced).toEqual([]);
    expect(tree!.find((n) => n.parent === 'OfficeApp')!.children.slice(0, 5)).toEqual([
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
    ]);
  });

  it.skipIf(!haveChromium)("lists the seed sheet findings by severity and selects a finding's cell", async () => {
    const { grids, names } = await readWorkbookFile(join(root, 'seeds/org-goals/akiha-2020-kenko-fukushi.xlsx'));
    const expected = checkGrid(grids[0]!, { phase: 'evaluation' });
    expect(expected.findings.length).toBeGreaterThan(0);
    const page = await openPane({ grids, names, apiVersion: '1.18' }, { width: 350, height: 600 });

    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(expected.extraction.family!.title);
    await page.getByRole('combobox', { name: '段階' }).selectOption('evaluation');
    await page.getByRole('region', { name: 'このシートの確認結果' }).waitFor();
    for (const severity of ['error', 'warning', 'info'] as const) {
      const count = expected.findings.filter((f) => f.severity === severity).length;
      await expect.poll(() => page.locator(`[data-severity="${severity}"] li`).count()).toBe(count);
    }
    await expect.poll(() => page.getByText('令和2年度（2020）').count()).toBe(1);
    const first = expected.findings.find((f) => f.cell)!;
    await page.locator(`button[data-cell="${first.cell}"]`).first().click();
    await expect
      .poll(() => page.evaluate(() => (globalThis as unknown as { __fake: FakeExcel }).__fake.model.selection))
      .toEqual({ sheet: grids[0]!.sheet, address: first.cell });

    const marked = await page.evaluate((cell) => {
      const model = (globalThis as unknown as { __fake: FakeExcel }).__fake.model;
      const sheet = model.sheets[0]!;
      const [, col, row] = /^([A-Z]+)(\d+)$/.exec(cell)!;
      const key = `${Number(row) - 1},${col!.charCodeAt(0) - 65}`;
      return {
        fill: sheet.cells.get(key)?.fill.color,
        notes: sheet.notes.size,
        sheets: model.sheets.length,
        parts: model.customXmlParts.length,
      };
    }, first.cell!);
    expect(marked).toEqual({
      fill: SEVERITY_FILL[first.severity],
      notes: new Set(expected.findings.map((f) => f.cell)).size,
      sheets: grids.length,
      parts: 1,
    });
    await page.close();
  });

  // Excel's task pane opens 320 px wide on the web and about 350 px on Windows and Mac.
  it.skipIf(!haveChromium).each([
    { width: 320, height: 378 },
    { width: 350, height: 600 },
  ])('fits a $width × $height pane: no sideways scroll, the counts and the first findings in view', async (size) => {
    const { grids, names } = await readWorkbookFile(join(root, 'seeds/org-goals/akiha-2020-kenko-fukushi.xlsx'));
    const expected = checkGrid(grids[0]!, { phase: 'evaluation' });
    const page = await openPane({ grids, names, apiVersion: '1.18' }, size);
    await page.getByRole('combobox', { name: '段階' }).selectOption('evaluation');
    await page.locator('[data-severity] li').first().waitFor();
    await expect.poll(() => page.locator('[data-severity] li').count()).toBe(expected.findings.length);
    await page.mouse.move(0, 0);
    const layout = await page.evaluate(() => {
      const inView = (el: Element | null) => {
        const r = el?.getBoundingClientRect();
        return !!r && r.top >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
      };
      return {
        sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        counts: inView(document.querySelector('[aria-label="件数"]')),
        firstFinding: inView(document.querySelector('[data-severity] li')),
        widest: Math.max(...[...document.querySelectorAll('main *')].map((e) => e.getBoundingClientRect().right)),
      };
    });
    expect(layout).toEqual({ sideways: 0, counts: true, firstFinding: true, widest: expect.any(Number) });
    expect(layout.widest).toBeLessThanOrEqual(size.width);
    // Screenshots go to a temp folder; MOKUHYO_UPDATE_SCREENSHOT=1 refreshes the committed docs/addin-taskpane*.png.
    const name = size.width === 350 ? 'addin-taskpane.png' : `addin-taskpane-${size.width}.png`;
    const shot = process.env.MOKUHYO_UPDATE_SCREENSHOT ? join(root, 'docs', name) : join(shots!, name);
    await page.screenshot({ path: shot });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    await page.close();
  });

  it.skipIf(!haveChromium)(
    're-checks as staff type without writing on a host whose writes clear undo (LTSC 2024)',
    async () => {
      const { grids, names } = await readWorkbookFile(join(root, 'seeds/org-goals/akiha-2020-kenko-fukushi.xlsx'));
      const page = await openPane({ grids, names, apiVersion: '1.17' }, { width: 350, height: 600 });
      await page.getByRole('combobox', { name: '段階' }).selectOption('evaluation');
      await page.locator('[data-severity] li').first().waitFor();
      await expect.poll(() => page.getByText('コメントに書いています', { exact: false }).count()).toBe(1);
      const writesBefore = await page.evaluate(
        () => (globalThis as unknown as { __fake: FakeExcel }).__fake.runs.flat().filter((s) => s.writes > 0).length,
      );
      await page.evaluate(() => {
        const model = (globalThis as unknown as { __fake: FakeExcel }).__fake.model;
        for (const handler of model.changeHandlers)
          void handler({
            worksheetId: model.sheets[0]!.id,
            address: 'C5',
            source: 'Local',
            changeType: 'RangeEdited',
            type: 'WorksheetChanged',
          });
      });
      await expect
        .poll(() => page.getByText('入力中は一覧だけを更新しています', { exact: false }).count(), { timeout: 5000 })
        .toBe(1);
      const after = await page.evaluate(
        () => (globalThis as unknown as { __fake: FakeExcel }).__fake.runs.flat().filter((s) => s.writes > 0).length,
      );
      expect(after).toBe(writesBefore);
      await page.close();
    },
  );

  it.skipIf(!haveChromium)('warns that a sheet is not a form instead of saying it has no problems', async () => {
    const page = await openPane(
      {
        grids: [{ sheet: 'メモ', rows: [[{ text: '打合せメモ', kind: 'string', value: '打合せメモ' }]], merges: [] }],
        names: {},
        apiVersion: '1.18',
      },
      { width: 320, height: 378 },
    );
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('様式を認識できません');
    await expect.poll(() => page.getByText('様式として認識できませんでした', { exact: false }).count()).toBe(1);
    expect(await page.getByText('問題は見つかりませんでした').count()).toBe(0);
    await page.close();
  });

  it.skipIf(!haveChromium)(
    'ends a failed submission with its reason and no spinner, and sends iPad users to the web console',
    async () => {
      const { grids, names } = await readWorkbookFile(join(root, 'seeds/org-goals/akiha-2020-kenko-fukushi.xlsx'));
      for (const platform of ['windows', 'ipad'] as const) {
        const pane = await openPane(
          { grids, names, apiVersion: '1.18', platform },
          { width: 320, height: 378 },
          (route) => {
            if (route.request().url().startsWith('https://intake.example.lg.jp/api/submissions'))
              return route.fulfill({
                status: 503,
                contentType: 'application/json',
                headers: { 'access-control-allow-origin': '*' },
                body: JSON.stringify({ statusCode: 503, error: 'Service Unavailable', message: 'queue down' }),
              });
            return undefined;
          },
        );
        await pane.evaluate(() =>
          localStorage.setItem(
            'mokuhyo.settings',
            JSON.stringify({ intakeUrl: 'https://intake.example.lg.jp', token: 'tok' }),
          ),
        );
        await pane.locator('[data-severity], [role="status"]').first().waitFor();
        await pane.getByRole('button', { name: '提出' }).click();
        const alert = pane.getByRole('alert');
        await alert.waitFor();
        expect(await alert.textContent()).toContain(
          platform === 'ipad' ? 'Web の提出ページ https://intake.example.lg.jp/' : '一時的に利用できません',
        );
        expect(await alert.textContent()).not.toContain('Service Unavailable');
        expect(await pane.getByRole('progressbar').count()).toBe(0);
        await pane.close();
      }
    },
  );

  it.skipIf(!haveChromium)("shows the ribbon command's summary in its dialog page", async () => {
    const page = await browser!.context.newPage();
    await page.setViewportSize({ width: 400, height: 300 });
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.host === 'appsforoffice.microsoft.com')
        return route.fulfill({
          contentType: 'text/javascript',
          body: 'globalThis.Office = { onReady: (cb) => { cb && cb({}); return Promise.resolve({}); }, context: { ui: { messageParent: (m) => { globalThis.__sent = m; } } } };',
        });
      const file = join(dist, decodeURIComponent(url.pathname));
      if (url.origin === 'https://localhost:3000' && existsSync(file))
        return route.fulfill({
          contentType: TYPES[extname(file)] ?? 'application/octet-stream',
          body: readFileSync(file),
        });
      return route.abort();
    });
    await page.goto(
      `https://localhost:3000/result.html?t=${encodeURIComponent('チェックしました')}&b=${encodeURIComponent('エラー 1件、警告 2件')}`,
    );
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('チェックしました');
    expect(await page.getByRole('status').textContent()).toBe('エラー 1件、警告 2件');
    await page.getByRole('button', { name: '閉じる' }).click();
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { __sent?: string }).__sent)).toBe('close');
    await page.close();
  });

  it.skipIf(!haveChromium)('points staff to the web console on an Excel older than the manifest allows', async () => {
    const { grids, names } = await readWorkbookFile(join(root, 'seeds/org-goals/akiha-2020-kenko-fukushi.xlsx'));
    const page = await openPane({ grids, names, apiVersion: '1.8' }, { width: 320, height: 378 });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Web の提出ページ');
    expect(await page.evaluate(() => (globalThis as unknown as { __fake: FakeExcel }).__fake.runs.length)).toBe(0);
    await page.close();
  });
});
