import type { SceneAdapter } from '../../engine/contract';
import type { AppState, AppStore } from '../../stores/appStore';
import { watch } from '../../stores/watch';
import { selectPlaybackWindow } from './selectors';

/**
 * Shadow playback on one 3D view: while it is on, the scene's sun follows the chosen instant and
 * buildings cast shadows (Cesium's shadow map, for the picture only: the hours come from the exact
 * calculation); off, the fixed light comes back.
 */
export function bindShadowPlayback(store: AppStore, adapter: SceneAdapter): () => void {
  const shown = (s: AppState) => (s.shadowPlayback.on ? (s.shadowPlayback.instantMs ?? selectPlaybackWindow(s)?.noonMs ?? null) : null);
  const stopShadows = watch(store, shown, (instantMs) => adapter.setSunShadows?.(instantMs));
  return () => {
    stopShadows();
    adapter.setSunShadows?.(null);
  };
}
