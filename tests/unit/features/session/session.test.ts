import { describe, expect, it } from 'vitest';
import { residentClientFor, residentClientOf, setResidentClient } from '../../../../src/features/session/client';
import { checkService, signIn, signOut } from '../../../../src/features/session/commands';
import { createAppStore } from '../../../../src/stores/appStore';
import { APP_BASE_URL, caseworkerSession, fakeFetch, HTML_404 } from '../../support/fakeResidentService';

const HEALTHY = { status: 200, body: { status: 'ok', store: 'pglite' } };
const NO_SESSION = { status: 401, body: { code: 'unauthenticated', message: 'no session' } };

function storeWith(routes: Parameters<typeof fakeFetch>[0]) {
  const store = createAppStore();
  const fake = fakeFetch(routes);
  setResidentClient(store, residentClientFor(store, { baseUrl: APP_BASE_URL, fetch: fake.fetch }));
  return { store, seen: fake.seen };
}

describe('session slice', () => {
  it('starts checking, as the public, without a session', () => {
    const { serviceStatus, session, role, sessionNotice } = createAppStore().getState();
    expect({ serviceStatus, session, role, sessionNotice }).toEqual({
      serviceStatus: 'checking',
      session: null,
      role: 'public',
      sessionNotice: null,
    });
  });

  it('takes the role from the session, and goes back to the public when it ends', () => {
    const store = createAppStore();
    store.getState().serviceChecked('online');
    store.getState().sessionStarted(caseworkerSession);
    expect(store.getState().role).toBe('caseworker');
    store.getState().sessionEnded('signed-out');
    expect(store.getState()).toMatchObject({ session: null, role: 'public', sessionNotice: null });
  });

  it('says the session ended when the service ended it, and a new sign-in clears that', () => {
    const store = createAppStore();
    store.getState().sessionStarted(caseworkerSession);
    store.getState().sessionEnded('expired');
    expect(store.getState()).toMatchObject({ session: null, role: 'public', sessionNotice: 'expired' });
    store.getState().sessionStarted(caseworkerSession);
    expect(store.getState().sessionNotice).toBeNull();
  });

  it('ends nothing (and says nothing) when there was no session', () => {
    const store = createAppStore();
    store.getState().sessionEnded('expired');
    expect(store.getState().sessionNotice).toBeNull();
  });

  it('drops a session when the service turns out to be absent: a static copy is public only', () => {
    const store = createAppStore();
    store.getState().sessionStarted({ ...caseworkerSession, user: { ...caseworkerSession.user, role: 'administrator' } });
    store.getState().serviceChecked('offline');
    expect(store.getState()).toMatchObject({ serviceStatus: 'offline', session: null, role: 'public' });
  });
});

describe('checking for the service at start', () => {
  it('goes offline on a static copy (HTML 404 for api/health) and asks nothing else', async () => {
    const { store, seen } = storeWith({ 'GET health': HTML_404 });
    await checkService(store);
    expect(store.getState()).toMatchObject({ serviceStatus: 'offline', role: 'public' });
    expect(seen.map((r) => r.url)).toEqual(['http://twin.example/twin/api/health']);
  });

  it('goes online and stays public when the browser holds no session', async () => {
    const { store } = storeWith({ 'GET health': HEALTHY, 'GET session': NO_SESSION });
    await checkService(store);
    expect(store.getState()).toMatchObject({ serviceStatus: 'online', session: null, role: 'public' });
  });

  it('resumes a session the browser still holds (after a reload) with its role', async () => {
    const { store } = storeWith({ 'GET health': HEALTHY, 'GET session': { status: 200, body: caseworkerSession } });
    await checkService(store);
    expect(store.getState()).toMatchObject({ serviceStatus: 'online', role: 'caseworker' });
    expect(store.getState().session?.user.displayName).toBe('王丽');
  });
});

describe('signing in and out', () => {
  it('signs in with the role the service gives, and a 401 on a later call ends the session with a notice', async () => {
    const { store } = storeWith({
      'GET health': HEALTHY,
      'GET session': NO_SESSION,
      'POST session': { status: 200, body: caseworkerSession },
      'GET communities/sample-jinghe/people': { status: 401, body: { code: 'unauthenticated', message: 'idle timeout' } },
    });
    await checkService(store);
    await signIn(store, { username: 'wang.li', password: 'pw' });
    expect(store.getState().role).toBe('caseworker');
    await expect(residentClientOf(store).people('sample-jinghe', { buildingId: 'JH-B002' })).rejects.toMatchObject({ status: 401 });
    expect(store.getState()).toMatchObject({ session: null, role: 'public', sessionNotice: 'expired' });
  });

  it('keeps the public role and throws the contract error on a locked account', async () => {
    const { store } = storeWith({ 'POST session': { status: 423, body: { code: 'locked', message: 'locked for 15 minutes' } } });
    await expect(signIn(store, { username: 'wang.li', password: 'pw' })).rejects.toMatchObject({ code: 'locked', status: 423 });
    expect(store.getState()).toMatchObject({ session: null, role: 'public' });
  });

  it('signs out with the CSRF token, and forgets the session even when the service cannot be reached', async () => {
    const { store, seen } = storeWith({ 'POST session': { status: 200, body: caseworkerSession }, 'DELETE session': { status: 204 } });
    await signIn(store, { username: 'wang.li', password: 'pw' });
    await signOut(store);
    expect(seen[1]).toMatchObject({ method: 'DELETE', headers: { 'x-csrf-token': 'csrf-token-1' } });
    expect(store.getState()).toMatchObject({ session: null, role: 'public', sessionNotice: null });

    const unreachable = storeWith({ 'POST session': { status: 200, body: caseworkerSession } });
    await signIn(unreachable.store, { username: 'wang.li', password: 'pw' });
    await signOut(unreachable.store);
    expect(unreachable.store.getState()).toMatchObject({ session: null, role: 'public' });
  });
});
