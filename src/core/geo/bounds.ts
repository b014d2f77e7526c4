/** The longitude/latitude bounding box of a set of points. */
import type { LonLat } from '../model/types';

export interface GeoBounds {
  west: number;
  east: number;
  south: number;
  north: number;
}

/**
 * West, east, south and north of the points; for no points every member is ±Infinity (west > east),
 * which callers test with `isEmptyBounds`. Does not handle the antimeridian: communities do not cross it.
 */
export function lonLatBounds(points: Iterable<LonLat>): GeoBounds {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (const [lon, lat] of points) {
    if (lon < west) west = lon;
    if (lon > east) east = lon;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  return { west, east, south, north };
}

export const isEmptyBounds = (b: GeoBounds): boolean => !(b.west <= b.east && b.south <= b.north);
