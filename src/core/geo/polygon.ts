import type { LonLat, PolygonCoords } from '../model/types';

/** Planar tests and measures on lon/lat polygons (exterior ring first, then holes). */

/** Ray-casting point-in-polygon on lon/lat (planar; fine at community scale). Holes excluded. */
export function pointInPolygon(point: LonLat, polygon: PolygonCoords): boolean {
  const inRing = (ring: LonLat[]): boolean => {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > point[1] !== yj > point[1] && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
  if (polygon.length === 0 || !inRing(polygon[0])) return false;
  return !polygon.slice(1).some(inRing);
}

/** Vertex-average centroid of the exterior ring (closing vertex not double-counted). */
export function ringCentroid(polygon: PolygonCoords): LonLat {
  const ring = polygon[0];
  const n = ring.length > 1 ? ring.length - 1 : ring.length;
  let lon = 0;
  let lat = 0;
  for (let i = 0; i < n; i++) {
    lon += ring[i][0];
    lat += ring[i][1];
  }
  return [lon / n, lat / n];
}
