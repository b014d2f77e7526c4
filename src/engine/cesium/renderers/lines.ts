import { PrimitiveCollection } from 'cesium';
import type { LonLat } from '../../../core/model/types';
import type { Rgb } from '../../../layers/buildingColorModes';
import { collectionPending, type LayerRenderer } from './layerRenderer';
import { createLineBatch } from './lineBatch';

/**
 * Lines drawn from an analysis (streets reached in a walking band, a route), lifted above the
 * community's own layers so they never z-fight: `heightMeters` orders overlays among themselves.
 */
export interface LinesView {
  lines: readonly { coordinates: readonly LonLat[]; color: Rgb }[];
  widthPixels: number;
  heightMeters: number;
}

declare module '../../contract' {
  interface LayerViewKinds {
    lines: LinesView;
  }
}

export const linesRenderer: LayerRenderer<'lines'> = {
  draw(view) {
    const root = new PrimitiveCollection();
    const items = view.lines.filter((line) => line.coordinates.length >= 2).map((line, i) => ({ key: `${view.id}:${i}`, ...line }));
    // One batch per layer: thousands of street segments cost one draw call, built in a worker.
    if (items.length) root.add(createLineBatch(items, view.widthPixels, view.heightMeters));
    return { root, loaded: () => !collectionPending(root) };
  },
};
