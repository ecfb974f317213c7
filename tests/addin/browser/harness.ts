// What the task pane's Chromium tests share: the Vite build, a headless Chromium, and the pane opened with
// Office stubbed by the fake object model (tests/addin/browser/office-stub.ts) over the grids a test gives.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { build as esbuild } from 'esbuild';
import { chromium, type BrowserContext, type Page, type Route } from 'playwright-core';
import { build as viteBuild } from 'vite';
import { expect } from 'vitest';
import { findChromium } from '../../helpers/required-tools.ts';

export const CHROMIUM = findChromium() ?? '';
export const root = new URL('../../../', import.meta.url).pathname;
export const haveChromium = CHROMIUM !== '';

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.css': 'text/css',
};

/** Builds the pages with the add-in's Vite config into `outDir` (each test file its own, so they never race). */
export async function buildPane(outDir: string): Promise<void> {
  delete process.env.MOKUHYO_ADDIN_URL;
  await viteBuild({
    configFile: join(root, 'addin/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'mokuhyo-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: { width: 380, height: 1000 },
    locale: 'ja-JP',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Serves `dist` at https://localhost:3000 and the stubbed office.js; `extraRoute` may answer other requests. */
export async function servePane(
  page: Page,
  dist: string,
  officeJs: string,
  extraRoute?: (route: Route) => Promise<void> | undefined,
): Promise<void> {
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const extra = extraRoute?.(route);
    if (extra) return extra;
    if (url.host === 'appsforoffice.microsoft.com')
      return route.fulfill({ contentType: 'text/javascript', body: officeJs });
    const file = join(dist, decodeURIComponent(url.pathname));
    if (url.origin === 'https://localhost:3000' && file.startsWith(dist) && existsSync(file)) {
      return route.fulfill({
        contentType: TYPES[extname(file)] ?? 'application/octet-stream',
        body: readFileSync(file),
      });
    }
    return route.abort();
  });
}

/** Opens the task pane over a fake workbook ({grids, names, apiVersion, platform, …}) at the given size. */
export async function openPane(
  context: BrowserContext,
  dist: string,
  workbook: unknown,
  viewport: { width: number; height: number },
  extraRoute?: (route: Route) => Promise<void> | undefined,
): Promise<Page> {
  const stub = await esbuild({
    entryPoints: [join(root, 'tests/addin/browser/office-stub.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const script = `globalThis.__MOKUHYO_WORKBOOK__ = ${JSON.stringify(workbook)};\n${stub.outputFiles[0]!.text}`;
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await servePane(page, dist, script, extraRoute);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('https://localhost:3000/taskpane.html');
  await page.locator('main').waitFor();
  expect(errors).toEqual([]);
  return page;
}

/** The intake a test answers for: CORS headers on every answer, as `mokuhyo serve` sends for the pane's origin. */
export function corsJson(status: number, body: unknown) {
  return {
    status,
    contentType: 'application/json',
    headers: {
      'access-control-allow-origin': 'https://localhost:3000',
      'access-control-allow-headers': 'Authorization, Content-Type, X-Mokuhyo-Filename',
    },
    body: JSON.stringify(body),
  };
}

/** Whether the page scrolls sideways, and the widest element's right edge. */
export async function sideways(page: Page): Promise<{ overflow: number; widest: number }> {
  return page.evaluate(() => ({
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    widest: Math.max(...[...document.querySelectorAll('main *')].map((e) => e.getBoundingClientRect().right)),
  }));
}
