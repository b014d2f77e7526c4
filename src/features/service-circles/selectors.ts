import { coverageOf } from '../../analysis/service-circles/computeServiceCoverage';
import { reachedNetworkSegmentsByBand, routeToNearest } from '../../analysis/service-circles/routes';
import type { LonLat } from '../../core/model/types';
import type { LayerView } from '../../engine/contract';
import { REACH_BAND_COLORS, ROUTE_COLOR } from '../../layers/layerCatalog';
import type { AppState } from '../../stores/appStore';
import { memoSelector } from '../../stores/memo';

// Reached streets sit just above the plain network (1.5 m), nearer bands above farther ones; the route on top.
const REACH_HEIGHT_METERS = [2.6, 2.4, 2.2];
const REACH_WIDTH_PIXELS = 5;
const ROUTE_HEIGHT_METERS = 3;
const ROUTE_WIDTH_PIXELS = 7;

/** Walking seconds from each building to the chosen category (for the walk-time colouring), or undefined. */
export const selectWalkSeconds = (s: AppState): Float64Array | undefined =>
  s.coverage ? coverageOf(s.coverage, s.serviceCategory)?.walkSeconds : undefined;

/** Streets within 5/10/15 minutes of the chosen category, one layer per band, nearest band first. */
const selectReachLayers = memoSelector(
  (s: AppState) => [s.coverage, s.serviceCategory],
  (coverage, category): LayerView<'lines'>[] => {
    if (!coverage || !coverageOf(coverage, category)) return [];
    return reachedNetworkSegmentsByBand(coverage, category).map((band, i) => {
      const lines: { coordinates: LonLat[]; color: (typeof REACH_BAND_COLORS)[number] }[] = [];
      const color = REACH_BAND_COLORS[Math.min(i, REACH_BAND_COLORS.length - 1)];
      const k = band.segments;
      for (let j = 0; j + 3 < k.length; j += 4)
        lines.push({
          coordinates: [
            [k[j], k[j + 1]],
            [k[j + 2], k[j + 3]],
          ],
          color,
        });
      // A street reached in 5 minutes is also in the 10- and 15-minute bands: nearer bands sit higher.
      return { id: `serviceReach:${i}`, kind: 'lines', lines, widthPixels: REACH_WIDTH_PIXELS, heightMeters: REACH_HEIGHT_METERS[i] ?? 2 };
    });
  },
);

/** The walking route of the selected building to its nearest facility of the chosen category. */
const selectRouteLayer = memoSelector(
  (s: AppState) => [s.coverage, s.community, s.selectedBuildingId, s.serviceCategory],
  (coverage, community, selected, category): LayerView<'lines'> | null => {
    if (!coverage || !community || !selected || !coverageOf(coverage, category)) return null;
    const index = community.buildings.findIndex((b) => b.id === selected);
    const coordinates = index < 0 ? null : routeToNearest(coverage, index, category)?.coordinates;
    if (!coordinates || coordinates.length < 2) return null;
    return {
      id: 'route',
      kind: 'lines',
      lines: [{ coordinates, color: ROUTE_COLOR }],
      widthPixels: ROUTE_WIDTH_PIXELS,
      heightMeters: ROUTE_HEIGHT_METERS,
    };
  },
);

/** What the service circles draw: the reach bands and the route, each while its layer is switched on. */
export function serviceCircleLayers(s: AppState): LayerView[] {
  const layers: LayerView[] = [];
  if (s.layers.serviceReach) layers.push(...selectReachLayers(s));
  const route = s.layers.route ? selectRouteLayer(s) : null;
  if (route) layers.push(route);
  return layers;
}
