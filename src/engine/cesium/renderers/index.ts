import type { LayerKind } from '../../contract';
import { cellsRenderer } from './cells';
import { cityTilesRenderer } from './cityTiles';
import { clipVolumesRenderer } from './clipVolumes';
import { featuresRenderer } from './features';
import { imageryRenderer } from './imagery';
import type { LayerRenderer } from './layerRenderer';
import { linesRenderer } from './lines';
import { measureRenderer } from './measure';
import { modelRenderer } from './model';
import { splitVolumesRenderer } from './splitVolumes';
import { terrainRenderer } from './terrain';
import { tilesetRenderer } from './tileset';

/**
 * The renderer of every layer kind. A new kind: one file here declaring its view (in the contract's
 * LayerViewKinds) and exporting its LayerRenderer, and one line below; the type check fails until
 * every declared kind has its renderer.
 */
export const LAYER_RENDERERS: { [K in LayerKind]: LayerRenderer<K> } = {
  features: featuresRenderer,
  tileset: tilesetRenderer,
  model: modelRenderer,
  lines: linesRenderer,
  imagery: imageryRenderer,
  terrain: terrainRenderer,
  cityTiles: cityTilesRenderer,
  measure: measureRenderer,
  cells: cellsRenderer,
  splitVolumes: splitVolumesRenderer,
  clipVolumes: clipVolumesRenderer,
};
