import type { Feature } from '../feature';
import { bindBase } from './bind';
import { baseLayerViews, isBaseLayerId, sourceIdOfLayer } from './selectors';

/**
 * The city's shared digital base (统一数字底座): imagery, terrain, 3D Tiles and vector sources from
 * models/base.json under every community (panel: 底座 tab; clicked city buildings: BaseFeaturePanel).
 */
export const baseFeature: Feature = {
  id: 'base',
  bind: bindBase,
  layers: baseLayerViews,
  layerEvents: {
    owns: isBaseLayerId,
    failed: (store, layerId, message, issue) =>
      store.getState().failBaseSource(sourceIdOfLayer(layerId), { message, ...(issue ? { issue } : {}) }),
    picked: (store, picked) =>
      store.getState().pickBaseFeature(picked ? { sourceId: sourceIdOfLayer(picked.layerId), properties: picked.properties } : null),
  },
};
