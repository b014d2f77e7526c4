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
