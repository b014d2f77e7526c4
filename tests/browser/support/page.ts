import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

let browser: Browser | undefined;

/** The shared Chromium started by the global setup. */
export async function sharedBrowser(): Promise<Browser> {
  browser ??= await chromium.connect(inject('browserWsEndpoint'));
  return browser;
}

export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Every URL the page (and its workers) requested. */
  requests: string[];
  consoleErrors: string[];
  close(): Promise<void>;
}

/**
 * Opens the built app with a query string, in the light render profile, and records every request
 * and console error so tests can check that nothing leaves the app's origin.
 */
export async function openApp(query = '', viewport = { width: 1600, height: 900 }, appUrl: string = inject('appUrl')): Promise<AppPage> {
  const b = await sharedBrowser();
  const context = await b.newContext({ viewport, deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    // A static copy has no resident-data service: the app's probe of api/health gets the static server's
    // 404, which Chromium logs as "Failed to load resource". That one is expected; any other is not.
    if (isServiceProbe(message.location().url)) return;
    consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  const separator = query ? '&' : '';
  await page.goto(`${appUrl}?profile=light${separator}${query.replace(/^\?/, '')}`);
  return { page, context, requests, consoleErrors, close: () => context.close() };
}

/** The app's probe of the resident-data service (`api/health` under the app's base). */
function isServiceProbe(url: string): boolean {
  return /\/api\/health$/.test(url);
}

/** Waits for `<html data-ready="true">`: the community is loaded and completely drawn. */
export async function waitForDataReady(page: Page, timeoutMs = 150_000): Promise<void> {
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: timeoutMs });
}

/** Resolves after Cesium has drawn one more frame (render-on-demand makes frames sparse). */
export async function nextFrame(page: Page): Promise<void> {
  await page.evaluate(() => window.__twin!.nextFrame());
}

export async function saveScreenshot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}
