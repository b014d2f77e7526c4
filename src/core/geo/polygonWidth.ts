import polylabel from 'polylabel';
import type { PolygonCoords } from '../model/types';
import { createLocalFrame } from './localFrame';
import { ringCentroid } from './polygon';

/**
 * The width of a polygon as the diameter of the largest circle that fits inside it (holes included),
 * metres. GB 50180-2018 Table 4.0.4 asks a park to be at least so wide (居住区公园 最小宽度, 30 m at the
 * 5-minute level): a strip narrower than that everywhere fails, whatever its area, and an L of
 * 30 m arms passes. For a rectangle it is the short side. The circle is found by polylabel (Mapbox's
 * pole of inaccessibility) in a local metric frame, to 0.1 m.
 */
export function polygonWidthMeters(polygon: PolygonCoords): number {
  if (!polygon.length || polygon[0].length < 4) return 0;
  const frame = createLocalFrame(ringCentroid(polygon));
  const local = polygon.map((ring) => ring.map((p) => frame.toLocal(p)));
  return 2 * polylabel(local, 0.1).distance;
}
