import { aggregateToGrid, classOf, equalIntervalBreaks, type AggregatedCell } from '../../analysis/aggregate/gridAggregation';
import type { LayerView } from '../../engine/contract';
import type { LegendEntry, Rgb } from '../../layers/buildingColorModes';
import type { AppState } from '../../stores/appStore';
import { memoSelector } from '../../stores/memo';
import { selectWalkSeconds } from '../service-circles/selectors';
import { heatmapAttribute, type HeatmapAttribute } from './attributes';

/** ColorBrewer YlOrRd, 5 classes (sequential, print- and colour-blind-safe): low values light, high values dark red. */
export const HEATMAP_COLORS: readonly Rgb[] = [
  [255, 255, 178],
  [254, 204, 92],
  [253, 141, 60],
  [240, 59, 32],
  [189, 0, 38],
];
/** A suppressed cell: drawn flat and grey, so the map says "not shown" rather than "nothing here". */
export const SUPPRESSED_COLOR: Rgb = [120, 128, 140];
/** The tallest column, metres: about twice the sample's tallest building, so columns read above the roofs. */
const MAX_COLUMN_METERS = 120;
const MIN_COLUMN_METERS = 8;

export interface HeatmapResult {
  attribute: HeatmapAttribute;
  cells: AggregatedCell[];
  /** Upper bounds of the colour classes over the shown cells' values. */
  breaks: number[];
  min: number;
  /** True while the attribute's inputs are not ready (walk times before the service circles have run). */
  pending: boolean;
}

/** The aggregated cells of the chosen attribute (null: the heatmap is off). */
export const selectHeatmap = memoSelector(
  (s: AppState) =>
    [
      s.heatmapAttribute,
      s.community,
      s.summaries,
      s.heatmapAttribute === 'walkTime' ? selectWalkSeconds(s) : undefined,
      s.heatmapShape,
      s.heatmapCellMeters,
    ] as const,
  (id, community, summaries, walkSeconds, shape, sizeMeters): HeatmapResult | null => {
    if (!id || !community) return null;
    const attribute = heatmapAttribute(id);
    const inputs = attribute.inputs({ community, summaries, walkSeconds });
    if (!inputs) return { attribute, cells: [], breaks: [], min: 0, pending: true };
    const cells = aggregateToGrid(inputs, {
      shape,
      sizeMeters,
      origin: community.manifest.centre,
      suppressSmallCells: attribute.personDerived,
    });
    const values = cells.flatMap((c) => (c.value === null ? [] : [c.value]));
    return {
      attribute,
      cells,
      breaks: equalIntervalBreaks(values, HEATMAP_COLORS.length),
      min: values.length ? Math.min(...values) : 0,
      pending: false,
    };
  },
);

const classColor = (value: number, breaks: readonly number[]): Rgb =>
  HEATMAP_COLORS[breaks.length === 1 ? HEATMAP_COLORS.length - 1 : classOf(value, breaks)];

/** The legend: one entry per class ("12.0% – 18.5%"), and the suppressed cells' grey when there are any. */
export function heatmapLegend(result: HeatmapResult, suppressedLabel: string): LegendEntry[] {
  const { attribute, breaks, min } = result;
  const entries: LegendEntry[] = breaks.map((upper, i) => ({
    color: classColor(upper, breaks),
    label: `${attribute.format(i === 0 ? min : breaks[i - 1])} – ${attribute.format(upper)}`,
    literal: true,
  }));
  if (result.cells.some((c) => c.suppressed)) entries.push({ color: SUPPRESSED_COLOR, label: suppressedLabel, literal: true });
  return entries;
}

/** The heatmap as one layer of cells: columns whose height follows the value, or a translucent ground layer. */
export const heatmapLayers = memoSelector(
  (s: AppState) => [selectHeatmap(s), s.heatmapStyle] as const,
  (result, style): LayerView[] => {
    if (!result || !result.cells.length) return [];
    const max = result.breaks.at(-1) ?? 0;
    const { breaks } = result;
    const cells = result.cells.map((cell) => {
      if (cell.value === null) return { ring: cell.ring, color: SUPPRESSED_COLOR, topMeters: 0 };
      // Heights from zero (every attribute is ≥ 0): a cell twice as high has twice the value, unlike a min–max stretch.
      const share = max > 0 ? cell.value / max : 1;
      return {
        ring: cell.ring,
        color: classColor(cell.value, breaks),
        topMeters: MIN_COLUMN_METERS + share * (MAX_COLUMN_METERS - MIN_COLUMN_METERS),
      };
    });
    // Over the base map and the walking network (≤ 1.5 m), under the analysis lines (≥ 2.2 m).
    return [{ id: 'heatmap', kind: 'cells', cells, style, groundMeters: 1.8, alpha: style === 'columns' ? 0.85 : 0.6 }];
  },
);
