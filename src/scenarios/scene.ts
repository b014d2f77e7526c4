import { DeveloperError } from '../core/errors';
import type { Building, LocalizedText } from '../core/model/types';
import type { ColorMode, Rgb } from '../layers/buildingColorModes';
import type { BuildingColoring, ScenarioLegendEntry, ScenarioScene } from './types';

/** Building colourings of the scenarios and how an overlay scenario combines with another. */

export const modeColoring = (mode: ColorMode): BuildingColoring => ({ kind: 'mode', mode });

/** Grey for buildings a colouring says nothing about (same as the colour modes' "no data"). */
export const NEUTRAL: Rgb = [120, 124, 132];

/** Qualitative palette (ColorBrewer Set2/Dark2 mix) for categories without an order: grids, catchments. */
export const QUALITATIVE: readonly Rgb[] = [
  [102, 194, 165],
  [252, 141, 98],
  [141, 160, 203],
  [231, 138, 195],
  [166, 216, 84],
  [255, 217, 47],
  [229, 196, 148],
  [27, 158, 119],
];

/**
 * A custom colouring: `classOf` puts each building in a legend entry (by index), so the legend
 * explains every colour on screen by construction.
 */
export function customColoring(
  buildings: readonly Building[],
  title: LocalizedText,
  legend: ScenarioLegendEntry[],
  classOf: (building: Building) => number,
): BuildingColoring {
  const colors = new Map<string, Rgb>();
  for (const b of buildings) {
    const entry = legend[classOf(b)];
    if (!entry) throw new DeveloperError(`customColoring "${title.en}": building ${b.id} got no legend entry`);
    colors.set(b.id, entry.color);
  }
  return { kind: 'custom', title, colors, legend };
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

/**
 * An overlay scenario (一统) drawn over another: the base keeps its colouring and service category;
 * the overlay adds its layers (on wins), highlighted categories, buildings and facilities.
 */
export function overlayScene(base: ScenarioScene, overlay: ScenarioScene): ScenarioScene {
  const layers = { ...base.layers };
  for (const [id, visible] of Object.entries(overlay.layers) as [keyof ScenarioScene['layers'], boolean][]) if (visible) layers[id] = true;
  return {
    layers,
    coloring: base.coloring,
    serviceCategory: base.serviceCategory ?? overlay.serviceCategory,
    highlightedCategories: unique([...base.highlightedCategories, ...overlay.highlightedCategories]),
    highlightedBuildingIds: unique([...base.highlightedBuildingIds, ...overlay.highlightedBuildingIds]),
    highlightedFacilityIds: unique([...base.highlightedFacilityIds, ...overlay.highlightedFacilityIds]),
  };
}
