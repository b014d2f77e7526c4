import type { StoreApi } from 'zustand/vanilla';
import type { AppStore, CameraState } from '../stores/appStore';
import { translate } from '../i18n/translate';
import { writeShareState } from './shareLink';

/**
 * Keeps the address bar a share link of the current view (replaceState: no history spam).
 * Camera updates arrive on move end, so writing on each one is cheap.
 */
export function syncShareLink(store: AppStore, cameraStore: StoreApi<CameraState>): () => void {
  const write = () => {
    const s = store.getState();
    const search = writeShareState(
      {
        community: s.community?.manifest.id,
        building: s.selectedBuildingId,
        camera: cameraStore.getState().camera ?? undefined,
        layers: s.layers,
        colorMode: s.colorMode,
        language: s.language,
        serviceCategory: s.serviceCategory,
        scenario: s.scenarioId,
        baseShown: s.baseShown,
        cityColorMode: s.cityColorMode,
      },
      window.location.search,
    );
    if (search !== window.location.search)
      window.history.replaceState(null, '', `${window.location.pathname}${search}${window.location.hash}`);
  };
  const unsubscribeApp = store.subscribe((s, prev) => {
    if (
      s.community !== prev.community ||
      s.selectedBuildingId !== prev.selectedBuildingId ||
      s.layers !== prev.layers ||
      s.colorMode !== prev.colorMode ||
      s.language !== prev.language ||
      s.serviceCategory !== prev.serviceCategory ||
      s.scenarioId !== prev.scenarioId ||
      s.baseShown !== prev.baseShown ||
      s.cityColorMode !== prev.cityColorMode
    )
      write();
  });
  const unsubscribeCamera = cameraStore.subscribe(write);
  return () => {
    unsubscribeApp();
    unsubscribeCamera();
  };
}

/** `<html data-ready="true">` while the community is completely drawn; tests and screen watchdogs wait on it. */
export function syncReadiness(store: AppStore): () => void {
  const apply = (ready: boolean) => {
    if (ready) document.documentElement.setAttribute('data-ready', 'true');
    else document.documentElement.removeAttribute('data-ready');
  };
  apply(store.getState().sceneReady);
  return store.subscribe((s, prev) => {
    if (s.sceneReady !== prev.sceneReady) apply(s.sceneReady);
  });
}

export function syncDocumentLanguage(store: AppStore): () => void {
  const apply = () => {
    const { language } = store.getState();
    document.documentElement.lang = language;
    document.title = translate(language, 'app.title');
  };
  apply();
  return store.subscribe((s, prev) => {
    if (s.language !== prev.language) apply();
  });
}
