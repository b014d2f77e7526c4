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
/** Scenario flights are short: a briefing moves on quickly, and a wall must never look stuck. */
const FLIGHT_SECONDS = 1.2;

export function bindSceneToStore(adapter: SceneAdapter, store: AppStore, cameraStore: StoreApi<CameraState>): () => void {
  let drawing = 0;
  let flight = 0;
  /** Settles when the community being drawn is on screen (or was superseded). */
  let communityDrawn: Promise<void> = Promise.resolve();
  const colorsOf = (s: AppState) =>
    s.scenarioColoring
      ? s.scenarioColoring.colors
      : s.community
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

  const showCommunity = (s: AppState) => {
    communityDrawn = drawCommunity(s);
    return communityDrawn;
  };
  const drawCommunity = async (s: AppState) => {
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
    // A scenario flight that started meanwhile reports readiness when it lands.
    if (ticket !== drawing || adapter.isDestroyed() || flightPending()) return;
    store.getState().setSceneReady(true);
  };
  let landed = 0;
  const flightPending = () => landed !== flight;

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
    if (
      s.colorMode !== prev.colorMode ||
      s.summaries !== prev.summaries ||
      s.scenarioColoring !== prev.scenarioColoring ||
      (analysisChanged && s.colorMode === 'walkTime')
    )
      adapter.setBuildingColors(colorsOf(s));
    if (analysisChanged) adapter.setServiceReach(reachOf(s));
    if (analysisChanged || s.selectedBuildingId !== prev.selectedBuildingId) adapter.setRoute(routeOf(s));
    if (s.importedLayers !== prev.importedLayers) adapter.setImportedLayers(importedViewsOf(s));
    if (s.layers !== prev.layers) for (const id of LAYER_IDS) if (s.layers[id] !== prev.layers[id]) adapter.setLayerVisible(id, s.layers[id]);
    if (s.selectedBuildingId !== prev.selectedBuildingId) adapter.setSelectedBuilding(s.selectedBuildingId);
    if (s.hoveredBuildingId !== prev.hoveredBuildingId) adapter.setHoveredBuilding(s.hoveredBuildingId);
    if (s.cameraRequest && s.cameraRequest !== prev.cameraRequest) void flyForRequest(s.cameraRequest);
  });

  /**
   * A scenario switch flies the camera; the scene is not "ready" until the flight has ended and the
   * new colours are on screen, so `data-ready` drops and returns with every switch.
   */
  const flyForRequest = async (request: NonNullable<AppState['cameraRequest']>) => {
    const ticket = ++flight;
    store.getState().setSceneReady(false);
    // A community still being drawn sets its own view first; the scenario's flight follows it. The
    // request may come in the same store update as the community (before its drawing began): wait
    // for the drawing that is current after each wait, or the flight lands first and data-ready
    // returns before the community is on screen.
    let drawn: Promise<void>;
    do {
      drawn = communityDrawn;
      await drawn;
    } while (drawn !== communityDrawn);
    if (ticket !== flight || adapter.isDestroyed()) return;
    await adapter.flyTo(request.camera, FLIGHT_SECONDS);
    if (ticket !== flight || adapter.isDestroyed()) return;
    await adapter.nextFrame();
    await adapter.nextFrame();
    if (ticket !== flight || adapter.isDestroyed()) return;
    landed = ticket;
    store.getState().setSceneReady(true);
  };
  // A new adapter (first mount, or a rebuild after a lost WebGL context) gets everything on screen.
  const initial = store.getState();
  if (initial.community) void showCommunity(initial);
  adapter.setServiceReach(reachOf(initial));
  adapter.setRoute(routeOf(initial));
  adapter.setHoveredBuilding(initial.hoveredBuildingId);
  if (initial.importedLayers.length) adapter.setImportedLayers(importedViewsOf(initial));
  // A scenario's view asked for before the engine had loaded (the package was quicker) is flown to
  // once the community is drawn; data-ready waits for it.
  if (initial.community && initial.cameraRequest) void flyForRequest(initial.cameraRequest);
  return unsubscribe;
}
