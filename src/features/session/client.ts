import { ResidentClient, type ResidentClientOptions } from '../../data/service/residentClient';
import type { AppStore } from '../../stores/appStore';

/**
 * One resident-data client per store: the session binding probes with it, the panels ask it for
 * person rows, the export for the rows it takes away. A 401 on any of its calls ends the store's session.
 */
const clients = new WeakMap<AppStore, ResidentClient>();

/** A client whose "session ended" (a 401 on a call made with a session) ends the store's session. */
export function residentClientFor(store: AppStore, options: Omit<ResidentClientOptions, 'onSessionEnded'> = {}): ResidentClient {
  return new ResidentClient({ ...options, onSessionEnded: () => store.getState().sessionEnded('expired') });
}

export function residentClientOf(store: AppStore): ResidentClient {
  let client = clients.get(store);
  if (!client) {
    client = residentClientFor(store);
    clients.set(store, client);
  }
  return client;
}

/** Uses `client` for this store (tests: a client over a stand-in fetch). */
export function setResidentClient(store: AppStore, client: ResidentClient): void {
  clients.set(store, client);
}
