import type { LonLat, PolygonCoords } from '../../core/model/types';
import type { TiledBuilding } from './buildingGlb';

/**
 * What an inner quadtree tile draws from afar: the buildings of its area that matter most at a
 * distance, each as a low-poly prism. Without it the city tiler's tree had content at the leaves
 * only, and a command-centre wall at 45 km showed an empty city until the camera came close.
 *
 * - Which buildings: the `max` largest by volume (footprint area × height), ties by id so a run is
 *   reproducible byte for byte. The top `max` of a node are the top `max` of its children's top `max`,
 *   so a node is made from its children's selections, never from the whole subtree.
 * - Which shape: the largest part's outer ring only (holes and courtyards vanish at a distance), as its
 *   convex hull, thinned to at most `MAX_COARSE_VERTICES` hull points (a subset of a convex polygon's
 *   vertices is convex, so the prism stays simple). Every coarse vertex is an input vertex, so a coarse
 *   building lies inside the footprint's bounding box and its children's regions.
 * Ids and attributes stay: picking a coarse building shows the same feature as its full-detail leaf.
 */
export const MAX_COARSE_VERTICES = 8;

/** Planar area of a ring in square degrees, scaled by cos(latitude) (only used to rank buildings). */
function ringArea(ring: readonly LonLat[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return (Math.abs(sum) / 2) * Math.cos(((ring[0]?.[1] ?? 0) * Math.PI) / 180);
}

/** Convex hull (Andrew's monotone chain), counter-clockwise, closed (first point repeated). */
export function convexHull(points: readonly LonLat[]): LonLat[] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: LonLat, a: LonLat, b: LonLat) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (list: LonLat[]) => {
    const out: LonLat[] = [];
    for (const p of list) {
      while (out.length >= 2 && cross(out[out.length - 2], out[out.length - 1], p) <= 0) out.pop();
      out.push(p);
    }
    out.pop();
    return out;
  };
  const hull = [...half(sorted), ...half([...sorted].reverse())];
  return hull.length ? [...hull, hull[0]] : [...points];
}

/** The prism a building is drawn as from afar (see the module comment). */
export function coarseFootprint(parts: readonly PolygonCoords[]): PolygonCoords {
  const outer = parts.map((p) => p[0]).reduce((best, ring) => (ringArea(ring) > ringArea(best) ? ring : best));
  if (outer.length - 1 <= MAX_COARSE_VERTICES) return [outer];
  const hull = convexHull(outer.slice(0, -1));
  const open = hull.slice(0, -1);
  if (open.length < 3) return [outer];
  if (open.length <= MAX_COARSE_VERTICES) return [hull];
  const step = open.length / MAX_COARSE_VERTICES;
  const thinned = Array.from({ length: MAX_COARSE_VERTICES }, (_, i) => open[Math.floor(i * step)]);
  return [[...thinned, thinned[0]]];
}

/** Already a coarse prism: one part, no hole, few vertices (a hull of a hull is itself). */
const isCoarse = (b: TiledBuilding) => b.parts.length === 1 && b.parts[0].length === 1 && b.parts[0][0].length - 1 <= MAX_COARSE_VERTICES;

/**
 * The `max` buildings of `candidates` that an inner tile draws, as coarse prisms, largest volume
 * first. Ranked by the coarse prism's volume, so a building ranks the same at every level.
 */
export function coarseBuildings(candidates: readonly TiledBuilding[], max: number): TiledBuilding[] {
  return candidates
    .map((b) => (isCoarse(b) ? b : { ...b, parts: [coarseFootprint(b.parts)] }))
    .map((b) => ({ b, volume: b.heightMeters * ringArea(b.parts[0][0]) }))
    .sort((x, y) => y.volume - x.volume || (x.b.id < y.b.id ? -1 : x.b.id > y.b.id ? 1 : 0))
    .slice(0, max)
    .map(({ b }) => b);
}
