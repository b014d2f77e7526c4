import type { Feature } from '../feature';
import { heatmapLayers } from './selectors';

/** Heatmaps: a building or house attribute pooled to squares or hexagons, drawn as columns or on the ground (panel: the 热力 tab). */
export const heatmapFeature: Feature = { id: 'heatmap', layers: heatmapLayers };
