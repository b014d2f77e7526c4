import { buildingsOverLimit } from '../../analysis/viewshed/heightLimit';
import { computeSkyline } from '../../analysis/viewshed/skyline';
import { computeViewshed } from '../../analysis/viewshed/viewshed';
import type { LonLat } from '../../core/model/types';
import type { LayerView } from '../../engine/contract';
import type { Rgb } from '../../layers/buildingColorModes';
import type { AppState } from '../../stores/appStore';
import { memoSelector } from '../../stores/memo';
import { selectCommunityPrisms } from '../community/selectors';

/** Ground cells of the viewshed, metres: fine enough for a courtyard, ~2,800 cells at the default 300 m reach. */
export const VIEWSHED_CELL_METERS = 10;
export const SEEN_COLOR: Rgb = [46, 204, 113];
export const HIDDEN_COLOR: Rgb = [231, 76, 60];
const LIMIT_PLANE_COLOR: Rgb = [255, 170, 60];
const OBSERVER_COLOR: Rgb = [0, 229, 255];

export const selectOverLimit = memoSelector(
  (s: AppState) => [s.community, s.heightLimitMeters] as const,
  (community, limit) => (community && limit !== null ? buildingsOverLimit(community.buildings, limit) : null),
);

/** The prisms, only while an eye is placed: with the tool off nothing is built. */
const prismsInUse = (s: AppState) => (s.viewshedObserver ? selectCommunityPrisms(s) : null);

/** The observer's eye in the prisms' frame. */
const selectEye = memoSelector(
  (s: AppState) => [prismsInUse(s), s.viewshedObserver] as const,
  (scene, observer) => {
    if (!scene || !observer) return null;
    const [x, y] = scene.frame.toLocal([observer.lon, observer.lat]);
    return { x, y, z: observer.eyeMeters };
  },
);

export const selectViewshed = memoSelector(
  (s: AppState) => [prismsInUse(s), selectEye(s), s.viewshedRadiusMeters] as const,
  (scene, eye, radiusMeters) =>
    scene && eye ? computeViewshed({ prisms: scene.prisms, observer: eye, radiusMeters, cellMeters: VIEWSHED_CELL_METERS }) : null,
);

export const selectSkyline = memoSelector(
  (s: AppState) => [prismsInUse(s), selectEye(s), s.viewshedRadiusMeters] as const,
  (scene, eye, radiusMeters) => (scene && eye ? computeSkyline(scene.prisms, eye, radiusMeters, 1) : null),
);

/** Per building (indexed like the community's): the share of its observer-facing surface seen; NaN out of reach. */
export const selectSeenShareByBuilding = memoSelector(
  (s: AppState) => [s.community, prismsInUse(s), selectViewshed(s)] as const,
  (community, scene, view) => {
    if (!community || !scene || !view) return undefined;
    const out = new Float64Array(community.buildings.length).fill(Number.NaN);
    scene.kept.forEach((building, prism) => (out[building] = view.seenShare[prism]));
    return out;
  },
);

/** Per building: metres above the limit (≤ 0 under it); undefined with no limit. */
export const selectExcessByBuilding = memoSelector(
  (s: AppState) => [s.community, s.heightLimitMeters] as const,
  (community, limit) => (community && limit !== null ? Float64Array.from(community.buildings, (b) => b.heightMeters - limit) : undefined),
);

/** Counts for the panel and the tests: buildings in reach, seen at all, and the seen share of the open ground. */
export const selectViewshedSummary = memoSelector(
  (s: AppState) => [selectViewshed(s)] as const,
  (view) => {
    if (!view) return null;
    let inReach = 0;
    let seenAtAll = 0;
    for (let r = 0; r < view.samples.length; r++) {
      if (view.samples[r] === 0) continue;
      inReach++;
      if (view.seen[r] > 0) seenAtAll++;
    }
    return { inReach, seenAtAll, seenCellShare: view.seenCellShare, cells: view.cells.x.length };
  },
);

/** A closed square ring (first corner repeated, as the polygon renderer expects). */
function square(frame: { toLonLat(x: number, y: number): LonLat }, x: number, y: number, half: number): LonLat[] {
  const corners = [
    frame.toLonLat(x - half, y - half),
    frame.toLonLat(x + half, y - half),
    frame.toLonLat(x + half, y + half),
    frame.toLonLat(x - half, y + half),
  ];
  return [...corners, corners[0]!];
}

/** The limit as a translucent plane over the community; the viewshed's ground cells and the observer's post. */
export const viewshedLayers = memoSelector(
  (s: AppState) => [s.community, s.heightLimitMeters, prismsInUse(s), selectEye(s), selectViewshed(s)] as const,
  (community, limit, scene, eye, view): LayerView[] => {
    const layers: LayerView[] = [];
    if (community && limit !== null) {
      const ring = community.manifest.boundary[0] ?? [];
      layers.push({
        id: 'height-limit',
        kind: 'cells',
        cells: [{ ring, color: LIMIT_PLANE_COLOR, topMeters: limit }],
        style: 'ground',
        groundMeters: limit,
        alpha: 0.3,
      });
    }
    if (scene && eye && view) {
      const half = VIEWSHED_CELL_METERS / 2;
      const cells = Array.from(view.cells.seen, (seen, i) => ({
        ring: square(scene.frame, view.cells.x[i], view.cells.y[i], half),
        color: seen ? SEEN_COLOR : HIDDEN_COLOR,
        topMeters: 0,
      }));
      // Over the base map and the network (≤ 1.5 m), like the heatmap's ground layer.
      layers.push({ id: 'viewshed-ground', kind: 'cells', cells, style: 'ground', groundMeters: 1.7, alpha: 0.45 });
      layers.push({
        id: 'viewshed-observer',
        kind: 'cells',
        cells: [{ ring: square(scene.frame, eye.x, eye.y, 1.5), color: OBSERVER_COLOR, topMeters: eye.z }],
        style: 'columns',
        groundMeters: 0,
        alpha: 1,
      });
    }
    return layers;
  },
);
