import { PrimitiveCollection } from 'cesium';
import type { LonLat } from '../../../core/model/types';
import type { Rgb } from '../../../layers/buildingColorModes';
import { collectionPending, type LayerRenderer } from './layerRenderer';
import { createPolygonBatch } from './polygonBatch';

/**
 * Grid or hexagon cells of an aggregation (the heatmap): as 3D columns (`topMeters` per cell) or as a
 * translucent ground layer lifted `groundMeters` above the base map. One batched primitive for all cells.
 */
export interface CellsView {
  cells: readonly { ring: readonly LonLat[]; color: Rgb; topMeters: number }[];
  style: 'columns' | 'ground';
  groundMeters: number;
  alpha: number;
}

declare module '../../contract' {
  interface LayerViewKinds {
    cells: CellsView;
  }
}

export const cellsRenderer: LayerRenderer<'cells'> = {
  draw(view) {
    const root = new PrimitiveCollection();
    if (view.cells.length) {
      root.add(
        createPolygonBatch(
          view.cells.map((cell, i) => ({
            key: `${view.id}:${i}`,
            polygon: [cell.ring as LonLat[]],
            heightMeters: view.groundMeters,
            extrudedHeightMeters: view.style === 'columns' ? Math.max(view.groundMeters + 0.5, cell.topMeters) : undefined,
            color: cell.color,
            alpha: view.alpha,
          })),
          { translucent: view.alpha < 1, pickable: false },
        ),
      );
    }
    return { root, loaded: () => !collectionPending(root) };
  },
};
