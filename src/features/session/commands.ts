import type { SignInRequest } from '../../data/service/residentApi';
import { isAbortError } from '../../data/service/residentClient';
import type { AppStore } from '../../stores/appStore';
import { residentClientOf } from './client';

/**
 * What the session feature does with the service: the first probe, signing in and out. The slice
 * holds the outcome; these talk to the service (the slice stays free of I/O).
 */

/**
 * Asks whether the service is there and, if it is, whether this browser already holds a session
 * (a reload keeps the cookie). No service, or a service that fails, leaves the app aggregates-only.
 */
export async function checkService(store: AppStore, signal?: AbortSignal): Promise<void> {
  const client = residentClientOf(store);
  try {
    const health = await client.health(signal);
    if (!health) {
      store.getState().serviceChecked('offline');
      return;
    }
    store.getState().serviceChecked('online');
    const session = await client.session(signal);
    if (session) store.getState().sessionStarted(session);
  } catch (error) {
    if (isAbortError(error)) return;
    console.warn('resident-data service unavailable:', error);
    // The session check failed after a healthy probe: still online, just not signed in.
    if (store.getState().serviceStatus === 'checking') store.getState().serviceChecked('offline');
  }
}

/** Signs in; throws the client's ServiceError (wrong password, locked, rate-limited) for the form to show. */
export async function signIn(store: AppStore, credentials: SignInRequest, signal?: AbortSignal): Promise<void> {
  const session = await residentClientOf(store).signIn(credentials, signal);
  store.getState().sessionStarted(session);
}

/** Signs out: the app forgets the session even when the service cannot be told (it ends it by idle timeout then). */
export async function signOut(store: AppStore): Promise<void> {
  try {
    await residentClientOf(store).signOut();
  } catch (error) {
    console.warn('sign-out not confirmed by the service:', error);
  } finally {
    store.getState().sessionEnded('signed-out');
  }
}
