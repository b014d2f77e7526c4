import type { Feature } from '../feature';
import { bindViewshedToScene } from './bind';
import { selectExcessByBuilding, selectSeenShareByBuilding, viewshedLayers } from './selectors';

/** Viewshed, skyline and height limit (视域与限高; panel: the 视域 tab). */
export const viewshedFeature: Feature = {
  id: 'viewshed',
  bindScene: bindViewshedToScene,
  layers: viewshedLayers,
  buildingValues: (state, mode) =>
    mode === 'viewshed' ? selectSeenShareByBuilding(state) : mode === 'heightLimit' ? selectExcessByBuilding(state) : undefined,
};
