import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { CityApp } from './app/CityApp';
import { ScreenApp } from './app/ScreenApp';
import { parseShareState } from './app/shareLink';
import { syncDocumentLanguage, syncReadiness, syncShareLink } from './app/shareLinkSync';
import type { RenderProfile } from './engine/contract';
import { loadCommunity } from './features/community/loadCommunity';
import { FEATURES } from './features/registry';
import { ARRIVAL_FLIGHT_SECONDS, overviewAbove } from './features/view/arrivalFlight';
import { createAppStore, createCameraStore } from './stores/appStore';
import './ui/styles.css';

const params = new URLSearchParams(window.location.search);
const shared = parseShareState(window.location.search);
// `?profile=light`: no MSAA, sky or atmosphere — for software WebGL (tests, old kiosks).
const profile: RenderProfile = params.get('profile') === 'light' ? 'light' : 'full';

const store = createAppStore({
  language: shared.language,
  colorMode: shared.colorMode,
  layers: shared.layers,
  selectedBuildingId: shared.building ?? null,
  serviceCategory: shared.serviceCategory,
  scenarioId: shared.scenario ?? null,
  baseShown: shared.baseShown ?? undefined,
  cityColorMode: shared.cityColorMode,
});
// `?fly=1` (links from the city view): start over the city and fly down to the link's camera once the
// community is drawn; data-ready returns when the flight has landed.
const arrival = params.get('fly') === '1' && shared.camera ? shared.camera : null;
const cameraStore = createCameraStore(arrival ? overviewAbove(arrival) : (shared.camera ?? null));

syncReadiness(store);
syncDocumentLanguage(store);
syncShareLink(store, cameraStore);
for (const feature of FEATURES) feature.bind?.(store);

// `?view=city`: all future communities of Hangzhou; `?mode=screen`: the command-centre wall layout.
const view = params.get('view') === 'city' ? 'city' : 'community';
const mode = params.get('mode') === 'screen' ? 'screen' : 'planner';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {view === 'city' ? (
      <CityApp />
    ) : mode === 'screen' ? (
      <ScreenApp store={store} cameraStore={cameraStore} profile={profile} />
    ) : (
      <App store={store} cameraStore={cameraStore} profile={profile} />
    )}
  </StrictMode>,
);

if (view === 'community')
  void loadCommunity(store, shared.community).then(() => {
    if (arrival && store.getState().community) store.getState().requestCamera(arrival, ARRIVAL_FLIGHT_SECONDS);
  });
