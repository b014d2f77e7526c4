import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../../src/server/db/migrate';
import type { Store } from '../../../src/server/db/store';
import { seedSample, syntheticIdentifiers } from '../../../src/server/seed';
import { buildServer } from '../../../src/server/app';
import { decodeCsv, parsePeopleCsv } from '../../../src/server/people';
import { freshStore, STORE_KINDS } from './testServer';

describe.each(STORE_KINDS)('migrations and seed on %s', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore(kind);
  }, 60_000);
  afterAll(() => store?.close());

  it('applies each migration once and seeds the sample once', async () => {
    expect(await migrate(store)).toEqual(['001_schema.sql', '002_row_level_security.sql']);
    expect(await migrate(store)).toEqual([]);
    // 9665 people in models/sample-jinghe/people.csv (9666 lines with the header); 203 buildings.
    expect(await seedSample(store)).toEqual({ seeded: true, people: 9665 });
    expect(await seedSample(store)).toEqual({ seeded: false, people: 0 });
    const [counts] = await store.query<{ buildings: number; grids: number; buildingCounts: number }>(
      'SELECT (SELECT count(*)::int FROM buildings) AS buildings, (SELECT count(*)::int FROM grid_cells) AS grids, (SELECT count(*)::int FROM building_counts) AS "buildingCounts"',
    );
    expect(counts).toEqual({ buildings: 203, grids: 4, buildingCounts: 203 });
  }, 60_000);

  it('enables and forces row-level security on people and rights, with a non-owner role that cannot bypass it', async () => {
    const tables = await store.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      "SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname IN ('people', 'rights') AND relnamespace = current_schema()::regnamespace ORDER BY relname",
    );
    expect(tables).toEqual([
      { relname: 'people', relrowsecurity: true, relforcerowsecurity: true },
      { relname: 'rights', relrowsecurity: true, relforcerowsecurity: true },
    ]);
    const [role] = await store.query("SELECT rolsuper, rolbypassrls, rolcanlogin FROM pg_roles WHERE rolname = 'fct_app'");
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcanlogin: false });
  });
});

describe('synthetic identifiers', () => {
  it('are visibly fake: 170 phones, region code 000000 and birth date 19000101', () => {
    expect(syntheticIdentifiers(1)).toEqual({ name: '李伟', phone: '17000000001', idNumber: '000000190001010001' });
    expect(syntheticIdentifiers(18).name).toBe('欧阳伟');
  });
});

describe('people CSV', () => {
  const houses = new Set(['H-1']);
  it('names every bad row and field', () => {
    const { problems } = parsePeopleCsv('id,houseId,ageBand,sex,tags\nP-1,H-2,18-59,F,\nP-2,H-1,99+,M,flying\n', houses);
    expect(problems).toEqual([
      { row: 2, field: 'houseId', reason: 'no such house in this community' },
      { row: 3, field: 'ageBand', reason: expect.any(String) },
      { row: 3, field: 'tags', reason: expect.any(String) },
    ]);
  });
  it('names a missing column', () => {
    expect(parsePeopleCsv('id,houseId,sex\nP-1,H-1,F\n', houses).problems).toEqual([
      { row: 1, field: 'ageBand', reason: 'missing column' },
    ]);
  });
  it('decodes UTF-8 with a BOM and GBK by charset', () => {
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]), undefined)).toBe('a');
    expect(decodeCsv(new Uint8Array([0xd5, 0xc5]), 'gb2312')).toBe('张');
  });
});

describe('service shell', () => {
  it('rate-limits sign-in per address with 429', async () => {
    const store = await freshStore('pglite');
    await migrate(store);
    const app = await buildServer({ store, signInAttemptsPerWindow: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'nobody', password: 'x' } })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect((await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'nobody', password: 'x' } })).json().code).toBe(
      'rate-limited',
    );
    await app.close();
    await store.close();
  }, 60_000);

  it('refuses a JSON body over 1 MiB with 413', async () => {
    const store = await freshStore('pglite');
    await migrate(store);
    const app = await buildServer({ store });
    const response = await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'a', password: 'x'.repeat(1024 * 1024 + 10) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('too-large');
    await app.close();
    await store.close();
  }, 60_000);

  it('serves the built app at / with the security headers, and missing files as JSON 404 (no index.html fallback)', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'fct-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
    const store = await freshStore('pglite');
    await migrate(store);
    const app = await buildServer({ store, distDir: dist, baseConfigFile: 'models/base.json' });
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>app</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    for (const url of ['/api/nothing', '/models/nothing.geojson']) {
      const missing = await app.inject({ method: 'GET', url });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().code).toBe('not-found');
    }
    await app.close();
    await store.close();
    rmSync(dist, { recursive: true });
  }, 60_000);
});
