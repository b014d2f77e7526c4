import { describe, expect, it } from 'vitest';
import { bindSceneToStore } from '../../../src/app/bindScene';
import type { CameraBookmark } from '../../../src/core/model/types';
import type { SceneAdapter } from '../../../src/engine/contract';
import { createAppStore, createCameraStore } from '../../../src/stores/appStore';
import { stubCommunity } from '../support/stubCommunity';

const community = stubCommunity('c');
const view: CameraBookmark = { lon: 120.18, lat: 30.27, heightMeters: 500, headingDeg: 20, pitchDeg: -45 };

/** An adapter whose community drawing finishes only when the test says so. */
function slowAdapter() {
  let finishDrawing = () => undefined as void;
  const flights: CameraBookmark[] = [];
  const adapter = {
    showCommunity: () => new Promise<void>((resolve) => (finishDrawing = resolve)),
    flyTo: (camera: CameraBookmark) => {
      flights.push(camera);
      return Promise.resolve();
    },
    nextFrame: () => Promise.resolve(),
    isDestroyed: () => false,
    setLayerVisible() {},
    setSelectedBuilding() {},
    setHoveredBuilding() {},
    setBuildingColors() {},
    setLayers() {},
    setPointerTool() {},
  } as unknown as SceneAdapter;
  return { adapter, flights, finish: () => finishDrawing() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('scene binding', () => {
  it('a flight asked for in the same update as a new community waits for that community to be drawn', async () => {
    const store = createAppStore();
    // Like the tour, a listener subscribed before the scene asks for a view when the community arrives.
    store.subscribe((s, prev) => {
      if (s.community !== prev.community) store.getState().requestCamera(view);
    });
    const { adapter, flights, finish } = slowAdapter();
    bindSceneToStore(adapter, store, createCameraStore(null));
    store.getState().setCommunity(community);
    await settle();
    expect(flights).toEqual([]);
    expect(store.getState().sceneReady).toBe(false);
    finish();
    await settle();
    expect(flights).toEqual([view]);
    expect(store.getState().sceneReady).toBe(true);
  });

  it('flies to a view asked for before the engine had loaded, once the community is drawn', async () => {
    const store = createAppStore();
    store.getState().setCommunity(community);
    store.getState().requestCamera(view);
    const { adapter, flights, finish } = slowAdapter();
    bindSceneToStore(adapter, store, createCameraStore(null));
    await settle();
    expect(flights).toEqual([]);
    finish();
    await settle();
    expect(flights).toEqual([view]);
    expect(store.getState().sceneReady).toBe(true);
  });
});
