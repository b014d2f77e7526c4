import type { SceneAdapter } from '../../engine/contract';
import { LAYER_IDS } from '../../layers/layerCatalog';
import type { AppStore } from '../../stores/appStore';
import { watch } from '../../stores/watch';
import { stopAll } from '../feature';
import { selectBuildingColors, selectLayersShown } from './selectors';

/** The scene follows the view: building colours, layers switched on or off, selection and hover. */
export function bindViewToScene(store: AppStore, adapter: SceneAdapter): () => void {
  adapter.setHoveredBuilding(store.getState().hoveredBuildingId);
  return stopAll(
    watch(store, selectBuildingColors, (colors) => adapter.setBuildingColors(colors)),
    watch(store, selectLayersShown, (layers, previous) => {
      for (const id of LAYER_IDS) if (layers[id] !== previous[id]) adapter.setLayerVisible(id, layers[id]);
    }),
    watch(
      store,
      (s) => s.selectedBuildingId,
      (id) => adapter.setSelectedBuilding(id),
    ),
    watch(
      store,
      (s) => s.hoveredBuildingId,
      (id) => adapter.setHoveredBuilding(id),
    ),
  );
}
