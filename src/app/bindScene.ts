import type { StoreApi } from 'zustand/vanilla';
import type { SceneAdapter } from '../engine/contract';
import { colorBuildings } from '../layers/buildingColorModes';
import { LAYER_IDS } from '../layers/layerCatalog';
import type { AppState, AppStore, CameraState } from '../stores/appStore';

/**
 * The scene follows the store: a new community is drawn, colour mode, layers, hover and selection
 * are pushed to the adapter. React panels only change the store and never see the adapter.
 */
export function bindSceneToStore(adapter: SceneAdapter, store: AppStore, cameraStore: StoreApi<CameraState>): () => void {
  let drawing = 0;
  const colorsOf = (s: AppState) => (s.community ? colorBuildings(s.community.buildings, s.summaries, s.colorMode) : new Map());

  const showCommunity = async (s: AppState) => {
    if (!s.community) return;
    const ticket = ++drawing;
    store.getState().setSceneReady(false);
    for (const id of LAYER_IDS) adapter.setLayerVisible(id, s.layers[id]);
    adapter.setSelectedBuilding(s.selectedBuildingId);
    try {
      // A share link's camera wins over the package's default view.
      await adapter.showCommunity(s.community, colorsOf(s), cameraStore.getState().camera ?? undefined);
    } catch {
      return; // superseded by a newer community
    }
    if (ticket !== drawing || adapter.isDestroyed()) return;
    store.getState().setSceneReady(true);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.community !== prev.community) {
      void showCommunity(s);
      return;
    }
    if (s.colorMode !== prev.colorMode || s.summaries !== prev.summaries) adapter.setBuildingColors(colorsOf(s));
    if (s.layers !== prev.layers) for (const id of LAYER_IDS) if (s.layers[id] !== prev.layers[id]) adapter.setLayerVisible(id, s.layers[id]);
    if (s.selectedBuildingId !== prev.selectedBuildingId) adapter.setSelectedBuilding(s.selectedBuildingId);
    if (s.hoveredBuildingId !== prev.hoveredBuildingId) adapter.setHoveredBuilding(s.hoveredBuildingId);
  });
  if (store.getState().community) void showCommunity(store.getState());
  return unsubscribe;
}
