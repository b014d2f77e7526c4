import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCameraStore, createAppStore, type AppStore } from '../../../src/stores/appStore';
import { SceneHost } from '../../../src/app/sceneHost';
import type { SceneAdapter, SceneCallbacks } from '../../../src/engine/contract';
import { QUALITY_LEVELS, type RenderQuality } from '../../../src/engine/quality';
import type { Community } from '../../../src/core/model/types';

/**
 * An adapter that draws instantly (or never, when `drawForever`), recording what it was asked. Only
 * what the host and the scene binding call is implemented; it is cast to SceneAdapter.
 */
class FakeAdapter {
  destroyed = false;
  qualities: RenderQuality[] = [];
  constructor(
    readonly callbacks: SceneCallbacks,
    private readonly drawForever: boolean,
  ) {}
  showCommunity = () => (this.drawForever ? new Promise<void>(() => undefined) : Promise.resolve());
  setBuildingColors() {}
  setLayerVisible() {}
  setSelectedBuilding() {}
  setHoveredBuilding() {}
  setLayers() {}
  setPointerTool() {}
  flyTo = () => Promise.resolve();
  getCamera = () => ({ lon: 0, lat: 0, heightMeters: 1, headingDeg: 0, pitchDeg: 0 });
  buildingScreenPosition = () => null;
  layersLoaded = () => true;
  nextFrame = () => Promise.resolve();
  setQuality(quality: RenderQuality) {
    this.qualities.push(quality);
  }
  destroy() {
    this.destroyed = true;
  }
  isDestroyed = () => this.destroyed;
}

/** Just enough of an element for the host: listeners, contains() and a canvas to lose. */
function fakeContainer() {
  const listeners = new Map<string, (event: Event) => void>();
  const canvas = { tagName: 'CANVAS' };
  return {
    canvas,
    element: {
      addEventListener: (type: string, listener: (event: Event) => void) => listeners.set(type, listener),
      removeEventListener: (type: string) => listeners.delete(type),
      contains: (node: unknown) => node === canvas,
      querySelector: () => null,
      replaceChildren: () => undefined,
    } as unknown as HTMLElement,
    fire: (type: string, target: unknown) => listeners.get(type)?.({ target } as unknown as Event),
  };
}

const community = { manifest: { id: 'c' }, buildings: [], facilities: [], context: [] } as unknown as Community;

let store: AppStore;
let adapters: FakeAdapter[];
let drawForever: boolean;
let reloads: number;
beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  store = createAppStore();
  adapters = [];
  drawForever = false;
  reloads = 0;
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function host(options = { governor: true, watchdogSeconds: 60 }) {
  const container = fakeContainer();
  const h = new SceneHost(
    container.element,
    (_el, callbacks) => {
      const adapter = new FakeAdapter(callbacks, drawForever);
      adapters.push(adapter);
      return adapter as unknown as SceneAdapter;
    },
    store,
    createCameraStore(null),
    options,
    () => reloads++,
  );
  return { h, container };
}

describe('scene host', () => {
  it('rebuilds the view after a lost WebGL context and returns to data-ready', async () => {
    store.setState({ community });
    const { h, container } = host();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().sceneReady).toBe(true);

    container.fire('webglcontextlost', container.canvas);
    expect(store.getState().sceneReady).toBe(false);
    expect(adapters[0].destroyed).toBe(true);
    expect(h.current).toBeNull();

    await vi.advanceTimersByTimeAsync(250);
    expect(adapters).toHaveLength(2);
    expect(h.current).toBe(adapters[1]);
    expect(store.getState().sceneReady).toBe(true);
    expect(h.rebuilds).toBe(1);
    h.destroy();
  });

  it('ignores context losses of canvases outside the viewport (charts, the inspector)', async () => {
    store.setState({ community });
    const { h, container } = host();
    await vi.advanceTimersByTimeAsync(0);
    container.fire('webglcontextlost', { tagName: 'CANVAS' });
    expect(store.getState().sceneReady).toBe(true);
    expect(adapters).toHaveLength(1);
    h.destroy();
  });

  it('retries, waiting longer each time, while no WebGL context can be had', async () => {
    store.setState({ community });
    let failures = 2;
    const container = fakeContainer();
    new SceneHost(
      container.element,
      (_el, callbacks) => {
        if (failures-- > 0) throw new Error('no WebGL');
        const adapter = new FakeAdapter(callbacks, false);
        adapters.push(adapter);
        return adapter as unknown as SceneAdapter;
      },
      store,
      createCameraStore(null),
      null,
    );
    await vi.advanceTimersByTimeAsync(250); // 1st retry fails
    expect(adapters).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(499);
    expect(adapters).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1); // 2nd retry after 500 ms succeeds
    expect(adapters).toHaveLength(1);
    expect(store.getState().sceneReady).toBe(true);
  });

  it('watchdog: rebuilds after 60 s without data-ready, again after 120 s, then reloads after 240 s', async () => {
    drawForever = true;
    store.setState({ community });
    const { h } = host();
    await vi.advanceTimersByTimeAsync(59_999);
    expect(adapters).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(adapters).toHaveLength(2);
    expect(adapters[0].destroyed).toBe(true);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(adapters).toHaveLength(3);
    expect(reloads).toBe(0);
    await vi.advanceTimersByTimeAsync(240_000);
    expect(reloads).toBe(1);
    h.destroy();
  });

  it('watchdog: data-ready in time resets it; a later drop gets the full 60 s again', async () => {
    store.setState({ community });
    const { h } = host();
    await vi.advanceTimersByTimeAsync(0);
    store.getState().setSceneReady(false);
    await vi.advanceTimersByTimeAsync(59_000);
    store.getState().setSceneReady(true);
    store.getState().setSceneReady(false);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(adapters).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(adapters).toHaveLength(2);
    h.destroy();
  });

  it('no watchdog without all-day options (the planner)', async () => {
    drawForever = true;
    store.setState({ community });
    host({ governor: false, watchdogSeconds: 0 });
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(adapters).toHaveLength(1);
    expect(reloads).toBe(0);
  });

  it('governor: slow frames lower the quality through the adapter, and a rebuilt view keeps the level', async () => {
    store.setState({ community });
    const { h, container } = host();
    await vi.advanceTimersByTimeAsync(0);
    // 20 frames of 60 ms: over 85 % of the 33 ms budget.
    for (let i = 0; i < 20; i++) adapters[0].callbacks.onFrameTime!(60);
    expect(adapters[0].qualities).toEqual([QUALITY_LEVELS[1]]);
    expect(h.quality).toMatchObject({ level: 1, resolutionScale: QUALITY_LEVELS[1].resolutionScale });
    container.fire('webglcontextlost', container.canvas);
    await vi.advanceTimersByTimeAsync(250);
    expect(adapters[1].qualities).toEqual([QUALITY_LEVELS[1]]);
    h.destroy();
  });

  it('destroy() frees the adapter and stops every timer', async () => {
    drawForever = true;
    store.setState({ community });
    const { h } = host();
    h.destroy();
    expect(adapters[0].destroyed).toBe(true);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(adapters).toHaveLength(1);
    expect(reloads).toBe(0);
  });
});
