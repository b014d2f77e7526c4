import { WGS84_A_METERS, WGS84_E2 } from './localFrame';

/** Earth-centred, earth-fixed position (metres) of a WGS84 longitude/latitude/height. */
export function ecefFromLonLatHeight(lonDeg: number, latDeg: number, heightMeters = 0): [number, number, number] {
  const lon = (lonDeg * Math.PI) / 180;
  const lat = (latDeg * Math.PI) / 180;
  const sinLat = Math.sin(lat);
  const n = WGS84_A_METERS / Math.sqrt(1 - WGS84_E2 * sinLat * sinLat);
  return [
    (n + heightMeters) * Math.cos(lat) * Math.cos(lon),
    (n + heightMeters) * Math.cos(lat) * Math.sin(lon),
    (n * (1 - WGS84_E2) + heightMeters) * sinLat,
  ];
}

/**
 * The 4×4 matrix (column-major, as glTF and 3D Tiles store it) taking east/north/up metres at a point
 * to ECEF — what Cesium calls `Transforms.eastNorthUpToFixedFrame`, written out so pure code (the
 * tiles writer, Node pipelines) needs no engine.
 */
export function eastNorthUpToEcef(lonDeg: number, latDeg: number, heightMeters = 0): number[] {
  const lon = (lonDeg * Math.PI) / 180;
  const lat = (latDeg * Math.PI) / 180;
  const [x, y, z] = ecefFromLonLatHeight(lonDeg, latDeg, heightMeters);
  const east = [-Math.sin(lon), Math.cos(lon), 0];
  const north = [-Math.sin(lat) * Math.cos(lon), -Math.sin(lat) * Math.sin(lon), Math.cos(lat)];
  const up = [Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)];
  return [...east, 0, ...north, 0, ...up, 0, x, y, z, 1];
}

/**
 * Exact east/north/up metres of a longitude/latitude/height in the tangent frame at `origin` (the
 * inverse of eastNorthUpToEcef's matrix applied to the point's ECEF). Unlike a linear local frame it
 * stays right kilometres away: the ellipsoid falls below the tangent plane by ≈ d² / 2R (3 m at 6 km),
 * which shows in `up`.
 */
export function createEnuProjection(
  originLon: number,
  originLat: number,
): (lon: number, lat: number, height?: number) => [number, number, number] {
  const m = eastNorthUpToEcef(originLon, originLat, 0);
  return (lon, lat, height = 0) => {
    const [x, y, z] = ecefFromLonLatHeight(lon, lat, height);
    const [dx, dy, dz] = [x - m[12], y - m[13], z - m[14]];
    return [dx * m[0] + dy * m[1] + dz * m[2], dx * m[4] + dy * m[5] + dz * m[6], dx * m[8] + dy * m[9] + dz * m[10]];
  };
}
