import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app';
import { migrate } from '../../src/server/db/migrate';
import { openPgliteStore } from '../../src/server/db/pgliteStore';
import type { Store } from '../../src/server/db/store';
import { seedSample } from '../../src/server/seed';
import { createUser } from '../../src/server/users';
import { openApp, saveScreenshot, waitForDataReady, type AppPage } from './support/page';

/**
 * The app with the real resident-data service (in-process: embedded PGlite in memory, serving the
 * built dist/ on one origin), signed in through the header's form as each role: what the building
 * panel and the 分层分户 inspector show. The public sees aggregates only; a caseworker sees masked
 * rows of their grid cell's buildings and a 403 message elsewhere; an administrator sees rows as
 * they are; signing out takes them away. A display name with markup is shown as text.
 */
const PASSWORD = 'correct horse battery staple';
const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

let server: FastifyInstance;
let store: Store;
let appUrl: string;
/** A building in the caseworker's grid cell with residents, one with residents outside it, and a home with residents in the first. */
let inGrid: string;
let outsideGrid: string;
let homeInGrid: string;

beforeAll(async () => {
  store = await openPgliteStore();
  await migrate(store);
  await seedSample(store);
  const [cell] = await store.query<{ id: string }>('SELECT id FROM grid_cells ORDER BY id LIMIT 1');
  const accounts = [
    { username: 'cw', displayName: '社工王', role: 'caseworker' as const, gridIds: [cell.id] },
    { username: 'admin', displayName: '管理员李', role: 'administrator' as const, gridIds: [] },
    { username: 'hostile', displayName: HOSTILE_NAME, role: 'caseworker' as const, gridIds: [cell.id] },
  ];
  for (const a of accounts) await createUser(store, { ...a, communityId: 'sample-jinghe', password: PASSWORD });
  // Person rows pass row-level security only with a scope set: read them as a city-wide administrator (as the seed writes them).
  await store.transaction(async (tx) => {
    await tx.query("SELECT set_config('app.role', 'administrator', true), set_config('app.community_id', '', true)");
    // Buildings by their residents, most first, on each side of the caseworker's grid cell.
    const byGrid = await tx.query<{ building_id: string; inside: boolean; n: number }>(
      `SELECT p.building_id, coalesce(b.grid_id = $1, false) AS inside, count(*)::int AS n
         FROM people p JOIN buildings b ON b.id = p.building_id GROUP BY p.building_id, b.grid_id ORDER BY n DESC, p.building_id`,
      [cell.id],
    );
    inGrid = byGrid.find((b) => b.inside && b.n < 200)!.building_id;
    outsideGrid = byGrid.find((b) => !b.inside)!.building_id;
    const [home] = await tx.query<{ house_id: string }>(
      'SELECT house_id FROM people WHERE building_id = $1 GROUP BY house_id ORDER BY count(*) DESC, house_id LIMIT 1',
      [inGrid],
    );
    homeInGrid = home.house_id;
  });
  server = await buildServer({ store, distDir: path.resolve('dist'), baseConfigFile: path.resolve('models/base.json') });
  await server.listen({ host: '127.0.0.1', port: 0 });
  appUrl = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}/`;
}, 120_000);

afterAll(async () => {
  await server?.close();
  await store?.close();
});

async function openBuilding(buildingId: string): Promise<AppPage> {
  const app = await openApp(`building=${buildingId}`, undefined, appUrl);
  await waitForDataReady(app.page);
  return app;
}

/** Reloads the same browser context (same session cookie) on another building. */
async function goToBuilding(app: AppPage, buildingId: string): Promise<void> {
  await app.page.goto(`${appUrl}?profile=light&building=${buildingId}`);
  await waitForDataReady(app.page);
}

async function signIn(page: Page, username: string): Promise<void> {
  await page.getByTestId('session-sign-in').click();
  await page.getByTestId('session-username').fill(username);
  await page.getByTestId('session-password').fill(PASSWORD);
  await page.getByTestId('session-submit').click();
  await page.getByTestId('session-user').waitFor();
}

/** The identifier cells (name, phone, ID number) of the shown person rows. */
async function nameCells(page: Page, testId: string): Promise<string[]> {
  const rows = page.getByTestId(testId);
  await rows.waitFor();
  await rows.locator('summary').click();
  // Columns: id, age band, sex, tags, name, phone, ID number.
  return rows.locator('tbody tr td:nth-child(5)').allTextContents();
}

const peopleRequests = (app: AppPage) => app.requests.filter((url) => url.includes('/api/communities/'));

/**
 * Console errors other than the browser's own lines for answers the contract gives on purpose: 401
 * for the session check without a session and for a wrong password, 403 outside the grid cell.
 */
const unexpectedErrors = (app: AppPage) =>
  app.consoleErrors.filter((e) => !/^Failed to load resource: the server responded with a status of 40[13]\b/.test(e));

describe('signed in to the resident-data service', () => {
  it('shows the public aggregates only, asking for no person rows, with a sign-in button and no static-copy badge', async () => {
    const app = await openBuilding(inGrid);
    try {
      await app.page.getByTestId('session-sign-in').waitFor();
      await expect(app.page.getByTestId('static-copy-badge').count()).resolves.toBe(0);
      await expect(app.page.getByTestId('building-people').count()).resolves.toBe(0);
      await expect(app.page.getByTestId('building-people-status').textContent()).resolves.toBe('当前角色仅可查看汇总数据。');
      expect(peopleRequests(app)).toEqual([]);
      expect(unexpectedErrors(app)).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it("shows a caseworker masked rows of their grid cell's building and its homes, and a 403 message for a building outside it", async () => {
    const app = await openBuilding(inGrid);
    try {
      // The sign-in form opens over the building panel (header z-index), not under it.
      await app.page.getByTestId('session-sign-in').click();
      const form = app.page.getByTestId('session-form');
      const box = (await form.boundingBox())!;
      const topmost = await app.page.evaluate(
        ({ x, y }) => document.elementFromPoint(x, y)?.closest('[data-testid=session-form]') !== null,
        { x: box.x + box.width / 2, y: box.y + box.height / 2 },
      );
      expect(topmost).toBe(true);
      // A wrong password is said as text, and the form stays.
      await app.page.getByTestId('session-username').fill('cw');
      await app.page.getByTestId('session-password').fill('not the password');
      await app.page.getByTestId('session-submit').click();
      await expect(app.page.getByTestId('session-error').textContent()).resolves.toBe('用户名或密码错误。');
      await app.page.getByTestId('session-sign-in').click();
      await signIn(app.page, 'cw');
      await expect(app.page.getByTestId('session-user').textContent()).resolves.toBe('社工王 · 社工（脱敏明细）');
      await expect(app.page.getByTestId('building-people').getAttribute('data-masked')).resolves.toBe('true');
      const names = await nameCells(app.page, 'building-people');
      expect(names.length).toBeGreaterThan(0);
      // Masked on the server: the surname and stars (mask.ts), never a whole name.
      for (const name of names) expect(name).toMatch(/^\S{1,2}\*+$/);
      await saveScreenshot(app.page, 'roles-caseworker-building');

      // One home in the 分层分户 inspector: its residents, masked the same way.
      await app.page.getByTestId('inspector-open').click();
      await app.page.locator('[data-testid=inspector][data-inspector-ready=true]').waitFor({ timeout: 60_000 });
      const position = await app.page.evaluate((id) => window.__twinInspector!.unitScreenPosition(id), homeInGrid);
      expect(position).not.toBeNull();
      await app.page.mouse.click(position!.x, position!.y);
      await app.page.locator(`[data-testid=inspector-unit][data-unit-id="${homeInGrid}"]`).waitFor();
      for (const name of await nameCells(app.page, 'inspector-people')) expect(name).toMatch(/^\S{1,2}\*+$/);
      await saveScreenshot(app.page, 'roles-caseworker-inspector');

      // Outside the grid cell: the service says 403 and the panel says so (the session is kept).
      await goToBuilding(app, outsideGrid);
      await expect(app.page.getByTestId('session-user').isVisible()).resolves.toBe(true);
      await expect(app.page.getByTestId('building-people-status').textContent()).resolves.toBe('当前账号无权查看此范围的居民明细。');
      await expect(app.page.getByTestId('building-people').count()).resolves.toBe(0);
      expect(unexpectedErrors(app)).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('shows an administrator the rows unmasked, and signing out takes them away', async () => {
    const app = await openBuilding(outsideGrid);
    try {
      await signIn(app.page, 'admin');
      await expect(app.page.getByTestId('building-people').getAttribute('data-masked')).resolves.toBe('false');
      const names = await nameCells(app.page, 'building-people');
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) expect(name).not.toContain('*');
      await saveScreenshot(app.page, 'roles-administrator-building');
      await app.page.getByTestId('session-sign-out').click();
      await app.page.getByTestId('session-sign-in').waitFor();
      await expect(app.page.getByTestId('building-people').count()).resolves.toBe(0);
      await expect(app.page.getByTestId('building-people-status').textContent()).resolves.toBe('当前角色仅可查看汇总数据。');
      expect(unexpectedErrors(app)).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('shows a display name with markup as text: no element made, no script run', async () => {
    const app = await openBuilding(inGrid);
    const dialogs: string[] = [];
    app.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      await signIn(app.page, 'hostile');
      await expect(app.page.getByTestId('session-display-name').textContent()).resolves.toBe(HOSTILE_NAME);
      await expect(app.page.locator('header img').count()).resolves.toBe(0);
      expect(dialogs).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
