import { WGS84_A_METERS } from '../../core/geo/localFrame';

/**
 * Distances on the WGS84 ellipsoid (CGCS2000 differs from it in the 11th digit of the flattening,
 * far below a millimetre at street scale).
 *
 * Network edge lengths use `vincentyDistanceMeters`, the inverse geodesic of T. Vincenty,
 * "Direct and inverse solutions of geodesics on the ellipsoid with application of nested
 * equations", Survey Review 23(176), 1975 — sub-millimetre for any line that converges.
 * A sphere (haversine on the mean radius) is off by up to 0.5 % depending on direction and
 * latitude, i.e. 5 m on a 1 km walk, which is why it is not used here.
 */

/** WGS84 flattening, 1 / 298.257223563 (NIMA TR8350.2). */
export const WGS84_F = 1 / 298.257223563;
/** WGS84 semi-minor axis, metres. */
export const WGS84_B_METERS = WGS84_A_METERS * (1 - WGS84_F);

const DEG = Math.PI / 180;
const A = WGS84_A_METERS;
const B = WGS84_B_METERS;
const F = WGS84_F;

/**
 * Vincenty's inverse formula: the geodesic distance in metres between two lon/lat points in degrees.
 * Falls back to Andoyer–Lambert for the nearly antipodal pairs where the iteration does not converge
 * (never the case for walking networks).
 */
export function vincentyDistanceMeters(lon1: number, lat1: number, lon2: number, lat2: number): number {
  if (lon1 === lon2 && lat1 === lat2) return 0;
  const L = (lon2 - lon1) * DEG;
  const U1 = Math.atan((1 - F) * Math.tan(lat1 * DEG));
  const U2 = Math.atan((1 - F) * Math.tan(lat2 * DEG));
  const sinU1 = Math.sin(U1);
  const cosU1 = Math.cos(U1);
  const sinU2 = Math.sin(U2);
  const cosU2 = Math.cos(U2);
  let lambda = L;
  for (let iteration = 0; iteration < 100; iteration++) {
    const sinLambda = Math.sin(lambda);
    const cosLambda = Math.cos(lambda);
    const t1 = cosU2 * sinLambda;
    const t2 = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda;
    const sinSigma = Math.sqrt(t1 * t1 + t2 * t2);
    if (sinSigma === 0) return 0;
    const cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
    const sigma = Math.atan2(sinSigma, cosSigma);
    const sinAlpha = (cosU1 * cosU2 * sinLambda) / sinSigma;
    const cos2Alpha = 1 - sinAlpha * sinAlpha;
    // On the equator (cos²α = 0) the term is 0 (Vincenty 1975, eq. 17 note).
    const cos2SigmaM = cos2Alpha !== 0 ? cosSigma - (2 * sinU1 * sinU2) / cos2Alpha : 0;
    const C = (F / 16) * cos2Alpha * (4 + F * (4 - 3 * cos2Alpha));
    const previous = lambda;
    lambda = L + (1 - C) * F * sinAlpha * (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
    if (Math.abs(lambda - previous) < 1e-12) {
      const u2 = (cos2Alpha * (A * A - B * B)) / (B * B);
      const bigA = 1 + (u2 / 16384) * (4096 + u2 * (-768 + u2 * (320 - 175 * u2)));
      const bigB = (u2 / 1024) * (256 + u2 * (-128 + u2 * (74 - 47 * u2)));
      const c2 = cos2SigmaM * cos2SigmaM;
      const deltaSigma =
        bigB *
        sinSigma *
        (cos2SigmaM + (bigB / 4) * (cosSigma * (-1 + 2 * c2) - (bigB / 6) * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * c2)));
      return B * bigA * (sigma - deltaSigma);
    }
  }
  return andoyerLambertDistanceMeters(lon1, lat1, lon2, lat2);
}

/**
 * Lambert's (Andoyer–Lambert) first-order ellipsoidal correction of the great-circle distance on
 * reduced latitudes: closed form, no iteration; about 10 ppm worst case, centimetres on a
 * kilometre (W. D. Lambert, "The distance between two widely separated points on the surface of the
 * earth", J. Washington Academy of Sciences 32(5), 1942). Used as Vincenty's fallback.
 */
export function andoyerLambertDistanceMeters(lon1: number, lat1: number, lon2: number, lat2: number): number {
  if (lon1 === lon2 && lat1 === lat2) return 0;
  const beta1 = Math.atan((1 - F) * Math.tan(lat1 * DEG));
  const beta2 = Math.atan((1 - F) * Math.tan(lat2 * DEG));
  // Central angle on the auxiliary sphere by the haversine form (well conditioned for short lines).
  const sinHalfDBeta = Math.sin((beta2 - beta1) / 2);
  const sinHalfDLon = Math.sin(((lon2 - lon1) * DEG) / 2);
  const h = sinHalfDBeta * sinHalfDBeta + Math.cos(beta1) * Math.cos(beta2) * sinHalfDLon * sinHalfDLon;
  const sigma = 2 * Math.asin(Math.min(1, Math.sqrt(h)));
  if (sigma === 0) return 0;
  const P = (beta1 + beta2) / 2;
  const Q = (beta2 - beta1) / 2;
  const sinP = Math.sin(P);
  const cosP = Math.cos(P);
  const sinQ = Math.sin(Q);
  const cosQ = Math.cos(Q);
  const cosHalf = Math.cos(sigma / 2);
  const sinHalf = Math.sin(sigma / 2);
  const X = cosHalf === 0 ? 0 : ((sigma - Math.sin(sigma)) * sinP * sinP * cosQ * cosQ) / (cosHalf * cosHalf);
  const Y = ((sigma + Math.sin(sigma)) * cosP * cosP * sinQ * sinQ) / (sinHalf * sinHalf);
  return A * (sigma - (F / 2) * (X + Y));
}
