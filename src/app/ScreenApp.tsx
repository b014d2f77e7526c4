import { useEffect, useMemo } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { RenderProfile } from '../engine/contract';
import type { AppStore, CameraState } from '../stores/appStore';
import { ScreenLayout } from '../features/screen/ScreenLayout';
import { StoreProvider } from '../ui/StoreContext';
import { loadTour } from '../features/tour/loadTour';
import { parseScreenOptions } from '../features/screen/screenOptions';
import { Viewport } from './Viewport';

/**
 * Command-centre large-screen mode (`?mode=screen`): the wall layout, the briefing tour (keys,
 * kiosk auto-play, a user's storyboard by `?tour=<url>`) and the all-day safeguards of the scene
 * (frame-time governor, WebGL context recovery, data-ready watchdog). Options: see screenOptions.
 */
export function ScreenApp({
  store,
  cameraStore,
  profile,
}: {
  store: AppStore;
  cameraStore: StoreApi<CameraState>;
  profile: RenderProfile;
}) {
  const creditHost = useMemo(() => document.createElement('span'), []);
  const options = useMemo(() => parseScreenOptions(window.location.search), []);
  const allDay = useMemo(() => ({ governor: options.governor, watchdogSeconds: options.watchdogSeconds }), [options]);
  useEffect(() => {
    store.getState().setTourDwell(options.dwellSeconds);
    const abort = new AbortController();
    if (options.tour) void loadTour(store, options.tour, abort.signal);
    return () => abort.abort();
  }, [store, options]);
  return (
    <StoreProvider store={store}>
      <ScreenLayout
        scene={<Viewport store={store} cameraStore={cameraStore} profile={profile} creditHost={creditHost} allDay={allDay} />}
        creditHost={creditHost}
      />
    </StoreProvider>
  );
}
