import type { SceneAdapter } from '../../engine/contract';
import type { AppStore } from '../../stores/appStore';
import { watch } from '../../stores/watch';
import { selectSceneClip } from './selectors';

/** The scene's 3D Tiles and models follow the clip (the community's buildings are clipped as a layer). */
export function bindClipToScene(store: AppStore, adapter: SceneAdapter): () => void {
  const initial = selectSceneClip(store.getState());
  if (initial) adapter.setClip?.(initial);
  const stop = watch(store, selectSceneClip, (clip) => adapter.setClip?.(clip));
  return () => {
    stop();
    if (!adapter.isDestroyed()) adapter.setClip?.(null);
  };
}
