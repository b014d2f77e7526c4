import type { LonLat } from '../model/types';

/** WGS84 semi-major axis, metres. CGCS2000 uses the same value. */
export const WGS84_A_METERS = 6378137;
/** WGS84 first eccentricity squared (f = 1/298.257223563). CGCS2000 differs in the 11th digit. */
export const WGS84_E2 = 0.0066943799901413165;

/**
 * A local east/north frame (metres) tangent to the ellipsoid at `origin`.
 *
 * Uses the ellipsoid's meridional (M) and prime-vertical (N) radii of curvature at the origin,
 * so within a community (≤ 2 km) the error against a true geodesic is below a centimetre per km
 * — good enough for layout, areas and walking distances at street scale.
 */
export interface LocalFrame {
  origin: LonLat;
  /** Metres per degree of longitude at the origin's latitude. */
  metersPerDegreeLon: number;
  /** Metres per degree of latitude at the origin's latitude. */
  metersPerDegreeLat: number;
  toLonLat(eastMeters: number, northMeters: number): LonLat;
  toLocal(position: LonLat): [eastMeters: number, northMeters: number];
}

export function createLocalFrame(origin: LonLat): LocalFrame {
  const latRad = (origin[1] * Math.PI) / 180;
  const sin2 = Math.sin(latRad) ** 2;
  const w = Math.sqrt(1 - WGS84_E2 * sin2);
  const primeVerticalRadius = WGS84_A_METERS / w;
  const meridionalRadius = (WGS84_A_METERS * (1 - WGS84_E2)) / (w * w * w);
  const metersPerDegreeLat = (meridionalRadius * Math.PI) / 180;
  const metersPerDegreeLon = (primeVerticalRadius * Math.cos(latRad) * Math.PI) / 180;
  return {
    origin,
    metersPerDegreeLon,
    metersPerDegreeLat,
    toLonLat: (east, north) => [origin[0] + east / metersPerDegreeLon, origin[1] + north / metersPerDegreeLat],
    toLocal: ([lon, lat]) => [(lon - origin[0]) * metersPerDegreeLon, (lat - origin[1]) * metersPerDegreeLat],
  };
}

/** Planar area (m²) of a ring given in local metres; positive for counter-clockwise rings. */
export function signedRingAreaM2(ring: readonly (readonly [number, number])[]): number {
  let twiceArea = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    twiceArea += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  }
  return twiceArea / 2;
}

/** Area (m²) of a lon/lat polygon (exterior minus holes), on the local tangent plane at its first vertex. */
export function polygonAreaM2(polygon: readonly (readonly LonLat[])[]): number {
  if (polygon.length === 0 || polygon[0].length === 0) return 0;
  const frame = createLocalFrame(polygon[0][0]);
  let area = 0;
  polygon.forEach((ring, index) => {
    const a = Math.abs(signedRingAreaM2(ring.map((p) => frame.toLocal(p))));
    area += index === 0 ? a : -a;
  });
  return area;
}
