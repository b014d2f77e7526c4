import { issueMessage, type IssueMessage } from '../../core/errors';
import type { LonLat } from '../../core/model/types';

/**
 * Finds where a closed ring crosses or touches itself — the "self-intersecting ring" that makes
 * a footprint unusable for extrusion, areas and point-in-polygon (OGC simple-features validity).
 *
 * Sweep over segments sorted by their western end: each segment is tested only against the
 * segments whose x-extent still overlaps it, so footprints (tens to thousands of vertices) cost
 * about O(n log n). Pathological rings (every segment spanning the whole width) degrade to
 * O(n²); a budget of pair tests bounds that, and the ring is then reported as unchecked rather
 * than hanging the import.
 */

export type RingCheck =
  | { kind: 'simple' }
  | { kind: 'crossing'; at: LonLat; segments: [number, number] }
  | { kind: 'unchecked'; reason: string; message?: IssueMessage };

/** ~ a 2,000-vertex ring checked naively pair by pair (2,000² / 2); the sweep rarely gets near it. */
export const MAX_SEGMENT_PAIR_TESTS = 2_000_000;

type Point = readonly [number, number];

const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
const sign = (v: number) => (v > 0 ? 1 : v < 0 ? -1 : 0);

/** q lies on segment p–r, given that p, q, r are collinear. */
const withinBox = (p: Point, q: Point, r: Point) =>
  q[0] <= Math.max(p[0], r[0]) && q[0] >= Math.min(p[0], r[0]) && q[1] <= Math.max(p[1], r[1]) && q[1] >= Math.min(p[1], r[1]);

/** Closed-segment intersection (touching counts), with the classic orientation tests. */
function segmentsMeet(p1: Point, p2: Point, p3: Point, p4: Point): boolean {
  const d1 = sign(cross(p3, p4, p1));
  const d2 = sign(cross(p3, p4, p2));
  const d3 = sign(cross(p1, p2, p3));
  const d4 = sign(cross(p1, p2, p4));
  if (d1 !== d2 && d3 !== d4 && d1 !== 0 && d2 !== 0 && d3 !== 0 && d4 !== 0) return true;
  return (
    (d1 === 0 && withinBox(p3, p1, p4)) ||
    (d2 === 0 && withinBox(p3, p2, p4)) ||
    (d3 === 0 && withinBox(p1, p3, p2)) ||
    (d4 === 0 && withinBox(p1, p4, p2))
  );
}

function meetingPoint(p1: Point, p2: Point, p3: Point, p4: Point): LonLat {
  const denominator = (p2[0] - p1[0]) * (p4[1] - p3[1]) - (p2[1] - p1[1]) * (p4[0] - p3[0]);
  if (denominator === 0) return [p1[0], p1[1]];
  const t = ((p3[0] - p1[0]) * (p4[1] - p3[1]) - (p3[1] - p1[1]) * (p4[0] - p3[0])) / denominator;
  return [p1[0] + t * (p2[0] - p1[0]), p1[1] + t * (p2[1] - p1[1])];
}

/**
 * `ring` must be closed (first = last) and free of consecutive duplicate positions.
 * Neighbouring segments share a vertex by construction; they only count when they fold back
 * onto each other (a spike).
 */
export function checkRingSimple(ring: readonly Point[], maxPairTests = MAX_SEGMENT_PAIR_TESTS): RingCheck {
  const n = ring.length - 1;
  if (n < 3) return { kind: 'simple' };
  const minX = new Float64Array(n);
  const maxX = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    minX[i] = Math.min(ring[i][0], ring[i + 1][0]);
    maxX[i] = Math.max(ring[i][0], ring[i + 1][0]);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => minX[a] - minX[b]);
  let active: number[] = [];
  let tests = 0;
  for (const i of order) {
    active = active.filter((j) => maxX[j] >= minX[i]);
    const a1 = ring[i];
    const a2 = ring[i + 1];
    for (const j of active) {
      if (++tests > maxPairTests) {
        return {
          kind: 'unchecked',
          reason: `ring of ${n} segments too complex to check`,
          message: issueMessage('issue.geometry.ringTooComplex', { count: n }),
        };
      }
      const b1 = ring[j];
      const b2 = ring[j + 1];
      if (Math.max(a1[1], a2[1]) < Math.min(b1[1], b2[1]) || Math.max(b1[1], b2[1]) < Math.min(a1[1], a2[1])) continue;
      const gap = Math.abs(i - j);
      if (gap === 1 || gap === n - 1) {
        // Shared vertex s; the segments fold back if the other ends lie on the same ray from s.
        const [s, a, b] = j === i + 1 || (i === n - 1 && j === 0) ? [a2, a1, b2] : [a1, a2, b1];
        const folded = cross(s, a, b) === 0 && (a[0] - s[0]) * (b[0] - s[0]) + (a[1] - s[1]) * (b[1] - s[1]) > 0;
        if (folded) return { kind: 'crossing', at: [s[0], s[1]], segments: [Math.min(i, j), Math.max(i, j)] };
        continue;
      }
      if (segmentsMeet(a1, a2, b1, b2)) {
        return { kind: 'crossing', at: meetingPoint(a1, a2, b1, b2), segments: [Math.min(i, j), Math.max(i, j)] };
      }
    }
    active.push(i);
  }
  return { kind: 'simple' };
}
