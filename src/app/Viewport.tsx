import { useEffect, useRef } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { RenderProfile, SceneAdapter } from '../engine/contract';
import type { AppStore, CameraState } from '../stores/appStore';
import { bindSceneToStore } from './bindScene';

declare global {
  interface Window {
    /** Read-only hooks for automated browser tests and screen watchdogs. */
    __twin?: {
      buildingScreenPosition(id: string): { x: number; y: number } | null;
      nextFrame(): Promise<void>;
      importedLayersLoaded(): boolean;
    };
  }
}

/**
 * Hosts the 3D engine. Cesium is imported lazily so the panels paint before the 4 MB engine has
 * loaded; the adapter is created once per mount and destroyed on unmount (StrictMode-safe).
 */
export function Viewport({
  store,
  cameraStore,
  profile,
  creditHost,
}: {
  store: AppStore;
  cameraStore: StoreApi<CameraState>;
  profile: RenderProfile;
  creditHost: HTMLElement;
}) {
  const containerRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let adapter: SceneAdapter | null = null;
    let unbind: (() => void) | null = null;
    let cancelled = false;
    void import('../engine/cesium/CesiumAdapter').then(({ CesiumAdapter }) => {
      if (cancelled || !containerRef.current) return;
      adapter = new CesiumAdapter(containerRef.current, creditHost, profile, {
        onPickBuilding: (id) => store.getState().selectBuilding(id),
        onHoverBuilding: (id) => store.getState().hoverBuilding(id),
        onCameraMoved: (camera) => cameraStore.getState().setCamera(camera),
        onPickImportedFeature: (picked) => store.getState().pickImportedFeature(picked),
        onImportedLayerError: (id, message) => store.getState().failImportedLayer(id, message),
      });
      unbind = bindSceneToStore(adapter, store, cameraStore);
      const a = adapter;
      window.__twin = {
        buildingScreenPosition: (id) => a.buildingScreenPosition(id),
        nextFrame: () => a.nextFrame(),
        importedLayersLoaded: () => a.importedLayersLoaded(),
      };
    });
    return () => {
      cancelled = true;
      unbind?.();
      adapter?.destroy();
      delete window.__twin;
    };
  }, [store, cameraStore, profile, creditHost]);
  return <div className="viewport" ref={containerRef} data-testid="viewport" />;
}
