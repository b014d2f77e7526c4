import { useEffect, useRef } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { RenderProfile, SceneOptions } from '../engine/contract';
import type { RenderQuality } from '../engine/quality';
import type { AppStore, CameraState } from '../stores/appStore';
import { SceneHost, type AllDayOptions } from './sceneHost';

/**
 * `?tiledAbove=<n>`: tile communities with more than n buildings (deployments tune it to their
 * screens; tests set it low to draw the sample through the tiled path). Absent: the engine's default.
 */
function sceneOptionsFrom(search: string): SceneOptions {
  const value = Number(new URLSearchParams(search).get('tiledAbove') ?? NaN);
  return Number.isInteger(value) && value >= 0 ? { tiledBuildingsAbove: value } : {};
}

const SCENE_OPTIONS = sceneOptionsFrom(window.location.search);

declare global {
  interface Window {
    /** Hooks for automated browser tests and screen watchdogs. */
    __twin?: {
      buildingScreenPosition(id: string): { x: number; y: number } | null;
      /** Window position of a point in space (lon, lat, ellipsoidal height), or null off screen. */
      worldScreenPosition(lon: number, lat: number, heightMeters: number): { x: number; y: number } | null;
      nextFrame(): Promise<void>;
      /** True when every layer over the community (imported data, analysis overlays) is on screen. */
      importedLayersLoaded(): boolean;
      /** Loses the WebGL context as a GPU reset would (WEBGL_lose_context); the view rebuilds itself. */
      loseContext(): boolean;
      /** The render quality the frame-time governor chose (level 0 = best). */
      quality(): { level: number } & RenderQuality;
      /** Views built after the first one (lost contexts, watchdog). */
      rebuilds(): number;
    };
  }
}

/**
 * Hosts the 3D engine. Cesium is imported lazily so the panels paint before the 4 MB engine has
 * loaded; the adapter is created once per mount and destroyed on unmount (StrictMode-safe), and
 * rebuilt by the SceneHost when the WebGL context is lost. `allDay` (large-screen mode) adds the
 * frame-time governor and the data-ready watchdog.
 */
export function Viewport({
  store,
  cameraStore,
  profile,
  creditHost,
  allDay = null,
  snapshotRef,
}: {
  store: AppStore;
  cameraStore: StoreApi<CameraState>;
  profile: RenderProfile;
  creditHost: HTMLElement;
  allDay?: AllDayOptions | null;
  /** Filled with a function that renders the 3D view to a PNG data URL (the report's snapshot) while mounted. */
  snapshotRef?: { current: (() => Promise<string>) | null };
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  const governor = allDay?.governor ?? false;
  const watchdogSeconds = allDay?.watchdogSeconds ?? null;
  useEffect(() => {
    let host: SceneHost | null = null;
    let cancelled = false;
    void import('../engine/cesium/CesiumAdapter').then(({ CesiumAdapter }) => {
      if (cancelled || !containerRef.current) return;
      const h = new SceneHost(
        containerRef.current,
        (container, callbacks) => new CesiumAdapter(container, creditHost, profile, callbacks, SCENE_OPTIONS),
        store,
        cameraStore,
        governor || watchdogSeconds ? { governor, watchdogSeconds } : null,
      );
      host = h;
      if (snapshotRef)
        snapshotRef.current = () => (h.current ? h.current.snapshot() : Promise.reject(new Error('the 3D view is not ready')));
      const waitForView = () => new Promise<void>((resolve) => setTimeout(resolve, 50));
      const nextFrame = async (): Promise<void> => {
        while (!h.current && !cancelled) await waitForView();
        return h.current?.nextFrame();
      };
      window.__twin = {
        buildingScreenPosition: (id) => h.current?.buildingScreenPosition(id) ?? null,
        worldScreenPosition: (lon, lat, height) => h.current?.worldScreenPosition(lon, lat, height) ?? null,
        nextFrame,
        importedLayersLoaded: () => h.current?.layersLoaded() ?? false,
        loseContext: () => h.loseContext(),
        quality: () => h.quality,
        rebuilds: () => h.rebuilds,
      };
    });
    return () => {
      cancelled = true;
      if (snapshotRef) snapshotRef.current = null;
      host?.destroy();
      delete window.__twin;
    };
  }, [store, cameraStore, profile, creditHost, governor, watchdogSeconds, snapshotRef]);
  return <div className="viewport" ref={containerRef} data-testid="viewport" />;
}
