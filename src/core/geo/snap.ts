import type { LonLat } from '../model/types';
import { createLocalFrame } from './localFrame';
import type { LonLatHeight } from './measure';

/** A prism a measurement can snap to: a building's footprint (exterior ring) from its base to its roof. */
export interface SnapSolid {
  id: string;
  ring: readonly LonLat[];
  baseHeightMeters: number;
  roofHeightMeters: number;
}

export type SnapKind = 'vertex' | 'edge' | 'none';

export interface SnapResult {
  /** The snapped point (the input point when nothing was within the tolerance). */
  position: LonLatHeight;
  kind: SnapKind;
  /** The solid snapped to (null: none). */
  solidId: string | null;
  /** Distance (m) from the input point to the snapped one. */
  distanceMeters: number;
}

type Vec3 = [number, number, number];

/**
 * Snaps a picked point to the nearest corner of a building (footprint vertex at its base or roof) within
 * `toleranceMeters`, else to the nearest point on an edge (roof and base outlines, vertical corners); corners
 * win over edges as in CAD, so a click near a corner lands exactly on it. Computed in metres on the local
 * tangent plane at the point (height up), exact enough within a tolerance of a few metres.
 */
export function snapToSolids(point: LonLatHeight, solids: readonly SnapSolid[], toleranceMeters: number): SnapResult {
  const none: SnapResult = { position: point, kind: 'none', solidId: null, distanceMeters: 0 };
  if (!(toleranceMeters > 0)) return none;
  const frame = createLocalFrame([point[0], point[1]]);
  const p: Vec3 = [0, 0, point[2]];
  let vertex: { at: Vec3; d: number; id: string } | null = null;
  let edge: { at: Vec3; d: number; id: string } | null = null;
  for (const solid of solids) {
    const ring = closedRing(solid.ring).map((c) => frame.toLocal(c));
    if (!nearBox(ring, p, toleranceMeters, solid)) continue;
    const levels = [solid.baseHeightMeters, solid.roofHeightMeters];
    for (let i = 0; i < ring.length - 1; i++) {
      const [e0, n0] = ring[i];
      const [e1, n1] = ring[i + 1];
      for (const z of levels) {
        const corner: Vec3 = [e0, n0, z];
        const dv = distance(p, corner);
        if (dv <= toleranceMeters && (!vertex || dv < vertex.d)) vertex = { at: corner, d: dv, id: solid.id };
        const onEdge = closestOnSegment(p, corner, [e1, n1, z]);
        const de = distance(p, onEdge);
        if (de <= toleranceMeters && (!edge || de < edge.d)) edge = { at: onEdge, d: de, id: solid.id };
      }
      const onCorner = closestOnSegment(p, [e0, n0, levels[0]], [e0, n0, levels[1]]);
      const dc = distance(p, onCorner);
      if (dc <= toleranceMeters && (!edge || dc < edge.d)) edge = { at: onCorner, d: dc, id: solid.id };
    }
  }
  const hit = vertex ?? edge;
  if (!hit) return none;
  const [lon, lat] = frame.toLonLat(hit.at[0], hit.at[1]);
  return { position: [lon, lat, hit.at[2]], kind: vertex ? 'vertex' : 'edge', solidId: hit.id, distanceMeters: hit.d };
}

function closedRing(ring: readonly LonLat[]): readonly LonLat[] {
  const n = ring.length;
  if (n === 0) return ring;
  return ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1] ? ring : [...ring, ring[0]];
}

/** Cheap rejection: the point is farther than the tolerance from the solid's bounding box. */
function nearBox(ring: readonly [number, number][], p: Vec3, tolerance: number, solid: SnapSolid): boolean {
  let minE = Infinity;
  let maxE = -Infinity;
  let minN = Infinity;
  let maxN = -Infinity;
  for (const [e, n] of ring) {
    minE = Math.min(minE, e);
    maxE = Math.max(maxE, e);
    minN = Math.min(minN, n);
    maxN = Math.max(maxN, n);
  }
  const zLow = Math.min(solid.baseHeightMeters, solid.roofHeightMeters);
  const zHigh = Math.max(solid.baseHeightMeters, solid.roofHeightMeters);
  return (
    p[0] >= minE - tolerance &&
    p[0] <= maxE + tolerance &&
    p[1] >= minN - tolerance &&
    p[1] <= maxN + tolerance &&
    p[2] >= zLow - tolerance &&
    p[2] <= zHigh + tolerance
  );
}

function distance(a: Vec3, b: Vec3): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

function closestOnSegment(p: Vec3, a: Vec3, b: Vec3): Vec3 {
  const ab: Vec3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
  const lengthSquared = ab[0] * ab[0] + ab[1] * ab[1] + ab[2] * ab[2];
  const t =
    lengthSquared === 0
      ? 0
      : Math.max(0, Math.min(1, ((p[0] - a[0]) * ab[0] + (p[1] - a[1]) * ab[1] + (p[2] - a[2]) * ab[2]) / lengthSquared));
  return [a[0] + t * ab[0], a[1] + t * ab[1], a[2] + t * ab[2]];
}
