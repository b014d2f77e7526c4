import type { Feature } from '../feature';
import { bindClipToScene } from './bind';
import { clipHiddenLayers, clipLayers } from './selectors';

/**
 * Clip and section (剖切; panel: the 剖切 tab): a plane, a box or a horizontal section through buildings,
 * tiles and the inspector. The selectors are called through arrows: they draw the buildings in their
 * colours (view/selectors), which reads every feature of the registry — a cycle back to this module, so
 * its imports may still be unset while this object is built.
 */
export const clipFeature: Feature = {
  id: 'clip',
  bindScene: (store, adapter) => bindClipToScene(store, adapter),
  layers: (state) => clipLayers(state),
  hiddenLayers: (state) => clipHiddenLayers(state),
};
