import type { BaseSource } from '../../data/base/baseConfig';
import type { LayerView } from '../../engine/contract';
import { cityTileStyle, type CityColorMode } from '../../layers/cityColorModes';
import type { AppState } from '../../stores/appStore';
import { memoSelector } from '../../stores/memo';
import { isBaseSourceShown } from './slice';

/** Layer ids of base sources: `base:<source id>` (the scene reports errors and picks by layer id). */
export const BASE_LAYER_PREFIX = 'base:';
export const baseLayerId = (sourceId: string): string => `${BASE_LAYER_PREFIX}${sourceId}`;
export const isBaseLayerId = (layerId: string): boolean => layerId.startsWith(BASE_LAYER_PREFIX);
export const sourceIdOfLayer = (layerId: string): string => layerId.slice(BASE_LAYER_PREFIX.length);

/** One style object per colour mode, so an unchanged mode never restyles the tiles. */
const STYLES = new Map<CityColorMode, object>();
const styleOf = (mode: CityColorMode): object => {
  let style = STYLES.get(mode);
  if (!style) STYLES.set(mode, (style = cityTileStyle(mode)));
  return style;
};

const VECTOR_COLOR: [number, number, number] = [255, 214, 102];

/** The sources on screen: shown, and not failed. */
export const selectShownBaseSources = memoSelector(
  (s: AppState) => [s.baseConfig, s.baseShown, s.baseErrors],
  (config, shown, errors): BaseSource[] => config.sources.filter((source) => isBaseSourceShown(shown, source) && !errors[source.id]),
);

/**
 * The base as layers to draw, in the configuration's order: imagery stacked in that order, the first
 * terrain shown (the globe has one), 3D Tiles styled and cut out at the open community's boundary,
 * vector sources once read. Memoised: the same views while nothing changed.
 */
export const baseLayerViews = memoSelector(
  (s: AppState) => [selectShownBaseSources(s), s.baseVectors, s.cityColorMode, s.community?.manifest.boundary ?? null] as const,
  (sources, vectors, colorMode, boundary): LayerView[] => {
    const views: LayerView[] = [];
    let terrainLaid = false;
    sources.forEach((source, order) => {
      const id = baseLayerId(source.id);
      switch (source.kind) {
        case 'imagery':
          views.push({ id, kind: 'imagery', source, order });
          break;
        case 'terrain':
          if (!terrainLaid) views.push({ id, kind: 'terrain', source });
          terrainLaid = true;
          break;
        case '3dtiles': {
          const mode = source.type === 'buildings' ? (colorMode === 'plain' ? (source.style?.colorBy ?? 'plain') : colorMode) : null;
          views.push({ id, kind: 'cityTiles', source, style: mode ? styleOf(mode) : null, cutOut: boundary });
          break;
        }
        case 'vector': {
          const features = vectors[source.id];
          if (features) views.push({ id, kind: 'features', features, color: source.color ?? VECTOR_COLOR });
          break;
        }
      }
    });
    return views;
  },
);
