import type { AppStore } from '../../stores/appStore';
import { checkService } from './commands';

/** For the app's lifetime: one probe of the resident-data service at start (no polling: a 401 says when a session ends). */
export function bindSession(store: AppStore): () => void {
  const controller = new AbortController();
  void checkService(store, controller.signal);
  return () => controller.abort();
}
