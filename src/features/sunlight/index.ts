import { stopAll, type Feature } from '../feature';
import { playShadowsWhilePlaying, runSunlightOnChanges, runSunlightPlanWhatIfOnRequest, runSunlightWhatIfOnRequest } from './bind';
import { bindShadowPlayback } from './bindScene';
import { selectWorstFloorHours } from './selectors';

/** 日照: sunlight hours of every home in a worker, the buildings coloured by their worst floor, the shadow playback. */
export const sunlightFeature: Feature = {
  id: 'sunlight',
  bind: (store) =>
    stopAll(
      runSunlightOnChanges(store),
      runSunlightWhatIfOnRequest(store),
      runSunlightPlanWhatIfOnRequest(store),
      playShadowsWhilePlaying(store),
    ),
  bindScene: bindShadowPlayback,
  buildingValues: (state, mode) => (mode === 'sunlight' ? selectWorstFloorHours(state) : undefined),
};
