import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoped } from '../../../src/server/db/store';
import { lastAudit, PASSWORD, signIn, startService, STORE_KINDS, type SignedIn, type TestService } from './testServer';

/*
 * Expected figures, hand-checked against the sample files with a short script over
 * models/sample-jinghe/{people.csv,houses.csv,buildings.geojson,grids.geojson}:
 * 9665 people; grid-1 holds 2805 of them (building centroid in the cell); JH-B002 lies in grid-1
 * with 72 people, 13 aged 60+, 3 tagged infant; JH-B010 (103 people) lies outside grid-1.
 */
const COMMUNITY = 'sample-jinghe';
const INJECTION = "' OR 1=1 --";

describe.each(STORE_KINDS)('resident-data service on %s', (kind) => {
  let service: TestService;
  let admin: SignedIn;
  let caseworker: SignedIn;
  let viewer: SignedIn;

  beforeAll(async () => {
    service = await startService(kind, { maxFailedSignIns: 10, signInAttemptsPerWindow: 1000 });
    admin = await signIn(service.app, 'admin');
    caseworker = await signIn(service.app, 'cw1');
    viewer = await signIn(service.app, 'viewer');
  }, 120_000);
  afterAll(async () => {
    await service?.app.close();
    await service?.store.close();
  });

  const get = (url: string, who?: SignedIn) => service.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });

  it('answers health with the store kind and sends the security headers', async () => {
    const response = await get('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', store: kind });
    expect(response.headers['content-security-policy']).toMatch(/^default-src 'self'/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('lists every route in the OpenAPI document', async () => {
    const paths = Object.keys((await get('/api/openapi.json')).json().paths);
    for (const path of [
      '/api/health',
      '/api/session',
      '/api/communities/{communityId}/people',
      '/api/communities/{communityId}/rights',
      '/api/communities/{communityId}/aggregates',
      '/api/communities/{communityId}/import/people',
      '/api/audit',
    ])
      expect(paths).toContain(path);
  });

  it('sets an httpOnly, SameSite=Strict session cookie on /api and never stores the token itself', async () => {
    const response = await service.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: PASSWORD } });
    const cookie = response.cookies.find((c) => c.name === 'fct_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api' });
    const stored = await service.store.query<{ token_sha256: string }>('SELECT token_sha256 FROM sessions');
    expect(stored.map((s) => s.token_sha256)).not.toContain(cookie.value);
    expect(response.json().user).toEqual({
      username: 'admin',
      displayName: 'admin',
      role: 'administrator',
      communityId: COMMUNITY,
      gridIds: [],
    });
  });

  it('gives a caseworker only their grid cell, masked, and audits the read', async () => {
    const response = await get(`/api/communities/${COMMUNITY}/people?limit=10000`, caseworker);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.total).toBe(2805);
    expect(body.rows).toHaveLength(2805);
    expect(body.masked).toBe(true);
    // Seeded phones are 170 + 8 digits: masked to 170****dddd; ID numbers 000***********dddd.
    expect(body.rows[0].phone).toMatch(/^170\*{4}\d{4}$/);
    expect(body.rows[0].idNumber).toMatch(/^000\*{11}\d{4}$/);
    expect(body.rows[0].name).toMatch(/\*/);
    expect(await lastAudit(service.store)).toMatchObject({
      username: 'cw1',
      action: 'read-people',
      community_id: COMMUNITY,
      row_count: 2805,
    });
  });

  it('gives an administrator the building unmasked', async () => {
    const body = (await get(`/api/communities/${COMMUNITY}/people?buildingId=JH-B002`, admin)).json();
    expect(body.total).toBe(72);
    expect(body.masked).toBe(false);
    expect(body.rows[0].phone).toMatch(/^170\d{8}$/);
    expect(await lastAudit(service.store)).toMatchObject({
      username: 'admin',
      action: 'read-people',
      target: 'buildingId=JH-B002',
      row_count: 72,
    });
  });

  it('refuses a caseworker a building outside their grid (403, audited) and never returns its rows', async () => {
    const response = await get(`/api/communities/${COMMUNITY}/people?buildingId=JH-B010`, caseworker);
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('forbidden');
    expect(await lastAudit(service.store)).toMatchObject({
      username: 'cw1',
      action: 'denied',
      target: 'read-people buildingId=JH-B010',
      row_count: 0,
    });
    const rights = await get(`/api/communities/${COMMUNITY}/rights?buildingId=JH-B010`, caseworker);
    expect(rights.statusCode).toBe(403);
  });

  it('refuses the public role person rows (403, audited) and everyone without a session (401)', async () => {
    const response = await get(`/api/communities/${COMMUNITY}/people`, viewer);
    expect(response.statusCode).toBe(403);
    expect(await lastAudit(service.store)).toMatchObject({ username: 'viewer', action: 'denied' });
    expect((await get(`/api/communities/${COMMUNITY}/people`)).statusCode).toBe(401);
    expect(await lastAudit(service.store)).toMatchObject({
      username: null,
      action: 'denied',
      community_id: COMMUNITY,
      target: 'unauthenticated GET /api/communities/:communityId/people',
    });
    expect((await get('/api/audit', caseworker)).statusCode).toBe(403);
  });

  it('refuses another community', async () => {
    expect((await get('/api/communities/other-community/people', caseworker)).statusCode).toBe(403);
  });

  it('keeps row-level security in the database: the request role without scope settings sees no person rows', async () => {
    const [{ people }] = await scoped(service.store, undefined, (tx) =>
      tx.query<{ people: number }>('SELECT count(*)::int AS people FROM people'),
    );
    const [{ rights }] = await scoped(service.store, undefined, (tx) =>
      tx.query<{ rights: number }>('SELECT count(*)::int AS rights FROM rights'),
    );
    expect({ people, rights }).toEqual({ people: 0, rights: 0 });
    const [{ scopedPeople }] = await scoped(service.store, { role: 'caseworker', communityId: COMMUNITY, gridIds: ['grid-1'] }, (tx) =>
      tx.query<{ scopedPeople: number }>('SELECT count(*)::int AS "scopedPeople" FROM people'),
    );
    expect(scopedPeople).toBe(2805);
  });

  it('keeps the audit log append-only, for the request role and for the owner', async () => {
    await expect(service.store.query("UPDATE audit_log SET action = 'sign-in'")).rejects.toThrow();
    await expect(service.store.query('DELETE FROM audit_log')).rejects.toThrow();
    await expect(
      scoped(service.store, { role: 'administrator', communityId: null, gridIds: [] }, (tx) => tx.query('DELETE FROM audit_log')),
    ).rejects.toThrow();
  });

  it('turns SQL injection payloads into 4xx with no rows', async () => {
    const q = encodeURIComponent(INJECTION);
    for (const url of [
      `/api/communities/${q}/people`,
      `/api/communities/${COMMUNITY}/people?buildingId=${q}`,
      `/api/communities/${COMMUNITY}/people?houseId=${q}`,
    ]) {
      for (const who of [admin, caseworker]) {
        const response = await get(url, who);
        expect(response.statusCode).toBeGreaterThanOrEqual(400);
        expect(response.statusCode).toBeLessThan(500);
        expect(response.json().rows).toBeUndefined();
      }
    }
    const signInResponse = await service.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: INJECTION, password: INJECTION },
    });
    expect(signInResponse.statusCode).toBe(401);
  });

  it('serves aggregates to anyone, with counts of 1–4 suppressed on the server', async () => {
    const body = (await get(`/api/communities/${COMMUNITY}/aggregates`)).json();
    expect(body.minimumCount).toBe(5);
    const b002 = body.rows.find((r: { buildingId: string }) => r.buildingId === 'JH-B002');
    expect(b002).toMatchObject({ residents: 72, elderly: 13, infants: null });
    expect((await get('/api/communities/nowhere/aggregates')).statusCode).toBe(404);
  });

  it('refuses an unsafe request without the CSRF token (403 csrf)', async () => {
    const response = await service.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie: caseworker.cookie } });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('csrf');
  });

  it('signs out: the cookie replayed afterwards gets 401', async () => {
    const session = await signIn(service.app, 'cw1');
    const out = await service.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    });
    expect(out.statusCode).toBe(204);
    expect(await lastAudit(service.store)).toMatchObject({ username: 'cw1', action: 'sign-out' });
    expect((await get(`/api/communities/${COMMUNITY}/people`, session)).statusCode).toBe(401);
    expect((await get('/api/session', session)).statusCode).toBe(401);
  });

  it('ends a session idle for longer than the timeout (30 min)', async () => {
    const session = await signIn(service.app, 'cw1');
    service.clock.nowMs += 29 * 60 * 1000;
    expect((await get('/api/session', session)).statusCode).toBe(200);
    service.clock.nowMs += 31 * 60 * 1000;
    expect((await get('/api/session', session)).statusCode).toBe(401);
  });

  it('locks an account after 10 failures: 20 wrong passwords end in 423, and then even the right one is refused', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      statuses.push(
        (await service.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'viewer', password: 'wrong' } })).statusCode,
      );
    }
    expect(statuses.slice(0, 9)).toEqual(Array(9).fill(401));
    expect(statuses.slice(9)).toEqual(Array(11).fill(423));
    const right = await service.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'viewer', password: PASSWORD } });
    expect(right.statusCode).toBe(423);
    expect(await lastAudit(service.store)).toMatchObject({ username: 'viewer', action: 'sign-in-failed', target: 'locked' });
    // 15 minutes later the account opens again.
    service.clock.nowMs += 16 * 60 * 1000;
    expect(
      (await service.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'viewer', password: PASSWORD } })).statusCode,
    ).toBe(200);
  }, 60_000);

  it('never writes passwords, names, phones or ID numbers into the audit log', async () => {
    const rows = await service.store.query<Record<string, unknown>>('SELECT * FROM audit_log');
    const text = JSON.stringify(rows);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toMatch(/170\d{8}/);
    expect(text).not.toMatch(/0{6}19000101/);
  });

  it('shows administrators the audit log', async () => {
    // A fresh session: the clock tests above let the first one idle out.
    const response = await get('/api/audit?limit=5', await signIn(service.app, 'admin'));
    expect(response.statusCode).toBe(200);
    expect(response.json().rows).toHaveLength(5);
  });
});

describe.each(STORE_KINDS)('people import on %s', (kind) => {
  let service: TestService;
  let admin: SignedIn;
  beforeAll(async () => {
    service = await startService(kind);
    admin = await signIn(service.app, 'admin');
  }, 120_000);
  afterAll(async () => {
    await service?.app.close();
    await service?.store.close();
  });
  const importCsv = (body: Buffer | string, contentType = 'text/csv; charset=utf-8', who: SignedIn = admin) =>
    service.app.inject({
      method: 'POST',
      url: `/api/communities/${COMMUNITY}/import/people`,
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': contentType },
      payload: body,
    });
  const countPeople = async () =>
    (
      await scoped(service.store, { role: 'administrator', communityId: null, gridIds: [] }, (tx) =>
        tx.query<{ n: number }>('SELECT count(*)::int AS n FROM people'),
      )
    )[0].n;

  it('rejects a file with a bad row, naming row and field, and writes nothing', async () => {
    const csv = 'id,houseId,ageBand,sex,tags\nP-1,JH-B002-1-0101,18-59,F,\nP-2,JH-B002-1-0101,18-59,X,\n';
    const response = await importCsv(csv);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid', details: [{ row: 3, field: 'sex' }] });
    expect(await countPeople()).toBe(9665);
  });

  it('refuses the import without the CSRF token and for a caseworker', async () => {
    const csv = 'id,houseId,ageBand,sex,tags\nP-1,JH-B002-1-0101,18-59,F,\n';
    const noCsrf = await service.app.inject({
      method: 'POST',
      url: `/api/communities/${COMMUNITY}/import/people`,
      headers: { cookie: admin.cookie, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('csrf');
    const caseworker = await signIn(service.app, 'cw1');
    expect((await importCsv(csv, 'text/csv', caseworker)).statusCode).toBe(403);
    expect(await countPeople()).toBe(9665);
  });

  it('imports a GBK file (by charset) and replaces the community’s people', async () => {
    // "张三" in GBK is D5 C5 C8 FD (GB 2312 code points 5525 and 4843 + 0x8080).
    const head = Buffer.from('id,houseId,ageBand,sex,tags,name,phone,idNumber\nP-1,JH-B002-1-0101,60-69,F,living-alone-elderly,', 'ascii');
    const tail = Buffer.from(',17000000001,000000190001010001\n', 'ascii');
    const gbk = Buffer.concat([head, Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]), tail]);
    const response = await importCsv(gbk, 'text/csv; charset=GBK');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ imported: 1 });
    const people = (
      await service.app.inject({ method: 'GET', url: `/api/communities/${COMMUNITY}/people`, headers: { cookie: admin.cookie } })
    ).json();
    expect(people.rows).toEqual([
      {
        id: 'P-1',
        houseId: 'JH-B002-1-0101',
        buildingId: 'JH-B002',
        ageBand: '60-69',
        sex: 'F',
        tags: ['living-alone-elderly'],
        name: '张三',
        phone: '17000000001',
        idNumber: '000000190001010001',
      },
    ]);
    const audit = await service.store.query<{ action: string; row_count: number }>(
      "SELECT action, row_count FROM audit_log WHERE action = 'import' ORDER BY id DESC LIMIT 1",
    );
    expect(audit).toEqual([{ action: 'import', row_count: 1 }]);
    // The aggregates follow the import: one resident in JH-B002 is a small cell.
    const aggregates = (await service.app.inject({ method: 'GET', url: `/api/communities/${COMMUNITY}/aggregates` })).json();
    expect(aggregates.rows.find((r: { buildingId: string }) => r.buildingId === 'JH-B002').residents).toBeNull();
  });

  it('falls back to GBK when the bytes are not UTF-8 and no charset is given', async () => {
    const gbk = Buffer.concat([
      Buffer.from('id,houseId,ageBand,sex,tags,name\nP-9,JH-B002-1-0101,18-59,M,,', 'ascii'),
      Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]),
      Buffer.from('\n', 'ascii'),
    ]);
    expect((await importCsv(gbk, 'text/csv')).json()).toEqual({ imported: 1 });
    const people = (
      await service.app.inject({ method: 'GET', url: `/api/communities/${COMMUNITY}/people`, headers: { cookie: admin.cookie } })
    ).json();
    expect(people.rows[0].name).toBe('张三');
  });
});
