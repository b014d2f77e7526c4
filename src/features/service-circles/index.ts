import type { Feature } from '../feature';
import { runServiceAnalysisOnChanges } from './bind';
import { selectWalkSeconds, serviceCircleLayers } from './selectors';

/** 5/15-minute public-service circles: computed in a worker on changes, drawn as reach bands and a route. */
export const serviceCirclesFeature: Feature = {
  id: 'service-circles',
  bind: runServiceAnalysisOnChanges,
  layers: serviceCircleLayers,
  buildingValues: (state, mode) => (mode === 'walkTime' ? selectWalkSeconds(state) : undefined),
};
