import type { Feature } from '../feature';
import { revokeRemovedModelUrls } from './importUserFiles';
import { importedLayerViews } from './selectors';

/** The user's own data: files, URLs, 3D Tiles and glTF models as layers over the community. */
export const importFeature: Feature = {
  id: 'import',
  bind: revokeRemovedModelUrls,
  layers: importedLayerViews,
  layerEvents: {
    owns: (layerId) => layerId.startsWith('import-'),
    failed: (store, layerId, message) => store.getState().failImportedLayer(layerId, message),
    picked: (store, picked) => store.getState().pickImportedFeature(picked),
  },
};
