import type { LayerView } from '../../engine/contract';
import { IMPORTED_LAYER_COLORS } from '../../layers/layerCatalog';
import type { AppState } from '../../stores/appStore';
import { memoSelector } from '../../stores/memo';

/** The visible imported layers as views to draw (recomputed only when the imported layers change). */
export const importedLayerViews = memoSelector(
  (s: AppState) => [s.importedLayers],
  (importedLayers): LayerView[] =>
    importedLayers
      .filter((layer) => layer.visible)
      .map((layer): LayerView => {
        if (layer.kind === 'features')
          return {
            id: layer.id,
            kind: 'features',
            features: layer.result.features,
            color: IMPORTED_LAYER_COLORS[layer.colorIndex % IMPORTED_LAYER_COLORS.length],
          };
        if (layer.kind === 'tileset') return { id: layer.id, kind: 'tileset', url: layer.url };
        return { id: layer.id, kind: 'model', url: layer.url, name: layer.name, placement: layer.placement };
      }),
);
