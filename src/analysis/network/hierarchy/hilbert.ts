/**
 * Position of each point along a Hilbert curve over the points' bounding box (2^16 cells a side):
 * points close on the curve are close on the ground, so sorting by it puts neighbours near each other
 * in memory. The standard iterative mapping (xy → d) of the curve.
 */
export function hilbertKeys(lonLat: Float64Array, count: number): Float64Array {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < count; i++) {
    const x = lonLat[2 * i];
    const y = lonLat[2 * i + 1];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const side = 1 << 16;
  const scale = (side - 1) / Math.max(maxX - minX, maxY - minY, 1e-12);
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const x = Math.round((lonLat[2 * i] - minX) * scale);
    const y = Math.round((lonLat[2 * i + 1] - minY) * scale);
    keys[i] = Number.isFinite(x) && Number.isFinite(y) ? hilbertIndex(side, x, y) : 0;
  }
  return keys;
}

/** Index of cell (x, y) along the Hilbert curve filling a side × side square (side a power of two). */
export function hilbertIndex(side: number, x: number, y: number): number {
  let d = 0;
  for (let s = side >> 1; s > 0; s >>= 1) {
    const rx = (x & s) > 0 ? 1 : 0;
    const ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    // Rotate the quadrant so the sub-curve is in standard orientation.
    if (ry === 0) {
      if (rx === 1) {
        x = side - 1 - x;
        y = side - 1 - y;
      }
      const t = x;
      x = y;
      y = t;
    }
  }
  return d;
}
