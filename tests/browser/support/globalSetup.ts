import { existsSync } from 'node:fs';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { serveStatic, type StaticSite } from './staticServer.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium from calling home, plus software WebGL through SwiftShader. */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

declare module 'vitest' {
  export interface ProvidedContext {
    browserWsEndpoint: string;
    appUrl: string;
  }
}

let browserServer: BrowserServer | undefined;
let site: StaticSite | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `npm run build` before the browser tests');
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium fonts-noto-cjk`);
  site = await serveStatic('dist', '/twin/');
  browserServer = await chromium.launchServer({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  project.provide('browserWsEndpoint', browserServer.wsEndpoint());
  project.provide('appUrl', site.url);
  return async () => {
    await browserServer?.close();
    await site?.close();
  };
}
