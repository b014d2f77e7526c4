import type { Feature } from '../feature';
import { bindMeasureKeys, bindMeasureToScene } from './bind';
import { measureLayers } from './selectors';

/** The planner's measuring tools: distance, path, area and height, snapped to buildings (panel: the 测量 tab). */
export const measureFeature: Feature = {
  id: 'measure',
  bind: bindMeasureKeys,
  bindScene: bindMeasureToScene,
  layers: measureLayers,
};
