import type { LonLat } from '../model/types';

/**
 * GCJ-02 ("火星坐标", used by 高德/AMap and 腾讯) and BD-09 (百度) obfuscated lon/lat, from and to
 * WGS84. These are the standard public formulas (as in eviltransform / coordtransform), not an
 * official specification; in Hangzhou they give about +450 m east and −260 m south for GCJ-02
 * (GCJ ≈ WGS + 453 m E, −258 m N at West Lake). Inside China the forward functions are exact
 * re-implementations; the inverses are iterated to below a millimetre (the oft-quoted "≈ 1 m"
 * error is that of the one-step inverse, which we do not use).
 *
 * Use: convert POIs scraped from AMap/Baidu to WGS84 before storing them. Never use these to
 * derive or publish "corrected" map tiles (《地图管理条例》).
 */

/** Krasovsky 1940 ellipsoid, which the GCJ-02 formula is written on. */
const KRASOVSKY_A = 6378245.0;
// The constant as published with the GCJ-02 formula; every implementation uses the double nearest to it.
// eslint-disable-next-line no-loss-of-precision
const KRASOVSKY_E2 = 0.00669342162296594323;
/** BD-09's rotation constant: π·3000/180. */
const BD_X_PI = (Math.PI * 3000.0) / 180.0;

/** Iterations stop when the residual is below this many degrees (≈ 0.1 mm). */
const INVERSE_TOLERANCE_DEG = 1e-9;
const INVERSE_MAX_ITERATIONS = 30;

/**
 * The rectangle in which the public formula applies the offset. It is the formula's own
 * (coarse) "out of China" test, kept so results match other implementations at the edges.
 */
export function isInsideGcjArea(lon: number, lat: number): boolean {
  return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

function offsetLat(x: number, y: number): number {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}

function offsetLon(x: number, y: number): number {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}

export function wgs84ToGcj02(lon: number, lat: number): LonLat {
  if (!isInsideGcjArea(lon, lat)) return [lon, lat];
  let dLat = offsetLat(lon - 105.0, lat - 35.0);
  let dLon = offsetLon(lon - 105.0, lat - 35.0);
  const radLat = (lat / 180.0) * Math.PI;
  const sinLat = Math.sin(radLat);
  const magic = 1 - KRASOVSKY_E2 * sinLat * sinLat;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((KRASOVSKY_A * (1 - KRASOVSKY_E2)) / (magic * sqrtMagic)) * Math.PI);
  dLon = (dLon * 180.0) / ((KRASOVSKY_A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return [lon + dLon, lat + dLat];
}

/**
 * Inverts `forward` by fixed-point iteration: w ← w − (forward(w) − target). The offset field
 * varies slowly (its gradient is ~1e-5 per degree), so each step gains ~5 digits.
 */
function invertIteratively(forward: (lon: number, lat: number) => LonLat, lon: number, lat: number, start: LonLat = [lon, lat]): LonLat {
  let [wLon, wLat] = start;
  for (let i = 0; i < INVERSE_MAX_ITERATIONS; i++) {
    const [fLon, fLat] = forward(wLon, wLat);
    const dLon = fLon - lon;
    const dLat = fLat - lat;
    wLon -= dLon;
    wLat -= dLat;
    if (Math.abs(dLon) < INVERSE_TOLERANCE_DEG && Math.abs(dLat) < INVERSE_TOLERANCE_DEG) break;
  }
  return [wLon, wLat];
}

export function gcj02ToWgs84(lon: number, lat: number): LonLat {
  if (!isInsideGcjArea(lon, lat)) return [lon, lat];
  return invertIteratively(wgs84ToGcj02, lon, lat);
}

export function gcj02ToBd09(lon: number, lat: number): LonLat {
  const z = Math.sqrt(lon * lon + lat * lat) + 0.00002 * Math.sin(lat * BD_X_PI);
  const theta = Math.atan2(lat, lon) + 0.000003 * Math.cos(lon * BD_X_PI);
  return [z * Math.cos(theta) + 0.0065, z * Math.sin(theta) + 0.006];
}

/**
 * The published BD-09 → GCJ-02 formula is itself only approximately inverse to the forward one
 * (~1e-7°, about a centimetre), so it is used as the starting point of the same iteration.
 */
export function bd09ToGcj02(lon: number, lat: number): LonLat {
  const x = lon - 0.0065;
  const y = lat - 0.006;
  const z = Math.sqrt(x * x + y * y) - 0.00002 * Math.sin(y * BD_X_PI);
  const theta = Math.atan2(y, x) - 0.000003 * Math.cos(x * BD_X_PI);
  return invertIteratively(gcj02ToBd09, lon, lat, [z * Math.cos(theta), z * Math.sin(theta)]);
}

export function wgs84ToBd09(lon: number, lat: number): LonLat {
  const [gLon, gLat] = wgs84ToGcj02(lon, lat);
  return gcj02ToBd09(gLon, gLat);
}

export function bd09ToWgs84(lon: number, lat: number): LonLat {
  const [gLon, gLat] = bd09ToGcj02(lon, lat);
  return gcj02ToWgs84(gLon, gLat);
}
