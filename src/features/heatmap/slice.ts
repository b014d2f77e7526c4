import type { CellShape } from '../../analysis/aggregate/gridAggregation';
import type { SliceCreator } from '../../stores/slice';
import type { HeatmapAttributeId } from './attributes';

/** The heatmap: off by default (no attribute); the attribute, the cell shape and size, columns or a ground layer. */
export interface HeatmapSlice {
  heatmapAttribute: HeatmapAttributeId | null;
  heatmapShape: CellShape;
  /** Cell width, metres (a square's side, a hexagon's distance across the flats). */
  heatmapCellMeters: number;
  heatmapStyle: 'columns' | 'ground';
  setHeatmapAttribute(attribute: HeatmapAttributeId | null): void;
  setHeatmapShape(shape: CellShape): void;
  setHeatmapCellMeters(meters: number): void;
  setHeatmapStyle(style: 'columns' | 'ground'): void;
}

/** 50–500 m: from a block of buildings to a 5-minute walk (GB 50180-2018's smallest circle is 300 m). */
export const HEATMAP_CELL_RANGE = { min: 50, max: 500, step: 25 } as const;

export const createHeatmapSlice: SliceCreator<HeatmapSlice> = (set) => ({
  heatmapAttribute: null,
  heatmapShape: 'hexagon',
  heatmapCellMeters: 100,
  heatmapStyle: 'columns',
  setHeatmapAttribute: (heatmapAttribute) => set({ heatmapAttribute }),
  setHeatmapShape: (heatmapShape) => set({ heatmapShape }),
  setHeatmapCellMeters: (meters) =>
    set({
      heatmapCellMeters: Math.min(HEATMAP_CELL_RANGE.max, Math.max(HEATMAP_CELL_RANGE.min, Math.round(meters) || HEATMAP_CELL_RANGE.min)),
    }),
  setHeatmapStyle: (heatmapStyle) => set({ heatmapStyle }),
});
