import type { StoreApi } from 'zustand/vanilla';
import { coverageOf } from '../analysis/service-circles/computeServiceCoverage';
import { reachedNetworkSegmentsByBand, routeToNearest } from '../analysis/service-circles/routes';
import type { ImportedLayerView, ServiceReachOverlay, SceneAdapter } from '../engine/contract';
import { colorBuildings } from '../layers/buildingColorModes';
import { IMPORTED_LAYER_COLORS } from '../layers/layerCatalog';
import { LAYER_IDS } from '../layers/layerCatalog';
import type { AppState, AppStore, CameraState } from '../stores/appStore';

/**
 * The scene follows the store: a new community is drawn, colour mode, layers, hover and selection
 * are pushed to the adapter. React panels only change the store and never see the adapter.
 */
export function bindSceneToStore(adapter: SceneAdapter, store: AppStore, cameraStore: StoreApi<CameraState>): () => void {
  let drawing = 0;
  const colorsOf = (s: AppState) =>
    s.community
      ? colorBuildings(
          s.community.buildings,
          s.summaries,
          s.colorMode,
          s.coverage ? coverageOf(s.coverage, s.serviceCategory)?.walkSeconds : undefined,
        )
      : new Map();

  /** Streets within 5/10/15 minutes of the chosen category, nearest band first. */
  const reachOf = (s: AppState): ServiceReachOverlay | null => {
    const coverage = s.coverage;
    if (!coverage || !coverageOf(coverage, s.serviceCategory)) return null;
    return {
      bands: reachedNetworkSegmentsByBand(coverage, s.serviceCategory).map((band) => ({ limitSeconds: band.bandSeconds, segments: band.segments })),
    };
  };

  const routeOf = (s: AppState) => {
    if (!s.coverage || !s.community || !s.selectedBuildingId || !coverageOf(s.coverage, s.serviceCategory)) return null;
    const index = s.community.buildings.findIndex((b) => b.id === s.selectedBuildingId);
    return index < 0 ? null : (routeToNearest(s.coverage, index, s.serviceCategory)?.coordinates ?? null);
  };

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

  const importedViewsOf = (s: AppState): ImportedLayerView[] =>
    s.importedLayers
      .filter((layer) => layer.visible)
      .map((layer) =>
        layer.kind === 'features'
          ? { id: layer.id, kind: 'features', features: layer.result.features, color: IMPORTED_LAYER_COLORS[layer.colorIndex % IMPORTED_LAYER_COLORS.length] }
          : layer.kind === 'tileset'
            ? { id: layer.id, kind: 'tileset', url: layer.url }
            : { id: layer.id, kind: 'model', url: layer.url, placement: layer.placement },
      );

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.community !== prev.community) {
      void showCommunity(s);
      return;
    }
    const analysisChanged = s.coverage !== prev.coverage || s.serviceCategory !== prev.serviceCategory;
    if (s.colorMode !== prev.colorMode || s.summaries !== prev.summaries || (analysisChanged && s.colorMode === 'walkTime'))
      adapter.setBuildingColors(colorsOf(s));
    if (analysisChanged) adapter.setServiceReach(reachOf(s));
    if (analysisChanged || s.selectedBuildingId !== prev.selectedBuildingId) adapter.setRoute(routeOf(s));
    if (s.importedLayers !== prev.importedLayers) adapter.setImportedLayers(importedViewsOf(s));
    if (s.layers !== prev.layers) for (const id of LAYER_IDS) if (s.layers[id] !== prev.layers[id]) adapter.setLayerVisible(id, s.layers[id]);
    if (s.selectedBuildingId !== prev.selectedBuildingId) adapter.setSelectedBuilding(s.selectedBuildingId);
    if (s.hoveredBuildingId !== prev.hoveredBuildingId) adapter.setHoveredBuilding(s.hoveredBuildingId);
  });
  if (store.getState().community) void showCommunity(store.getState());
  return unsubscribe;
}
