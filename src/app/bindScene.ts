import type { StoreApi } from 'zustand/vanilla';
import type { LayerView, SceneAdapter } from '../engine/contract';
import { stopAll } from '../features/feature';
import { FEATURES } from '../features/registry';
import { selectBuildingColors, selectLayersShown } from '../features/view/selectors';
import { LAYER_IDS } from '../layers/layerCatalog';
import type { AppState, AppStore, CameraState } from '../stores/appStore';
import { watch } from '../stores/watch';

/** Scenario flights are short: a briefing moves on quickly, and a wall must never look stuck. */
const FLIGHT_SECONDS = 1.2;

const sameItems = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/** Every feature's layers, in registry order. */
const layersOf = (s: AppState): LayerView[] => FEATURES.flatMap((feature) => feature.layers?.(s) ?? []);

/**
 * The scene follows the store: a new community is drawn, requested flights are flown, and
 * `data-ready` is set when both are on screen; the features bind the rest (colours, layers,
 * selection…) and their layers are drawn. React panels only change the store and never see the adapter.
 */
export function bindSceneToStore(adapter: SceneAdapter, store: AppStore, cameraStore: StoreApi<CameraState>): () => void {
  let drawing = 0;
  let flight = 0;
  let landed = 0;
  const flightPending = () => landed !== flight;
  /** Settles when the community being drawn is on screen (or was superseded). */
  let communityDrawn: Promise<void> = Promise.resolve();

  const showCommunity = (s: AppState) => {
    communityDrawn = drawCommunity(s);
    return communityDrawn;
  };
  const drawCommunity = async (s: AppState) => {
    if (!s.community) return;
    const ticket = ++drawing;
    store.getState().setSceneReady(false);
    const shown = selectLayersShown(s);
    for (const id of LAYER_IDS) adapter.setLayerVisible(id, shown[id]);
    adapter.setSelectedBuilding(s.selectedBuildingId);
    try {
      // A share link's camera wins over the package's default view.
      await adapter.showCommunity(s.community, selectBuildingColors(s), cameraStore.getState().camera ?? undefined);
    } catch {
      return; // superseded by a newer community
    }
    // A scenario flight that started meanwhile reports readiness when it lands.
    if (ticket !== drawing || adapter.isDestroyed() || flightPending()) return;
    store.getState().setSceneReady(true);
  };

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
    await adapter.flyTo(request.camera, request.durationSeconds ?? FLIGHT_SECONDS);
    if (ticket !== flight || adapter.isDestroyed()) return;
    await adapter.nextFrame();
    await adapter.nextFrame();
    if (ticket !== flight || adapter.isDestroyed()) return;
    landed = ticket;
    store.getState().setSceneReady(true);
  };

  // Order matters within one update: the community's drawing starts before a flight waits for it.
  const stop = stopAll(
    watch(
      store,
      (s) => s.community,
      () => void showCommunity(store.getState()),
    ),
    watch(
      store,
      (s) => s.cameraRequest,
      (request) => request && void flyForRequest(request),
    ),
    watch(store, layersOf, (layers) => adapter.setLayers(layers), sameItems),
    ...FEATURES.flatMap((feature) => (feature.bindScene ? [feature.bindScene(store, adapter)] : [])),
  );

  // A new adapter (first mount, or a rebuild after a lost WebGL context) gets everything on screen.
  const initial = store.getState();
  if (initial.community) void showCommunity(initial);
  adapter.setLayers(layersOf(initial));
  // A scenario's view asked for before the engine had loaded (the package was quicker) is flown to
  // once the community is drawn; data-ready waits for it.
  if (initial.community && initial.cameraRequest) void flyForRequest(initial.cameraRequest);
  return stop;
}
