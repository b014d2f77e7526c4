import { describe, expect, it, vi } from 'vitest';
import { isAbortError, isServiceError, ResidentClient, ServiceError } from '../../../../src/data/service/residentClient';
import { APP_BASE_URL, caseworkerSession, fakeFetch, HTML_404 } from '../../support/fakeResidentService';

const client = (routes: Parameters<typeof fakeFetch>[0], options: { onSessionEnded?: () => void; timeoutMs?: number } = {}) => {
  const fake = fakeFetch(routes);
  return { client: new ResidentClient({ baseUrl: APP_BASE_URL, fetch: fake.fetch, ...options }), seen: fake.seen };
};

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('finding the resident-data service', () => {
  it('asks api/health under the document base, so an app under /twin/ asks /twin/api/health, with same-origin cookies', async () => {
    const { client: c, seen } = client({ 'GET health': { status: 200, body: { status: 'ok', store: 'pglite' } } });
    await expect(c.health()).resolves.toEqual({ status: 'ok', store: 'pglite' });
    expect(seen).toHaveLength(1);
    expect(seen[0].url).toBe('http://twin.example/twin/api/health');
    expect(seen[0].credentials).toBe('same-origin');
  });

  it("takes a static web server's HTML 404 page for 'no service'", async () => {
    await expect(client({ 'GET health': HTML_404 }).client.health()).resolves.toBeNull();
  });

  it("takes an HTML page answered with 200 (a single-page fallback serving index.html for every path) for 'no service'", async () => {
    await expect(client({ 'GET health': { status: 200, body: '<!doctype html><html></html>' } }).client.health()).resolves.toBeNull();
  });

  it("takes a 404 with an empty body, and no answer at all (network error), for 'no service'", async () => {
    await expect(client({ 'GET health': { status: 404, body: '' } }).client.health()).resolves.toBeNull();
    // No route: the fake rejects like fetch does when nothing listens.
    await expect(client({}).client.health()).resolves.toBeNull();
  });

  it('reports a service that is there but failing (500 with the contract error body) as an error, not as absent', async () => {
    const error = await failure(
      client({ 'GET health': { status: 500, body: { code: 'internal', message: 'store unavailable' } } }).client.health(),
    );
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: 'internal', status: 500, message: 'store unavailable' });
  });
});

describe('signing in and the CSRF token', () => {
  it('sends the token from the sign-in on the sign-out (DELETE), but not on the sign-in itself nor on reads', async () => {
    const { client: c, seen } = client({
      'POST session': { status: 200, body: caseworkerSession },
      'GET communities/sample-jinghe/people': { status: 200, body: { rows: [], total: 0, masked: true } },
      'DELETE session': { status: 204 },
    });
    await c.signIn({ username: 'wang.li', password: 'correct horse' });
    await c.people('sample-jinghe', { buildingId: 'JH-B002' });
    await c.signOut();
    const [signIn, read, signOut] = seen;
    expect(signIn.method).toBe('POST');
    expect(JSON.parse(signIn.body!)).toEqual({ username: 'wang.li', password: 'correct horse' });
    expect(signIn.headers['x-csrf-token']).toBeUndefined();
    expect(read.url).toBe('http://twin.example/twin/api/communities/sample-jinghe/people?buildingId=JH-B002');
    expect(read.headers['x-csrf-token']).toBeUndefined();
    expect(signOut.method).toBe('DELETE');
    expect(signOut.headers['x-csrf-token']).toBe('csrf-token-1');
  });

  it('picks the token up from an existing session (a reload keeps the cookie) and forgets it after signing out', async () => {
    const { client: c, seen } = client({
      'GET session': { status: 200, body: { ...caseworkerSession, csrfToken: 'from-reload' } },
      'DELETE session': { status: 204 },
    });
    await c.session();
    await c.signOut();
    await c.signOut();
    expect(seen.map((r) => r.headers['x-csrf-token'])).toEqual([undefined, 'from-reload', undefined]);
  });

  it('reads "no session" from 401 on the session check, without calling that an ended session', async () => {
    const ended = vi.fn();
    const { client: c } = client(
      { 'GET session': { status: 401, body: { code: 'unauthenticated', message: 'no session' } } },
      { onSessionEnded: ended },
    );
    await expect(c.session()).resolves.toBeNull();
    expect(ended).not.toHaveBeenCalled();
  });
});

describe('errors carry the contract code and the HTTP status', () => {
  it.each([
    [401, 'unauthenticated'],
    [423, 'locked'],
    [429, 'rate-limited'],
  ] as const)('a sign-in answered %i with the contract body is a ServiceError "%s"', async (status, code) => {
    const { client: c } = client({ 'POST session': { status, body: { code, message: `server says ${code}` } } });
    const error = await failure(c.signIn({ username: 'u', password: 'p' }));
    expect(isServiceError(error)).toBe(true);
    expect(error).toMatchObject({ code, status, message: `server says ${code}` });
  });

  it('maps the status when a proxy answers with its own HTML page instead of the contract body (429 → rate-limited, 502 → internal)', async () => {
    const limited = await failure(
      client({ 'POST session': { status: 429, body: '<html>Too Many Requests</html>' } }).client.signIn({ username: 'u', password: 'p' }),
    );
    expect(limited).toMatchObject({ code: 'rate-limited', status: 429 });
    const badGateway = await failure(
      client({ 'GET communities/c/people': { status: 502, body: '<html>Bad Gateway</html>' } }).client.people('c'),
    );
    expect(badGateway).toMatchObject({ code: 'internal', status: 502 });
  });

  it('gives a 403 on person rows as "forbidden" and keeps the session (another scope is not a lost session)', async () => {
    const ended = vi.fn();
    const { client: c } = client(
      { 'GET communities/c/people': { status: 403, body: { code: 'forbidden', message: 'outside your grid' } } },
      { onSessionEnded: ended },
    );
    expect(await failure(c.people('c', { buildingId: 'B9' }))).toMatchObject({ code: 'forbidden', status: 403 });
    expect(ended).not.toHaveBeenCalled();
  });

  it('reports a 401 on person rows as the end of the session (idle timeout), but not a wrong password at sign-in', async () => {
    const ended = vi.fn();
    const { client: c } = client(
      {
        'POST session': { status: 401, body: { code: 'unauthenticated', message: 'wrong password' } },
        'GET communities/c/people': { status: 401, body: { code: 'unauthenticated', message: 'session expired' } },
      },
      { onSessionEnded: ended },
    );
    await failure(c.signIn({ username: 'u', password: 'wrong' }));
    expect(ended).not.toHaveBeenCalled();
    expect(await failure(c.people('c'))).toMatchObject({ code: 'unauthenticated', status: 401 });
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('says "unavailable" with status 0 when a call gets no answer at all', async () => {
    expect(await failure(client({}).client.people('c'))).toMatchObject({ code: 'unavailable', status: 0 });
  });
});

describe('abort and timeout', () => {
  it("rejects with the caller's AbortError when the caller aborts (a new selection), which is not a ServiceError", async () => {
    const { client: c } = client({ 'GET communities/c/people': 'hang' });
    const controller = new AbortController();
    const pending = c.people('c', { houseId: 'H1' }, controller.signal);
    controller.abort();
    const error = await failure(pending);
    expect(isAbortError(error)).toBe(true);
    expect(isServiceError(error)).toBe(false);
  });

  it('fails with "timeout" when the service does not answer in time', async () => {
    const { client: c } = client({ 'GET communities/c/people': 'hang' }, { timeoutMs: 20 });
    expect(await failure(c.people('c'))).toMatchObject({ code: 'timeout', status: 0 });
  });
});
