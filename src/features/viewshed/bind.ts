import type { PointerTool, SceneAdapter } from '../../engine/contract';
import type { AppStore } from '../../stores/appStore';
import { watch } from '../../stores/watch';
import { stopAll } from '../feature';

/**
 * While the observer is being placed, a click on the scene puts the eye there — on the ground, or on the
 * roof that was clicked — instead of selecting a building. One pointer tool at a time: placing turns the
 * measuring tools off, and picking a measuring tool stops placing (see the panel).
 */
export function bindViewshedToScene(store: AppStore, adapter: SceneAdapter): () => void {
  const pointer: PointerTool = {
    onClick: (point) => {
      if (!point) return;
      store.getState().placeViewshedObserver(point.lon, point.lat, point.heightMeters - point.groundHeightMeters);
    },
  };
  const placing = (s: ReturnType<AppStore['getState']>) => s.viewshedPlacing;
  if (placing(store.getState())) adapter.setPointerTool(pointer);
  return stopAll(
    watch(store, placing, (on, was) => {
      if (on) adapter.setPointerTool(pointer);
      // Stopped by a measuring tool taking the pointer: leave its tool in place.
      else if (was && !store.getState().measureTool) adapter.setPointerTool(null);
    }),
    watch(
      store,
      (s) => s.measureTool,
      (tool) => {
        if (tool && store.getState().viewshedPlacing) store.getState().setViewshedPlacing(false);
      },
    ),
    () => {
      if (placing(store.getState())) adapter.setPointerTool(null);
    },
  );
}
